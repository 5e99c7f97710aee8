package io.aiperf.telemetry.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterDeltaTest {

    @Test
    void theIncreaseIsLastMinusFirstWithoutAReset() {
        assertThat(CounterDelta.increase(100, 105, 130)).isEqualTo(30.0);
    }

    @Test
    void aDropIsAResetAfterWhichTheIncreaseCountsFromZero() {
        // 100 -> 130 is +30, reset, 0 -> 5 is +5, 5 -> 12 is +7
        assertThat(CounterDelta.increase(100, 130, 5, 12)).isEqualTo(42.0);
    }

    @Test
    void neverNegative() {
        assertThat(CounterDelta.increase(50, 10)).isEqualTo(10.0);
        assertThat(CounterDelta.increase(50, -3)).isEqualTo(0.0);
    }

    @Test
    void brokenScrapesAreSkipped() {
        assertThat(CounterDelta.increase(10, Double.NaN, 15, Double.POSITIVE_INFINITY, 20)).isEqualTo(10.0);
        assertThat(CounterDelta.increase(Arrays.asList(10.0, null, 14.0))).isEqualTo(4.0);
    }

    @Test
    void fewerThanTwoScrapesGiveZero() {
        assertThat(CounterDelta.increase()).isEqualTo(0.0);
        assertThat(CounterDelta.increase(List.of(7.0))).isEqualTo(0.0);
    }
}
