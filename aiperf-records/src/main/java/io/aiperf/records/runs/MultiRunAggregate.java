package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.CsvField;
import io.aiperf.core.model.StatFormat;
import io.aiperf.records.export.TextTable;
import io.aiperf.records.export.TextTable.Align;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AIPerf's multi-run confidence aggregate ({@code --num-profile-runs}): for every metric statistic of the runs'
 * {@code profile_export_aiperf.json}, its mean over the successful runs with the spread and a Student-t confidence
 * interval (see {@link ConfidenceStats}), written to {@code <base>/aggregate/profile_export_aiperf_aggregate.json}
 * and {@code .csv}. A key is {@code <tag>_<stat>}; a run contributes to a key only when it has a finite value for it.
 */
public final class MultiRunAggregate {

    public static final String DIR = "aggregate";
    public static final String JSON = "profile_export_aiperf_aggregate.json";
    public static final String CSV = "profile_export_aiperf_aggregate.csv";
    /** The statistics aggregated, when a run has them. */
    public static final List<String> STATS = List.of("avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75",
            "p90", "p95", "p99", "std");
    static final String CSV_HEADER = "metric,mean,std,min,max,cv,se,ci_low,ci_high,t_critical,unit";

    /** The keys of the console table, in its order (only those the runs have are shown). */
    private static final List<String> CONSOLE_KEYS = List.of("request_throughput_avg", "output_token_throughput_avg",
            "output_token_throughput_per_user_avg", "time_to_first_token_avg", "time_to_first_token_p99",
            "time_to_second_token_avg", "inter_token_latency_avg", "inter_token_latency_p99", "request_latency_avg",
            "request_latency_p99", "request_count_avg", "error_request_count_avg");

    private MultiRunAggregate() {
    }

    /**
     * Writes baseDir/aggregate/profile_export_aiperf_aggregate.{json,csv}; returns the files written (empty and
     * nothing written when no run succeeded). A run marked successful whose JSON cannot be read counts as failed.
     */
    public static List<Path> export(Path baseDir, List<RunOutcome> runs, double confidenceLevel,
                                    double cooldownSeconds) throws IOException {
        return export(baseDir, runs, confidenceLevel, cooldownSeconds, null);
    }

