package io.aiperf.core.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RampedLimitTest {

    private static final long S = 1_000_000_000L;

    @Test
    void withoutARampTheTargetHoldsFromTheStart() {
        assertThat(RampedLimit.of(8, null).at(0)).isEqualTo(8);
    }

    @Test
    void aRampRisesFromOneToTheTargetInWholeSteps() {
        RampedLimit limit = RampedLimit.of(11, 10.0);
        assertThat(limit.at(0)).isEqualTo(1);
        assertThat(limit.at(S - 1)).isEqualTo(1);
        assertThat(limit.at(S)).isEqualTo(2);
        assertThat(limit.at(5 * S)).isEqualTo(6);
        assertThat(limit.at(10 * S - 1)).isEqualTo(10);
        assertThat(limit.at(10 * S)).isEqualTo(11);
        assertThat(limit.at(100 * S)).isEqualTo(11);
    }

    @Test
    void noLimitStaysNoLimitEvenWithARamp() {
        assertThat(RampedLimit.of(null, 10.0).at(0)).isEqualTo(Integer.MAX_VALUE);
    }
}
