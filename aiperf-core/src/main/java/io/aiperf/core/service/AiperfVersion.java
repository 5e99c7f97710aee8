package io.aiperf.core.service;

/** The version written into exports ({@code aiperf_version}) and the User-Agent. */
public final class AiperfVersion {

    public static final String VERSION = "0.1.0";

    private AiperfVersion() {
    }
}
