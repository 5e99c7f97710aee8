package io.aiperf.records.histogram;

import io.aiperf.core.stats.LinearPercentile;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The distribution of one metric over a run: exact count, sum, min, max, mean and population standard deviation,
 * plus percentiles read from an HdrHistogram so memory stays constant however many values arrive (millions of
 * inter-chunk gaps included).
 *
 * <h2>Percentiles</h2>
 * Percentiles follow numpy's default ({@code method="linear"}, {@link LinearPercentile}): for {@code n} values the
 * rank of percentile {@code p} is {@code r = p/100·(n−1)}; the result interpolates linearly between the order
 * statistics at {@code floor(r)} and {@code ceil(r)}. Each order statistic is read from the histogram as the
 * median-equivalent value of the bucket that holds it, clamped to the exact [min, max]; the smallest and the largest
 * order statistics are the exact min and max.
 *
 * <h2>Precision</h2>
 * The histogram keeps 3 significant decimal digits (2048 sub-buckets): a bucket is at most 1/1024 (≈0.098 %) of
 * its values wide, and reading the bucket's middle puts any order statistic, and therefore any interpolated
 * percentile, within ≈0.05 % of the value numpy would report (plus half a histogram unit, see below). Whole numbers
 * below 2048 histogram units are exact. avg, min, max, sum and std are exact (compensated sum, Welford variance),
 * not histogram estimates.
 *
 * <h2>Scale</h2>
 * HdrHistogram records non-negative whole numbers, so a value is recorded as {@code round(value × scale)}: scale 1
 * for nanoseconds and tokens, 1000 for rates such as tokens/sec (a resolution of 0.001). NaN and infinities are
 * ignored entirely.
 *
 * <h2>Negative values</h2>
 * Most metrics are never negative, but some can be (a request sent before its scheduled time has a negative send
 * lag), and clamping them would hide exactly what they are meant to show. A negative value's magnitude is recorded
 * in a second histogram (created on first use), and order statistics walk that one from the largest magnitude
 * down before the non-negative one, so negative values get the same precision as positive ones.
 *
 * <p><b>Single writer:</b> not thread-safe; one thread records and summarises.
 */
public final class Distribution {

    /** The percentiles AIPerf reports. */
    public static final double[] PERCENTILES = {1, 5, 10, 25, 50, 75, 90, 95, 99};

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS); // auto-resizing; values ≥ 0
    /** Magnitudes of the values that round below zero, or null while there has been none. */
    private Histogram belowZero;
    private final double scale;

    private long count;
    private double sum;
    private double sumCompensation;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double welfordMean;
    private double welfordM2;

    /** @param scale histogram units per value unit (1 for ns and tokens, 1000 for rates) */
    public Distribution(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
        this.scale = scale;
    }

    /** Records one value; NaN and infinities are ignored. */
    public void record(double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        count++;
        // Neumaier compensated summation: exact for integral sums below 2^53 and stable otherwise.
        double t = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            sumCompensation += (sum - t) + value;
        } else {
            sumCompensation += (value - t) + sum;
        }
        sum = t;
        min = Math.min(min, value);
        max = Math.max(max, value);
        double delta = value - welfordMean;
        welfordMean += delta / count;
        welfordM2 += delta * (value - welfordMean);
        long units = Math.round(value * scale);
        if (units >= 0) {
            histogram.recordValue(units);
        } else {
            if (belowZero == null) {
                belowZero = new Histogram(SIGNIFICANT_DIGITS);
            }
            belowZero.recordValue(units == Long.MIN_VALUE ? Long.MAX_VALUE : -units);
        }
    }

    public void recordAll(double[] values) {
        for (double value : values) {
            record(value);
        }
    }

    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public double sum() {
        return sum + sumCompensation;
    }

    /** The exact mean, or NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : sum() / count;
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** Population standard deviation (numpy's default, ddof 0), or NaN when empty. */
    public double std() {
        return count == 0 ? Double.NaN : Math.sqrt(Math.max(0.0, welfordM2 / count));
    }

    /** One percentile ({@code 0 ≤ p ≤ 100}), numpy linear interpolation; NaN when empty. */
    public double percentile(double p) {
        return percentiles(new double[] {p})[0];
    }

    /** Several percentiles in one pass over the histogram, in the order asked. */
    public double[] percentiles(double[] ps) {
        double[] out = new double[ps.length];
        if (count == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        OrderStatistics order = new OrderStatistics();
        for (int i = 0; i < ps.length; i++) {
            out[i] = LinearPercentile.of(count, ps[i], order::valueAt);
        }
        return out;
    }

    /** All statistics at once. Empty distributions have count 0 and NaN everywhere else. */
    public DistributionSummary summarize() {
        double[] p = percentiles(PERCENTILES);
        return new DistributionSummary(count, sum(), mean(), min(), max(), std(),
                p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    }

    /**
     * Reads order statistics off the histograms: bucket boundaries in cumulative counts and their median-equivalent
     * values, in ascending value order (negative values first, largest magnitude first), built once per summary.
     */
    private final class OrderStatistics {
        private long[] cumulative = new long[64];
        private double[] values = new double[64];
        private int buckets;

        OrderStatistics() {
            long total = 0;
            if (belowZero != null) {
                int first = buckets;
                for (HistogramIterationValue v : belowZero.recordedValues()) {
                    add(v.getCountAtValueIteratedTo(), -belowZero.medianEquivalentValue(v.getValueIteratedTo()) / scale);
                }
                // Recorded ascending by magnitude, i.e. descending by value: reverse, then accumulate.
                for (int i = first, j = buckets - 1; i < j; i++, j--) {
                    long c = cumulative[i];
                    cumulative[i] = cumulative[j];
                    cumulative[j] = c;
                    double x = values[i];
                    values[i] = values[j];
                    values[j] = x;
                }
                for (int i = first; i < buckets; i++) {
                    total += cumulative[i];
                    cumulative[i] = total;
                }
            }
            for (HistogramIterationValue v : histogram.recordedValues()) {
                add(total + v.getTotalCountToThisValue(), histogram.medianEquivalentValue(v.getValueIteratedTo()) / scale);
            }
        }

        private void add(long count, double value) {
            if (buckets == cumulative.length) {
                cumulative = java.util.Arrays.copyOf(cumulative, buckets * 2);
                values = java.util.Arrays.copyOf(values, buckets * 2);
            }
            cumulative[buckets] = count;
            values[buckets] = value;
            buckets++;
        }

        /** The k-th smallest value (0-based). */
        double valueAt(long k) {
            if (k <= 0) {
                return min;
            }
            if (k >= count - 1) {
                return max;
            }
            int lo = 0;
            int hi = buckets - 1;
            while (lo < hi) { // first bucket whose cumulative count exceeds k
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > k) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return Math.min(max, Math.max(min, values[lo]));
        }
    }
}
