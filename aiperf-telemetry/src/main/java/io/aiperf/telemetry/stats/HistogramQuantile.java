package io.aiperf.telemetry.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Quantiles of a Prometheus histogram, estimated the way PromQL's {@code histogram_quantile} does (its documented
 * rules, our code): find the bucket the rank falls in and interpolate linearly within it, as if observations were
 * spread evenly over the bucket. So the estimate is only as fine as the bucket bounds.
 */
public final class HistogramQuantile {

    private HistogramQuantile() {
    }

    /**
     * The {@code q}-quantile of cumulative {@code buckets} (any order; a {@code +Inf} bucket is required, its count
     * is the number of observations).
     *
     * @return NaN when there is no +Inf bucket, fewer than two buckets, no observations, or q is NaN; -Inf for
     *         q &lt; 0 and +Inf for q &gt; 1; the highest finite bound when the rank falls in the +Inf bucket; the
     *         lowest bucket is taken to start at 0 when its bound is positive (else its bound is the answer)
     */
    public static double quantile(double q, List<HistogramBucket> buckets) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        List<HistogramBucket> sorted = monotonic(buckets);
        if (sorted.size() < 2 || sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        double observations = sorted.get(sorted.size() - 1).cumulativeCount();
        if (!(observations > 0)) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < sorted.size() - 1 && sorted.get(b).cumulativeCount() < rank) {
            b++;
        }
        if (b == sorted.size() - 1) {
            return sorted.get(b - 1).upperBound();
        }
        double bucketEnd = sorted.get(b).upperBound();
        if (b == 0 && bucketEnd <= 0) {
            return bucketEnd;
        }
        double bucketStart = b == 0 ? 0 : sorted.get(b - 1).upperBound();
        double countBefore = b == 0 ? 0 : sorted.get(b - 1).cumulativeCount();
        double inBucket = sorted.get(b).cumulativeCount() - countBefore;
        if (inBucket <= 0) {
            return bucketStart; // rank 0 in an empty lowest bucket
        }
        return bucketStart + (bucketEnd - bucketStart) * ((rank - countBefore) / inBucket);
    }

    /**
     * The histogram of the observations made between two scrapes: each bucket's count in {@code later} minus its
     * count in {@code earlier}. When the server restarted in between (some count went down) or its buckets changed,
     * the later scrape counts from that restart, so it is itself the window's histogram.
     */
    public static List<HistogramBucket> difference(List<HistogramBucket> later, List<HistogramBucket> earlier) {
        List<HistogramBucket> laterSorted = sortedByBound(later);
        List<HistogramBucket> earlierSorted = sortedByBound(earlier);
        if (laterSorted.size() != earlierSorted.size()) {
            return laterSorted;
        }
        List<HistogramBucket> window = new ArrayList<>(laterSorted.size());
        for (int i = 0; i < laterSorted.size(); i++) {
            HistogramBucket now = laterSorted.get(i);
            HistogramBucket before = earlierSorted.get(i);
            double delta = now.cumulativeCount() - before.cumulativeCount();
            if (Double.compare(now.upperBound(), before.upperBound()) != 0 || delta < 0) {
                return laterSorted;
            }
            window.add(new HistogramBucket(now.upperBound(), delta));
        }
        return List.copyOf(window);
    }

    private static List<HistogramBucket> sortedByBound(List<HistogramBucket> buckets) {
        List<HistogramBucket> sorted = new ArrayList<>();
        for (HistogramBucket bucket : buckets) {
            if (!Double.isNaN(bucket.upperBound())) {
                sorted.add(bucket);
            }
        }
        sorted.sort(Comparator.comparingDouble(HistogramBucket::upperBound));
        return List.copyOf(sorted);
    }

    /**
     * Sorted by bound, with a count that dips below an earlier bucket's raised to it: scrapes are not atomic, so
     * cumulative counts can be slightly inconsistent, and PromQL smooths them the same way.
     */
    private static List<HistogramBucket> monotonic(List<HistogramBucket> buckets) {
        List<HistogramBucket> sorted = sortedByBound(buckets);
        List<HistogramBucket> fixed = new ArrayList<>(sorted.size());
        double max = Double.NEGATIVE_INFINITY;
        for (HistogramBucket bucket : sorted) {
            max = Math.max(max, bucket.cumulativeCount());
            fixed.add(bucket.cumulativeCount() < max ? new HistogramBucket(bucket.upperBound(), max) : bucket);
        }
        return fixed;
    }
}
