package io.aiperf.core.bus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The bus addresses a service process is given: one endpoint per {@link Channel} it connects to. On a command line
 * they are {@code --endpoint CHANNEL=ADDRESS} pairs, so the launcher and the service never agree on loose option
 * names.
 */
public record ServiceEndpoints(Map<Channel, String> byChannel) {

    /** The command-line option that carries one {@code CHANNEL=ADDRESS} pair. */
    public static final String OPTION = "--endpoint";

    public ServiceEndpoints {
        EnumMap<Channel, String> copy = new EnumMap<>(Channel.class);
        if (byChannel != null) {
            copy.putAll(byChannel);
        }
        byChannel = Map.copyOf(copy);
    }

    public static ServiceEndpoints of(Channel channel, String endpoint) {
        return new ServiceEndpoints(Map.of(channel, endpoint));
    }

    /** These endpoints and {@code channel}'s. */
    public ServiceEndpoints with(Channel channel, String endpoint) {
        EnumMap<Channel, String> next = new EnumMap<>(Channel.class);
        next.putAll(byChannel);
        next.put(channel, endpoint);
        return new ServiceEndpoints(next);
    }

    /** The endpoint of {@code channel}; a service started without it is a bug in whoever started it. */
    public String get(Channel channel) {
        String endpoint = byChannel.get(channel);
        if (endpoint == null) {
            throw new IllegalStateException("no " + channel.cliName() + " endpoint was given to this service");
        }
        return endpoint;
    }

    /** {@code --endpoint channel=address} for each, in channel order, for a child's command line. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        for (Channel c : Channel.values()) {
            String endpoint = byChannel.get(c);
            if (endpoint != null) {
                args.add(OPTION);
                args.add(c.cliName() + "=" + endpoint);
            }
        }
        return args;
    }
}
