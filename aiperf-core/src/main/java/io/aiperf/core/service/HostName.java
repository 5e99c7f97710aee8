package io.aiperf.core.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This host's name, as a worker from another host names itself to the controller: {@code HOSTNAME} when set (a
 * Kubernetes pod's name), else what the resolver says, else null.
 */
public final class HostName {

    private HostName() {
    }

    /** This host's name, or null when neither {@code HOSTNAME} nor the resolver gives one. */
    public static String local() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