    /** As {@link #export(Path, List, double, double)}, with the metadata's {@code convergence} object when not null. */
    public static List<Path> export(Path baseDir, List<RunOutcome> runs, double confidenceLevel,
                                    double cooldownSeconds, ConvergenceReport convergence) throws IOException {
        List<RunOutcome> succeeded = new ArrayList<>();
        List<RunSummaryFile> files = new ArrayList<>();
        List<RunOutcome> failed = new ArrayList<>();
        for (RunOutcome run : runs) {
            if (!run.success()) {
                failed.add(run);
                continue;
            }
            try {
                files.add(RunSummaryFile.read(run.dir()));
                succeeded.add(run);
            } catch (IOException e) {
                failed.add(new RunOutcome(run.label(), run.dir(), false, e.getMessage()));
            }
        }
        if (succeeded.isEmpty()) {
            return List.of();
        }
        Map<String, Entry> entries = aggregate(files, confidenceLevel);

        ObjectNode root = RunsJson.MAPPER.createObjectNode();
        root.put("schema_version", "1.0");
        root.put("aiperf_version", files.stream().map(RunSummaryFile::aiperfVersion)
                .filter(v -> v != null).findFirst().orElse(null));
        ObjectNode meta = root.putObject("metadata");
        meta.put("aggregation_type", "confidence");
        meta.put("num_profile_runs", runs.size());
        meta.put("num_successful_runs", succeeded.size());
        ArrayNode failedRuns = meta.putArray("failed_runs");
        for (RunOutcome f : failed) {
            failedRuns.addObject().put("label", f.label()).put("error", f.error());
        }
        meta.put("confidence_level", confidenceLevel);
        ArrayNode labels = meta.putArray("run_labels");
        succeeded.forEach(r -> labels.add(r.label()));
        meta.put("cooldown_seconds", cooldownSeconds);
        if (succeeded.size() == 1) {
            meta.put("single_run", true);
        }
        if (convergence != null) {
            convergence.writeTo(meta, runs.size());
        }
        ObjectNode metrics = root.putObject("metrics");
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            ConfidenceStats s = e.getValue().stats();
            ObjectNode m = metrics.putObject(e.getKey());
            RunsJson.put(m, "mean", s.mean());
            RunsJson.put(m, "std", s.std());
            RunsJson.put(m, "min", s.min());
            RunsJson.put(m, "max", s.max());
            RunsJson.put(m, "cv", s.cv());
            RunsJson.put(m, "se", s.se());
            RunsJson.put(m, "ci_low", s.ciLow());
            RunsJson.put(m, "ci_high", s.ciHigh());
            RunsJson.put(m, "t_critical", s.tCritical());
            m.put("unit", e.getValue().unit());
            csv.append(CsvField.of(e.getKey()));
            for (double v : new double[] {s.mean(), s.std(), s.min(), s.max(), s.cv(), s.se(), s.ciLow(),
                    s.ciHigh(), s.tCritical()}) {
                csv.append(',').append(RunsJson.csvNumber(v));
            }
            csv.append(',').append(CsvField.of(e.getValue().unit())).append('\n');
        }
        Path dir = baseDir.resolve(DIR);
        Path json = dir.resolve(JSON);
        Path csvFile = dir.resolve(CSV);
        RunsJson.write(json, root);
        RunsJson.writeText(csvFile, csv.toString());
        return List.of(json, csvFile);
    }

    private record Entry(String unit, ConfidenceStats stats) {
    }

    /** Every {@code <tag>_<stat>} some run has a finite value for, sorted by key. */
    private static Map<String, Entry> aggregate(List<RunSummaryFile> files, double level) {
        Map<String, List<Double>> values = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (RunSummaryFile file : files) {
            file.metrics().forEach((tag, metric) -> {
                for (String stat : STATS) {
                    Double v = metric.stat(stat);
                    if (v != null) {
                        String key = tag + "_" + stat;
                        values.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
                        units.putIfAbsent(key, metric.unit());
                    }
                }
            });
        }
        Map<String, Entry> out = new TreeMap<>();
        values.forEach((key, list) -> out.put(key, new Entry(units.get(key),
                ConfidenceStats.of(list.stream().mapToDouble(Double::doubleValue).toArray(), level))));
        return out;
    }

    /** The console table: per key metric, mean, std, CV %, CI low/high at the level. Reads the JSON back. */
    public static String consoleTable(Path baseDir) throws IOException {
        return consoleTable(baseDir, true);
    }

    public static String consoleTable(Path baseDir, boolean unicode) throws IOException {
        JsonNode root = RunsJson.read(baseDir.resolve(DIR).resolve(JSON));
        JsonNode meta = root.path("metadata");
        double level = meta.path("confidence_level").asDouble(0.95);
        String pct = java.math.BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        TextTable table = new TextTable(List.of("Metric", "Unit", "Mean", "Std", "CV %", "CI " + pct + " low",
                "CI " + pct + " high"),
                List.of(Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT));
        JsonNode metrics = root.path("metrics");
        for (String key : CONSOLE_KEYS) {
            JsonNode m = metrics.get(key);
            if (m == null) {
                continue;
            }
            Double cv = RunsJson.finite(m.get("cv"));
            table.addRow(List.of(key, m.path("unit").asText(""), StatFormat.number(RunsJson.finite(m.get("mean"))),
                    StatFormat.number(RunsJson.finite(m.get("std"))), StatFormat.number(cv == null ? null : cv * 100),
                    StatFormat.number(RunsJson.finite(m.get("ci_low"))),
                    StatFormat.number(RunsJson.finite(m.get("ci_high")))));
        }
        StringBuilder out = new StringBuilder(table.render("Aggregate over " + meta.path("num_successful_runs")
                .asInt() + " of " + meta.path("num_profile_runs").asInt() + " runs | " + pct + " confidence",
                unicode));
        if (meta.path("single_run").asBoolean(false)) {
            out.append("Only one run succeeded: no spread or confidence interval to report.\n");
        }
        for (JsonNode f : meta.path("failed_runs")) {
            out.append("Failed run ").append(f.path("label").asText()).append(": ")
                    .append(f.path("error").asText("unknown error")).append('\n');
        }
        return out.toString();
    }
}
