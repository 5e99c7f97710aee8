package io.aiperf.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * How every aiperf JVM logs, set up with logback's API (found through {@code META-INF/services}) instead of a
 * {@code logback.xml}: reading the XML (a SAX parser, logback's model processors and their lambdas) cost each JVM
 * ~80 ms of CPU at start even with its classes in a class-data archive (0.24 s against 0.16 s for the first log
 * line; 0.50 s against 0.26 s without an archive), five JVMs per run, on the path to the first request.
 *
 * <p>One appender on stderr: a service JVM's parent appends it to {@code <artifact-dir>/logs/aiperf.log}; the CLI
 * logs only warnings, since it owns the terminal and prints its own lines. The root level is the
 * {@code aiperf.log.level} system property (what {@code JvmLauncher} passes a service), else WARN; each line names
 * the JVM ({@code aiperf.service.id}, else {@code cli}) and is masked by {@link RedactingLayout}. A {@code -Dlogback.configurationFile} still wins: then
 * logback's own configurators read that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class StderrLogConfigurator extends ContextAwareBase implements Configurator {

    /** Libraries whose INFO and DEBUG lines say nothing a user of aiperf needs. */
    static final Map<String, Level> QUIET_LIBRARIES = Map.of(
            "ai.djl", Level.ERROR,
            "io.netty", Level.WARN,
            "org.zeromq", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [" + System.getProperty("aiperf.service.id", "cli")
                + "] %logger{24} - %msg%n");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        QUIET_LIBRARIES.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("aiperf.log.level"), Level.WARN));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
