package io.aiperf.records.aggregate;

import io.aiperf.records.histogram.DistributionSummary;
import io.aiperf.records.metric.MetricSpec;

import java.util.List;
import java.util.Objects;

/**
 * One metric's result for the run, in its <b>display</b> unit (ms, sec, tokens, tokens/sec…). A distribution
 * metric has every statistic; a single-value metric (counts, throughputs, durations) has only {@code avg} and
 * every other statistic null.
 *
 * @param spec  what the metric is
 * @param count how many values were summarised (1 for a single-value metric)
 */
public record MetricResult(
        MetricSpec spec,
        long count,
        double avg,
        Double sum,
        Double min,
        Double max,
        Double p1,
        Double p5,
        Double p10,
        Double p25,
        Double p50,
        Double p75,
        Double p90,
        Double p95,
        Double p99,
        Double std) {

    /** The statistic names in the order AIPerf writes them into {@code profile_export_aiperf.json}. */
    public static final List<String> JSON_STATS =
            List.of("avg", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "min", "max", "std");

    /** The statistic columns of {@code profile_export_aiperf.csv}. */
    public static final List<String> CSV_STATS =
            List.of("avg", "min", "max", "sum", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "std");

    public MetricResult {
        Objects.requireNonNull(spec, "spec");
    }

    /** A single-value result, {@code value} already in the display unit. */
    public static MetricResult single(MetricSpec spec, double displayValue) {
        return new MetricResult(spec, 1, displayValue, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** A distribution result from base-unit statistics, converted to the display unit. */
    public static MetricResult distribution(MetricSpec spec, DistributionSummary base) {
        return new MetricResult(spec, base.count(), spec.toDisplay(base.avg()), spec.toDisplay(base.sum()),
                spec.toDisplay(base.min()), spec.toDisplay(base.max()), spec.toDisplay(base.p1()),
                spec.toDisplay(base.p5()), spec.toDisplay(base.p10()), spec.toDisplay(base.p25()),
                spec.toDisplay(base.p50()), spec.toDisplay(base.p75()), spec.toDisplay(base.p90()),
                spec.toDisplay(base.p95()), spec.toDisplay(base.p99()), spec.toDisplay(base.std()));
    }

    public String tag() {
        return spec.tag();
    }

    public String header() {
        return spec.header();
    }

    /** The display unit's label, e.g. {@code ms}. */
    public String unit() {
        return spec.displayUnit().label();
    }

    /** True for counts, throughputs and durations: only {@link #avg} is set. */
    public boolean singleValue() {
        return min == null;
    }

    /**
     * A statistic by name ({@code avg}, {@code min}, {@code max}, {@code sum}, {@code std}, {@code p1} … {@code p99}),
     * or null when this result does not have it.
     */
    public Double stat(String name) {
        return switch (name) {
            case "avg" -> avg;
            case "sum" -> sum;
            case "min" -> min;
            case "max" -> max;
            case "std" -> std;
            case "p1" -> p1;
            case "p5" -> p5;
            case "p10" -> p10;
            case "p25" -> p25;
            case "p50" -> p50;
            case "p75" -> p75;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            default -> throw new IllegalArgumentException("unknown statistic: " + name);
        };
    }
}
