package io.aiperf.core.dataset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositiveNormalTest {

    @Test
    void zeroStddevRoundsTheMeanHalfToEvenAndDrawsNothing() {
        SeededRandom r = new SeededRandom(1L);
        assertThat(PositiveNormal.sampleInteger(r, 550, 0)).isEqualTo(550);
        assertThat(PositiveNormal.sampleInteger(r, 2.5, 0)).isEqualTo(2);
        assertThat(PositiveNormal.sampleInteger(r, 3.5, -1)).isEqualTo(4);
        assertThat(PositiveNormal.sampleInteger(r, 0.2, 0)).isEqualTo(1);
        assertThat(PositiveNormal.sampleInteger(r, 0, 0)).isEqualTo(1);
        assertThat(PositiveNormal.sample(r, 12.25, 0)).isEqualTo(12.25);
        assertThat(r.nextLong()).isEqualTo(new SeededRandom(1L).nextLong());
    }

    @Test
    void meanAndStddevAreRoughlyRightOverTenThousandDraws() {
        SeededRandom r = new SeededRandom(2024L);
        int n = 10_000;
        double sum = 0;
        double sq = 0;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int v = PositiveNormal.sampleInteger(r, 550, 50);
            min = Math.min(min, v);
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sq / n - mean * mean);
        // ceil adds ~0.5 on average
        assertThat(mean).isBetween(548.0, 553.0);
        assertThat(sd).isBetween(48.0, 52.0);
        assertThat(min).isGreaterThanOrEqualTo(1);
    }

    @Test
    void neverBelowOneEvenWithMostMassBelowZero() {
        SeededRandom r = new SeededRandom(5L);
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            int v = PositiveNormal.sampleInteger(r, 1, 10);
            assertThat(v).isGreaterThanOrEqualTo(1);
            sum += v;
            double x = PositiveNormal.sample(r, 0, 3);
            assertThat(x).isGreaterThan(0);
        }
        // truncated normal N(1, 10) | > 0 has mean ~ 8.8; ceil adds ~0.5
        assertThat(sum / 10_000).isBetween(8.0, 10.5);
    }

    @Test
    void negativeOrNonFiniteMeanIsRejected() {
        SeededRandom r = new SeededRandom(1L);
        assertThatThrownBy(() -> PositiveNormal.sampleInteger(r, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PositiveNormal.sample(r, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PositiveNormal.sample(r, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeValuesSaturate() {
        assertThat(PositiveNormal.sampleInteger(new SeededRandom(1L), 1e12, 0)).isEqualTo(Integer.MAX_VALUE);
    }
}
