package io.aiperf.ui.report;

/**
 * One point of a sweep: a run, or a multi-run counted as one (its aggregate means). What the vs-concurrency charts,
 * the efficiency plot and the comparisons read.
 */
public interface LoadPoint {

    /** Where it is, relative to the DIR it was found under ({@code "."} for the DIR itself). */
    String name();

    /** {@code input_config.loadgen.concurrency}, or NaN when the run had none. */
    double concurrency();

    /** {@code input_config.loadgen.request_rate}, or NaN when the run had none. */
    double requestRate();

    /**
     * The settings other than the load level (model, endpoint, streaming, ISL, OSL, timing mode): points with equal
     * keys form one series.
     */
    String settingsKey();

    /** A summary statistic ({@code avg}, {@code p50}, …) of a metric, or NaN when the run has none. */
    double stat(String metric, String stat);

    /** The low end of the statistic's confidence interval (a multi-run's aggregate), else NaN. */
    double low(String metric, String stat);

    /** The high end of the statistic's confidence interval, else NaN. */
    double high(String metric, String stat);

    /** Every profiling record's {@code metrics.<tag>.value}, in file order (empty when there is no JSONL). */
    double[] recordValues(String metric);
}
