package io.aiperf.telemetry.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramQuantileTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static List<HistogramBucket> buckets(double... boundThenCount) {
        List<HistogramBucket> out = new java.util.ArrayList<>();
        for (int i = 0; i < boundThenCount.length; i += 2) {
            out.add(new HistogramBucket(boundThenCount[i], boundThenCount[i + 1]));
        }
        return out;
    }

    @Test
    void interpolatesLinearlyWithinTheBucketTheRankFallsIn() {
        // 10 observations: 2 up to 1, 6 in (1, 2], 2 in (2, 4]
        List<HistogramBucket> h = buckets(1, 2, 2, 8, 4, 10, INF, 10);

        assertThat(HistogramQuantile.quantile(0.5, h)).isCloseTo(1.5, within(1e-12)); // rank 5: 3 of 6 into (1, 2]
        assertThat(HistogramQuantile.quantile(0.9, h)).isCloseTo(3.0, within(1e-12)); // rank 9: 1 of 2 into (2, 4]
        assertThat(HistogramQuantile.quantile(1.0, h)).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void theLowestBucketStartsAtZeroWhenItsBoundIsPositive() {
        assertThat(HistogramQuantile.quantile(0.5, buckets(2, 4, INF, 4))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aLowestBucketWithANonPositiveBoundIsTheAnswerForRanksInIt() {
        assertThat(HistogramQuantile.quantile(0.25, buckets(-1, 4, 5, 8, INF, 8))).isEqualTo(-1.0);
    }

    @Test
    void aRankInTheInfBucketGivesTheHighestFiniteBound() {
        assertThat(HistogramQuantile.quantile(0.99, buckets(1, 5, 2, 8, INF, 10))).isEqualTo(2.0);
    }

    @Test
    void bucketOrderDoesNotMatter() {
        assertThat(HistogramQuantile.quantile(0.5, buckets(INF, 10, 4, 10, 1, 2, 2, 8)))
                .isCloseTo(1.5, within(1e-12));
    }

    @Test
    void nanWithoutObservationsOrInfBucketOrQuantile() {
        assertThat(HistogramQuantile.quantile(0.5, buckets(1, 0, INF, 0))).isNaN();
        assertThat(HistogramQuantile.quantile(0.5, buckets(1, 3, 2, 5))).isNaN();
        assertThat(HistogramQuantile.quantile(0.5, buckets(INF, 5))).isNaN();
        assertThat(HistogramQuantile.quantile(0.5, List.of())).isNaN();
        assertThat(HistogramQuantile.quantile(Double.NaN, buckets(1, 3, INF, 5))).isNaN();
    }

    @Test
    void quantilesOutsideZeroToOneAreInfinite() {
        assertThat(HistogramQuantile.quantile(-0.1, buckets(1, 3, INF, 5))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(HistogramQuantile.quantile(1.1, buckets(1, 3, INF, 5))).isEqualTo(INF);
    }

    @Test
    void aCountBelowALowerBucketsIsRaisedToIt() {
        // a non-atomic scrape: the 2-bucket read 7 after the 1-bucket read 8; taken as 8, rank 8.5 is a quarter
        // into (2, 4] (as read, 7, it would be half way)
        assertThat(HistogramQuantile.quantile(0.85, buckets(1, 8, 2, 7, 4, 10, INF, 10)))
                .isCloseTo(2.5, within(1e-12));
    }

    @Test
    void theDifferenceOfTwoScrapesIsTheWindowsHistogram() {
        List<HistogramBucket> before = buckets(1, 2, 2, 3, INF, 3);
        List<HistogramBucket> after = buckets(1, 4, 2, 9, INF, 10);

        assertThat(HistogramQuantile.difference(after, before)).isEqualTo(buckets(1, 2, 2, 6, INF, 7));
    }

    @Test
    void afterARestartOrChangedBucketsTheLaterScrapeIsTheWindow() {
        List<HistogramBucket> before = buckets(1, 20, 2, 30, INF, 30);
        List<HistogramBucket> restarted = buckets(1, 1, 2, 2, INF, 3);
        List<HistogramBucket> rebucketed = buckets(0.5, 40, 2, 50, INF, 60);

        assertThat(HistogramQuantile.difference(restarted, before)).isEqualTo(restarted);
        assertThat(HistogramQuantile.difference(rebucketed, before)).isEqualTo(rebucketed);
        assertThat(HistogramQuantile.difference(buckets(1, 25, INF, 40), before)).isEqualTo(buckets(1, 25, INF, 40));
    }
}
