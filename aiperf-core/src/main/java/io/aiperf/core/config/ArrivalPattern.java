package io.aiperf.core.config;

import java.util.Locale;

/** Inter-arrival distribution of the request-rate mode ({@code --arrival-pattern} / {@code --request-rate-mode}). */
public enum ArrivalPattern {
    CONSTANT,
    POISSON,
    GAMMA,
    /** No pacing: a credit goes out whenever a concurrency slot is free (AIPerf's default without a rate). */
    CONCURRENCY_BURST;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArrivalPattern fromCli(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ArrivalPattern p : values()) {
            if (p.name().equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown arrival pattern '" + value
                + "' (expected constant, poisson, gamma or concurrency_burst)");
    }
}
