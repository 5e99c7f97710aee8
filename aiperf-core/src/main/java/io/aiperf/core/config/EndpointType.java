package io.aiperf.core.config;

import java.util.Locale;

/**
 * The API shape a benchmark speaks. Names are AIPerf's {@code --endpoint-type} values; the path is the
 * default appended to the base URL unless {@code --custom-endpoint} is given.
 */
public enum EndpointType {
    CHAT("chat", "/v1/chat/completions", "LLM Metrics"),
    COMPLETIONS("completions", "/v1/completions", "LLM Metrics");

    private final String cliName;
    private final String defaultPath;
    private final String metricsTitle;

    EndpointType(String cliName, String defaultPath, String metricsTitle) {
        this.cliName = cliName;
        this.defaultPath = defaultPath;
        this.metricsTitle = metricsTitle;
    }

    public String cliName() {
        return cliName;
    }

    public String defaultPath() {
        return defaultPath;
    }

    public String metricsTitle() {
        return metricsTitle;
    }

    /** Case-insensitive, with '-' and '_' interchangeable, as AIPerf accepts enum values. */
    public static EndpointType fromCli(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (EndpointType type : values()) {
            if (type.cliName.equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown endpoint type '" + value + "' (expected one of: chat, completions)");
    }
}
