package io.aiperf.ui.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * A {@code --num-profile-runs} directory: {@code profile_runs/run_NNNN/} and
 * {@code aggregate/profile_export_aiperf_aggregate.json}, whose keys are {@code <tag>_<stat>} →
 * {@code {mean, std, ci_low, ci_high, unit}}. In a sweep it is one point, at its aggregate means.
 */
public record MultiRun(Path dir, String name, List<RunData> runs, JsonNode aggregate) implements LoadPoint {

    static final Path AGGREGATE = Path.of("aggregate", "profile_export_aiperf_aggregate.json");
    static final String RUNS = "profile_runs";

    public MultiRun {
        runs = List.copyOf(runs);
    }

    public static boolean isMultiRunDir(Path dir) {
        return Files.isRegularFile(dir.resolve(AGGREGATE)) && Files.isDirectory(dir.resolve(RUNS));
    }

    @Override
    public double concurrency() {
        return runs.isEmpty() ? Double.NaN : runs.get(0).concurrency();
    }

    @Override
    public double requestRate() {
        return runs.isEmpty() ? Double.NaN : runs.get(0).requestRate();
    }

    @Override
    public String settingsKey() {
        return runs.isEmpty() ? "" : runs.get(0).settingsKey();
    }

    /** The aggregate's mean; when the aggregate lacks the key, the mean of the runs' own values. */
    @Override
    public double stat(String metric, String stat) {
        JsonNode entry = aggregate.path(metric + "_" + stat);
        if (entry.path("mean").isNumber()) {
            return entry.path("mean").asDouble();
        }
        return runs.stream().mapToDouble(r -> r.stat(metric, stat)).filter(v -> !Double.isNaN(v)).average()
                .orElse(Double.NaN);
    }

    @Override
    public double low(String metric, String stat) {
        return RunData.number(aggregate.path(metric + "_" + stat).path("ci_low"));
    }

    @Override
    public double high(String metric, String stat) {
        return RunData.number(aggregate.path(metric + "_" + stat).path("ci_high"));
    }

    /** All runs' records together: the point's distribution. */
    @Override
    public double[] recordValues(String metric) {
        return runs.stream().flatMapToDouble(r -> DoubleStream.of(r.recordValues(metric))).toArray();
    }
}
