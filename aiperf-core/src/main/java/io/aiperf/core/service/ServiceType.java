package io.aiperf.core.service;

import java.util.Locale;

/** The kinds of process an aiperf run is made of; each JVM's command line names its type ({@code --type}). */
public enum ServiceType {
    SYSTEM_CONTROLLER,
    WORKER;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceType fromCli(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
