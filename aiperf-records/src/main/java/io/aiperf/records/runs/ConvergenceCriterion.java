package io.aiperf.records.runs;

import io.aiperf.records.export.ExportFiles;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --convergence-metric}: when the runs of a multi-run plan agree well enough that more would not change the
 * answer, so the plan may stop before {@code --num-profile-runs}. AIPerf's rules: nothing converges before
 * {@link #MIN_RUNS} successful runs; {@code ci_width} and {@code cv} read the statistic {@code stat} of the metric
 * from each successful run's {@code profile_export_aiperf.json} and converge when the ratio is below the threshold
 * (never when the mean is 0); {@code distribution} pools the per-request values of every successful run but the last
 * and converges when the two-sample KS p-value against the last run is above the threshold (so there a higher
 * threshold is stricter).
 *
 * @param exportPrefix {@code --profile-export-prefix} (stripped) or null: where each run's records file is
 */
public record ConvergenceCriterion(String metric, String stat, ConvergenceMode mode, double threshold,
                                   double confidenceLevel, String exportPrefix) {

    /** The statistics {@code --convergence-stat} accepts (AIPerf's list). */
    public static final List<String> STATS = List.of("avg", "p50", "p90", "p95", "p99", "min", "max");
    /** Fewer runs than this give the criterion too little to go on (AIPerf's minimum). */
    public static final int MIN_RUNS = 3;

    /**
     * What the criterion found on the runs so far.
     *
     * @param value the ratio (ci_width, cv) or the p-value (distribution); NaN when it could not be computed
     * @param runs  the successful runs it was computed on
     */
    public record Check(boolean converged, double value, int runs) {
    }

    /** Evaluates the criterion on {@code runs}, the plan's runs so far in order (failed ones are left out). */
    public Check check(List<RunOutcome> runs) throws IOException {
        List<RunOutcome> ok = runs.stream().filter(RunOutcome::success).toList();
        if (mode == ConvergenceMode.DISTRIBUTION) {
            return distribution(ok);
        }
        List<Double> values = new ArrayList<>();
        for (RunOutcome run : ok) {
            RunSummaryFile.MetricStats m = RunSummaryFile.read(run.dir()).metric(metric);
            Double v = m == null ? null : m.stat(stat);
            if (v != null) {
                values.add(v);
            }
        }
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        double ratio = a.length < 2 ? Double.NaN
                : mode == ConvergenceMode.CI_WIDTH ? ciWidthRatio(a, confidenceLevel) : coefficientOfVariation(a);
        return new Check(a.length >= MIN_RUNS && ratio < threshold, ratio, a.length);
    }

    private Check distribution(List<RunOutcome> ok) throws IOException {
        if (ok.size() < MIN_RUNS) {
            return new Check(false, Double.NaN, ok.size());
        }
        List<double[]> earlier = new ArrayList<>();
        int total = 0;
        for (RunOutcome run : ok.subList(0, ok.size() - 1)) {
            double[] v = values(run);
            earlier.add(v);
            total += v.length;
        }
        double[] pooled = new double[total];
        int at = 0;
        for (double[] v : earlier) {
            System.arraycopy(v, 0, pooled, at, v.length);
            at += v.length;
        }
        double[] last = values(ok.get(ok.size() - 1));
        if (pooled.length < 2 || last.length < 2) {
            return new Check(false, Double.NaN, ok.size());
        }
        double p = ksPValue(pooled, last);
        return new Check(p > threshold, p, ok.size());
    }

    private double[] values(RunOutcome run) throws IOException {
        Path file = new ExportFiles(run.dir(), exportPrefix).recordsJsonl();
        if (!Files.isRegularFile(file)) {
            throw new IOException("--convergence-mode distribution: " + file + " is missing");
        }
        return RecordMetricValues.read(file, metric);
    }

    /** Full width of the two-sided Student-t interval at {@code level} over the mean; NaN when the mean is 0. */
    public static double ciWidthRatio(double[] values, double level) {
        int n = values.length;
        double mean = mean(values);
        if (mean == 0) {
            return Double.NaN;
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return 2 * t * sampleStd(values, mean) / Math.sqrt(n) / mean;
    }

    /** Sample standard deviation (n - 1) over the mean; NaN when the mean is 0. */
    public static double coefficientOfVariation(double[] values) {
        double mean = mean(values);
        return mean == 0 ? Double.NaN : sampleStd(values, mean) / mean;
    }

    /** Below this n·m the p-value is exact, above it the asymptotic one (commons-math3's own bound). */
    static final long EXACT_KS_PRODUCT = 10_000;

    /**
     * Two-sided two-sample Kolmogorov-Smirnov p-value, P(D >= d). The statistic is taken on the empirical CDFs with
     * ties as they are (as scipy's {@code ks_2samp} does: two runs of identical values have d = 0, p = 1), not with
     * commons-math3's {@code kolmogorovSmirnovTest(x, y)}, which jitters tied values first: token counts and other
     * integer metrics are full of ties.
     */
    public static double ksPValue(double[] a, double[] b) {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double d = ks.kolmogorovSmirnovStatistic(a, b);
        return (long) a.length * b.length < EXACT_KS_PRODUCT ? ks.exactP(d, a.length, b.length, false)
                : ks.approximateP(d, a.length, b.length);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sampleStd(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
