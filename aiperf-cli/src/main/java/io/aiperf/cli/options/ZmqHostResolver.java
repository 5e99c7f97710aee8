package io.aiperf.cli.options;

import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.error.UsageException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * {@code --zmq-host}: the interface the message bus binds on, as the IPv4 address JeroMQ binds to. A host name is
 * resolved once here, so every process binds the same address; one that resolves to no IPv4 address is refused,
 * since the bus speaks IPv4 only.
 */
final class ZmqHostResolver {

    private ZmqHostResolver() {
    }

    static String resolve(String value) {
        if (value == null) {
            return ServiceConfig.DEFAULT_ZMQ_HOST;
        }
        String host = value.strip();
        if (host.isEmpty()) {
            throw new UsageException("--zmq-host is empty: give an IPv4 address such as 127.0.0.1 or 0.0.0.0");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address instanceof Inet4Address) {
                    return address.getHostAddress();
                }
            }
        } catch (UnknownHostException e) {
            throw new UsageException("--zmq-host '" + host + "': unknown host");
        }
        throw new UsageException("--zmq-host '" + host + "': has no IPv4 address (the bus binds IPv4 only)");
    }
}
