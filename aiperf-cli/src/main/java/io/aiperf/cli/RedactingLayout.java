package io.aiperf.cli;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.aiperf.core.config.LogRedaction;

/**
 * The log line layout of every aiperf JVM: a pattern layout whose whole output (message and stack trace) goes
 * through {@link LogRedaction#mask}, so no credential the JVM knows is written to {@code aiperf.log} or stderr,
 * whatever logged it.
 */
final class RedactingLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return LogRedaction.mask(super.doLayout(event));
    }
}
