package io.aiperf.telemetry.server;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BucketQuantileTest {

    private static TreeMap<Double, Double> buckets(double... boundAndCount) {
        TreeMap<Double, Double> b = new TreeMap<>();
        for (int i = 0; i < boundAndCount.length; i += 2) {
            b.put(boundAndCount[i], boundAndCount[i + 1]);
        }
        return b;
    }

    @Test
    void interpolatesInsideTheBucketTheRankFallsIn() {
        // 10 observations: 4 at or below 0.1, 8 at or below 0.5, all at or below 1.
        TreeMap<Double, Double> b = buckets(0.1, 4, 0.5, 8, 1.0, 10, Double.POSITIVE_INFINITY, 10);
        assertThat(BucketQuantile.estimate(0.5, b)).isCloseTo(0.1 + 0.4 * (5 - 4) / 4.0, within(1e-12));
        assertThat(BucketQuantile.estimate(0.2, b)).isCloseTo(0.05, within(1e-12)); // the first bucket from 0
    }

    @Test
    void aRankInTheInfBucketGivesTheHighestFiniteBound() {
        TreeMap<Double, Double> b = buckets(0.1, 1, 1.0, 2, Double.POSITIVE_INFINITY, 10);
        assertThat(BucketQuantile.estimate(0.99, b)).isEqualTo(1.0);
    }

    @Test
    void noObservationsNoQuantile() {
        assertThat(BucketQuantile.estimate(0.5, buckets(0.1, 0, Double.POSITIVE_INFINITY, 0))).isNull();
        assertThat(BucketQuantile.estimate(0.5, new TreeMap<>())).isNull();
    }
}
