package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * AIPerf's {@code --log-level} values and the Logback level each one runs at: Logback has no NOTICE, SUCCESS or
 * CRITICAL, so those log as the nearest level at or below them (NOTICE and SUCCESS as INFO, CRITICAL as ERROR).
 */
public enum LogLevel {
    TRACE("TRACE"),
    DEBUG("DEBUG"),
    INFO("INFO"),
    NOTICE("INFO"),
    WARNING("WARN"),
    SUCCESS("INFO"),
    ERROR("ERROR"),
    CRITICAL("ERROR");

    /** What --help says about the levels. */
    public static final String HELP = "TRACE, DEBUG, INFO, NOTICE, WARNING, SUCCESS, ERROR or CRITICAL, any case; "
            + "Logback has no NOTICE, SUCCESS or CRITICAL: NOTICE and SUCCESS log as INFO, WARNING as WARN, "
            + "CRITICAL as ERROR";

    private final String logback;

    LogLevel(String logback) {
        this.logback = logback;
    }

    /** The Logback (SLF4J) level name the services are started with. */
    public String logback() {
        return logback;
    }

    /**
     * The level named by {@code value}, in any case; Logback's own WARN is accepted too, as it always was.
     *
     * @throws UsageException naming every level when {@code value} is none of them
     */
    public static LogLevel parse(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("WARN")) {
            return WARNING;
        }
        for (LogLevel level : values()) {
            if (level.name().equals(upper)) {
                return level;
            }
        }
        throw new UsageException("--log-level '" + value + "': expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
