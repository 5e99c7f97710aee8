package io.aiperf.core.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Expected values are numpy's, worked out with its formula: rank r = p/100·(n−1), result
 * v[floor r] + (v[ceil r] − v[floor r])·(r − floor r).
 */
class LinearPercentileTest {

    private static final double[] ONE_TO_FOUR = {1, 2, 3, 4};

    @Test
    void interpolatesBetweenTheTwoNearestRanks() {
        // r = 0.5·3 = 1.5 → 2 + 0.5; r = 0.9·3 = 2.7 → 3 + 0.7; r = 0.99·3 = 2.97 → 3 + 0.97;
        // r = 0.25·3 = 0.75 → 1 + 0.75
        assertThat(LinearPercentile.of(ONE_TO_FOUR, 50)).isEqualTo(2.5);
        assertThat(LinearPercentile.of(ONE_TO_FOUR, 90)).isCloseTo(3.7, within(1e-12));
        assertThat(LinearPercentile.of(ONE_TO_FOUR, 99)).isCloseTo(3.97, within(1e-12));
        assertThat(LinearPercentile.of(ONE_TO_FOUR, 25)).isEqualTo(1.75);
    }

    @Test
    void p0IsTheMinimumAndP100TheMaximum() {
        assertThat(LinearPercentile.of(ONE_TO_FOUR, 0)).isEqualTo(1);
        assertThat(LinearPercentile.of(ONE_TO_FOUR, 100)).isEqualTo(4);
    }

    @Test
    void oneValueIsEveryPercentile() {
        double[] one = {7.25};
        assertThat(LinearPercentile.of(one, 0)).isEqualTo(7.25);
        assertThat(LinearPercentile.of(one, 37.5)).isEqualTo(7.25);
        assertThat(LinearPercentile.of(one, 100)).isEqualTo(7.25);
    }

    @Test
    void matchesTheExampleInNumpysDocumentation() {
        // np.percentile([[10, 7, 4], [3, 2, 1]], 50) == 3.5: sorted 1 2 3 4 7 10, r = 2.5 → 3 + 0.5
        assertThat(LinearPercentile.of(new double[] {1, 2, 3, 4, 7, 10}, 50)).isEqualTo(3.5);
    }

    @Test
    void wholeNumbers() {
        long[] tokens = {100, 150, 160};
        assertThat(LinearPercentile.of(tokens, 50)).isEqualTo(150); // r = 1
        assertThat(LinearPercentile.of(tokens, 90)).isCloseTo(158, within(1e-9)); // r = 1.8 → 150 + 0.8·10
        assertThat(LinearPercentile.of(tokens, 10)).isCloseTo(110, within(1e-9)); // r = 0.2 → 100 + 0.2·50
    }

    @Test
    void asksTheLookupForTheOneOrTwoRanksItNeeds() {
        List<Long> asked = new ArrayList<>();
        // 101 values 0, 10, 20, …, 1000
        double p50 = LinearPercentile.of(101, 50, k -> {
            asked.add(k);
            return 10.0 * k;
        });
        assertThat(p50).isEqualTo(500); // r = 50, a whole rank
        assertThat(asked).containsExactly(50L);

        asked.clear();
        double p995 = LinearPercentile.of(101, 99.5, k -> {
            asked.add(k);
            return 10.0 * k;
        });
        assertThat(p995).isCloseTo(995, within(1e-9)); // r = 99.5 → 990 + 0.5·10
        assertThat(asked).containsExactly(99L, 100L);
    }

    @Test
    void ranksBeyondAnIntWork() {
        // 10^12 values 0, 1, 2, …: r = 0.5·(10^12 − 1) = 499999999999.5
        assertThat(LinearPercentile.of(1_000_000_000_000L, 50, k -> k)).isEqualTo(499_999_999_999.5);
    }

    @Test
    void rejectsPercentilesOutsideZeroToHundredAndNoValues() {
        assertThatThrownBy(() -> LinearPercentile.of(ONE_TO_FOUR, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("percentile out of range: -1.0");
        assertThatThrownBy(() -> LinearPercentile.of(ONE_TO_FOUR, 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearPercentile.of(ONE_TO_FOUR, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearPercentile.of(new double[0], 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
