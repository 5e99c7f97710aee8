package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The in-memory warm-up runs the real pipeline; it must pass cleanly (no leaks, no exceptions). */
class WarmupTest {

    @Test
    void runsWithoutErrors() {
        assertThatCode(Warmup::run).doesNotThrowAnyException();
        assertThatCode(Warmup::run).as("idempotent").doesNotThrowAnyException();
    }
}
