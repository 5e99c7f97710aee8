package io.aiperf.core.bus;

import io.aiperf.core.config.ServiceConfig;

import java.util.Map;

/**
 * Where a worker started on its own finds the run: {@code aiperf worker --controller HOST[:PORT]}, the port being the
 * controller's {@code --zmq-port} (its credits channel; events and records are on the next ports,
 * {@link Channel#portFrom}).
 */
public record ControllerAddress(String host, int basePort) {

    /**
     * Reads {@code HOST}, {@code HOST:PORT} or {@code tcp://HOST:PORT}.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static ControllerAddress parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.startsWith("tcp://")) {
            v = v.substring("tcp://".length());
        }
        if (v.isEmpty() || v.contains("/")) {
            throw new IllegalArgumentException("--controller '" + value + "': expected HOST or HOST:PORT");
        }
        int colon = v.lastIndexOf(':');
        if (colon < 0) {
            return new ControllerAddress(v, ServiceConfig.DEFAULT_ZMQ_PORT);
        }
        String host = v.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || host.contains(":") || port < 1 || port > 65536 - ServiceConfig.FIXED_PORTS) {
            throw new IllegalArgumentException("--controller '" + value + "': expected HOST:PORT with PORT the "
                    + "controller's --zmq-port (1 to " + (65536 - ServiceConfig.FIXED_PORTS) + ")");
        }
        return new ControllerAddress(host, port);
    }

    /** The controller's events and credits channels, which the worker connects to first. */
    public ServiceEndpoints endpoints() {
        return new ServiceEndpoints(Map.of(
                Channel.EVENTS, endpoint(Channel.EVENTS.portFrom(basePort)),
                Channel.CREDITS, endpoint(Channel.CREDITS.portFrom(basePort))));
    }

    /**
     * The records manager's address as this worker reaches it: the port it was told, on the host the worker dialled
     * (the address the controller knows itself by, e.g. {@code 0.0.0.0} or a pod IP, need not be one this host can
     * reach).
     */
    public String recordsEndpoint(String announced) {
        int colon = announced.lastIndexOf(':');
        return endpoint(Integer.parseInt(announced.substring(colon + 1)));
    }

    private String endpoint(int port) {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return host + ":" + basePort;
    }
}
