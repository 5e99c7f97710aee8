package io.aiperf.core.bus;

import io.aiperf.core.service.HostName;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * The address other hosts reach this one's bus at, for the line that tells the user where workers connect: the
 * interface it binds on, or, when it binds on every interface ({@code 0.0.0.0}), this host's first IPv4 address
 * that is up and not loopback (a private one first). Only a hint: behind NAT or in a cluster, the user's own name
 * for the host (a Service name) is the one to use.
 */
public final class ReachableHost {

    private ReachableHost() {
    }

    public static String of(String bindHost) {
        if (!"0.0.0.0".equals(bindHost)) {
            return bindHost;
        }
        String fallback = null;
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        if (address.isSiteLocalAddress()) {
                            return address.getHostAddress();
                        }
                        if (fallback == null) {
                            fallback = address.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // No interface list: the host name below.
        }
        if (fallback != null) {
            return fallback;
        }
        String name = HostName.local();
        return name == null ? "127.0.0.1" : name;
    }
}
