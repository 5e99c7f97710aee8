package io.aiperf.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --fail-on-error-rate}: the rate, the strict comparison, and the line that names both numbers. */
class ErrorRateGateTest {

    @Test
    void unsetNeverFails() {
        assertThat(ErrorRateGate.check(null, 0, 10)).isNull();
    }

    @Test
    void aRateAboveTheThresholdFailsWithBothNumbers() {
        assertThat(ErrorRateGate.check(20.0, 7, 3))
                .isEqualTo("error rate 30.00% (3 of 10 requests failed) is above --fail-on-error-rate 20%");
        assertThat(ErrorRateGate.check(2.5, 97, 3)).endsWith("--fail-on-error-rate 2.5%");
    }

    @Test
    void aRateEqualToOrBelowTheThresholdPasses() {
        assertThat(ErrorRateGate.check(30.0, 7, 3)).isNull();
        assertThat(ErrorRateGate.check(50.0, 7, 3)).isNull();
        assertThat(ErrorRateGate.check(100.0, 0, 10)).isNull();
    }

    @Test
    void zeroFailsOnAnyErrorAndNoRequestsNeverFails() {
        assertThat(ErrorRateGate.check(0.0, 999, 1)).startsWith("error rate 0.10% (1 of 1000");
        assertThat(ErrorRateGate.check(0.0, 1000, 0)).isNull();
        assertThat(ErrorRateGate.check(0.0, 0, 0)).isNull();
    }
}
