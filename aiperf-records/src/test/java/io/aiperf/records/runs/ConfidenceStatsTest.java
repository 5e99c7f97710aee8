package io.aiperf.records.runs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConfidenceStatsTest {

    @Test
    void threeRunsGiveTheSampleStdAndAStudentTInterval() {
        ConfidenceStats s = ConfidenceStats.of(new double[] {10, 12, 14}, 0.95);

        // Hand-computed: mean 12; squared deviations 4 + 0 + 4 over n - 1 = 2 is 4, so std 2; t(0.975, 2 df).
        double t = 4.302652729911275;
        double se = 2 / Math.sqrt(3);
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(12.0);
        assertThat(s.std()).isCloseTo(2.0, within(1e-12));
        assertThat(s.cv()).isCloseTo(2.0 / 12, within(1e-12));
        assertThat(s.se()).isCloseTo(se, within(1e-12));
        assertThat(s.tCritical()).isCloseTo(t, within(1e-9));
        assertThat(s.ciLow()).isCloseTo(12 - t * se, within(1e-9));
        assertThat(s.ciHigh()).isCloseTo(12 + t * se, within(1e-9));
        assertThat(s.min()).isEqualTo(10.0);
        assertThat(s.max()).isEqualTo(14.0);
    }

    @Test
    void aHigherLevelWidensTheInterval() {
        ConfidenceStats at95 = ConfidenceStats.of(new double[] {1, 2, 4, 8}, 0.95);
        ConfidenceStats at99 = ConfidenceStats.of(new double[] {1, 2, 4, 8}, 0.99);

        // t(0.995, 3 df) = 5.840909309733349 from the t table; the std does not depend on the level.
        assertThat(at99.tCritical()).isCloseTo(5.840909309733349, within(1e-9));
        assertThat(at99.ciHigh() - at99.ciLow()).isGreaterThan(at95.ciHigh() - at95.ciLow());
        assertThat(at99.std()).isEqualTo(at95.std());
    }

    @Test
    void oneValueHasNoSpreadAndNoQuantile() {
        ConfidenceStats s = ConfidenceStats.of(new double[] {7.5}, 0.95);

        assertThat(s.std()).isZero();
        assertThat(s.cv()).isZero();
        assertThat(s.se()).isZero();
        assertThat(s.ciLow()).isEqualTo(7.5);
        assertThat(s.ciHigh()).isEqualTo(7.5);
        assertThat(s.tCritical()).isNaN();
    }

    @Test
    void aZeroMeanWithSpreadHasAnInfiniteCv() {
        assertThat(ConfidenceStats.of(new double[] {-1, 1}, 0.95).cv()).isInfinite();
    }

    @Test
    void noValuesOrALevelOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> ConfidenceStats.of(new double[0], 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfidenceStats.of(new double[] {1, 2}, 1.0))
                .hasMessageContaining("(0, 1)");
    }
}
