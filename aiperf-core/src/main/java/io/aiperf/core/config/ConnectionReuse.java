package io.aiperf.core.config;

import java.util.Locale;

/**
 * How the worker's HTTP transport reuses connections ({@code --connection-reuse-strategy}, AIPerf's
 * {@code ConnectionReuseStrategy}). A new connection's set-up is always part of its first request's latency.
 */
public enum ConnectionReuse {
    /** One keep-alive pool per base URL, shared by every request (the default). */
    POOLED,
    /** A new connection for every request, closed when its response has ended. */
    NEVER,
    /**
     * One connection per conversation ({@code X-Correlation-ID}), used by each of its turns in turn and closed after
     * its last turn: what a load balancer with session affinity sees from real users.
     */
    STICKY_USER_SESSIONS;

    /**
     * Whether a connection whose exchange ended cleanly (complete response, keep-alive) may carry another request:
     * always when pooled, never when never, and when sticky only while its conversation has turns left.
     *
     * @param finalTurn the exchange was its conversation's last turn
     */
    public boolean keepsConnectionAfter(boolean finalTurn) {
        return switch (this) {
            case POOLED -> true;
            case NEVER -> false;
            case STICKY_USER_SESSIONS -> !finalTurn;
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the strategy named {@code value} (any case, {@code _} for {@code -}), or null when there is none */
    public static ConnectionReuse parse(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip().replace('_', '-');
        for (ConnectionReuse strategy : values()) {
            if (strategy.cliName().equalsIgnoreCase(name)) {
                return strategy;
            }
        }
        return null;
    }
}
