package io.aiperf.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.aiperf.core.config.LogRedaction;
import io.aiperf.core.config.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StderrLogConfiguratorTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream realErr;

    @BeforeEach
    void captureStderr() {
        realErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(realErr);
        System.clearProperty("aiperf.log.level");
        System.clearProperty("aiperf.service.id");
    }

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's SLF4J provider gives the real context
        StderrLogConfigurator configurator = new StderrLogConfigurator();
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }

    @Test
    void aServiceLogsAtItsLevelToStderrNamingItself() {
        System.setProperty("aiperf.log.level", "INFO");
        System.setProperty("aiperf.service.id", "worker-3");
        LoggerContext context = configured();

        context.getLogger("io.aiperf.worker.WorkerService").info("warmed");
        context.getLogger("io.aiperf.worker.WorkerService").debug("not at INFO");
        context.getLogger("io.netty.channel.Foo").info("library chatter");

        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[worker-3\\] "
                + "i\\.a\\.worker\\.WorkerService - warmed\\R");
    }

    @Test
    void theCliLogsOnlyWarnings() {
        LoggerContext context = configured();

        context.getLogger("io.aiperf.cli.Foo").info("not shown");
        context.getLogger("io.aiperf.cli.Foo").warn("shown");

        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN  [cli] ").contains("shown")
                .doesNotContain("not shown");
        assertThat(context.getLogger("ai.djl").getLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void aRegisteredSecretIsMaskedInMessagesAndStackTraces() {
        LogRedaction.register(Secrets.of("sk-logged-7e41c9", Map.of("X-My-Token", "tok-logged-22ab"),
                List.of("X-My-Token")));
        LoggerContext context = configured();

        context.getLogger("io.aiperf.worker.Foo").warn("header X-My-Token: {} sent", "tok-logged-22ab",
                new IllegalArgumentException("bad key sk-logged-7e41c9"));

        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("header X-My-Token: <redacted> sent")
                .contains("java.lang.IllegalArgumentException: bad key <redacted>")
                .doesNotContain("sk-logged-7e41c9").doesNotContain("tok-logged-22ab");
    }

    @Test
    void anExplicitLogbackConfigurationFileIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "/somewhere/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            StderrLogConfigurator configurator = new StderrLogConfigurator();
            configurator.setContext(context);

            assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }
}
