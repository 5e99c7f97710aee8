package io.aiperf.cli;

import io.aiperf.core.config.AiperfEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI says about its {@code AIPERF_*} environment before it runs anything. */
class EnvironmentCheckTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(Map<String, String> env) {
        return AiperfMain.checkEnvironment(env, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void restoreThisJvmsSettings() {
        AiperfEnvironment.useForThisJvm(AiperfEnvironment.of(System.getenv()));
    }

    @Test
    void eachUnknownVariableIsWarnedAboutOnceAndTheRunGoesOn() {
        assertThat(check(Map.of("AIPERF_FOO", "1", "AIPERF_WORKER_MAX_WORKERS_CAP", "4", "HOME", "/h"))).isZero();
        assertThat(stderr()).isEqualTo("aiperf: warning: AIPERF_FOO is not a setting of this build; ignored"
                + " (docs/configuration.md lists them)" + System.lineSeparator());
        assertThat(AiperfEnvironment.current().workerMaxWorkersCap()).isEqualTo(4);
    }

    @Test
    void aiperfsVariablesWithoutAnEffectHereDrawNoWarning() {
        assertThat(check(Map.of("AIPERF_HTTP_CONNECTION_LIMIT", "100", "AIPERF_ZMQ_RCVTIMEO", "1000",
                "AIPERF_DEV_MODE", "true"))).isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aBadValueIsOneUsageLineAndExitTwo() {
        assertThat(check(Map.of("AIPERF_GPU_COLLECTION_INTERVAL", "fast"))).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr()).isEqualTo("aiperf: error: AIPERF_GPU_COLLECTION_INTERVAL='fast': expected seconds"
                + " greater than 0 and at most 3600" + System.lineSeparator());
    }
}
