package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.CsvField;
import io.aiperf.core.model.StatFormat;
import io.aiperf.records.export.TextTable;
import io.aiperf.records.export.TextTable.Align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ours: one row per point of a sweep ({@code --concurrency 1,2,5}, {@code --request-rate} lists), the numbers a
 * throughput-versus-latency plot needs, in {@code <base>/sweep_summary.json} and {@code .csv}. A point's numbers come
 * from its {@code profile_export_aiperf.json}; a point that was itself a multi-run reports each statistic's mean over
 * its runs (from its aggregate), and a point run in rounds reports its last round.
 */
public final class SweepSummary {

    public static final String JSON = "sweep_summary.json";
    public static final String CSV = "sweep_summary.csv";
    /** The statistics each point's metrics keep in the JSON. */
    static final List<String> JSON_STATS = List.of("avg", "p50", "p90", "p99", "min", "max", "std");
    /** The CSV's metric columns: distributions get avg, p50, p90, p99; single-value metrics only avg. */
    static final List<String> CSV_DISTRIBUTIONS = List.of("output_token_throughput_per_user", "time_to_first_token",
            "inter_token_latency", "request_latency", "time_to_second_token");
    static final List<String> CSV_TAGS = List.of("request_throughput", "output_token_throughput",
            "output_token_throughput_per_user", "time_to_first_token", "inter_token_latency", "request_latency",
            "time_to_second_token", "error_request_count", "request_count");

    private SweepSummary() {
    }

    /** Writes baseDir/sweep_summary.{json,csv}, one row per point; returns the files written. */
    public static List<Path> export(Path baseDir, List<SweepPoint> points) throws IOException {
        ObjectNode root = RunsJson.MAPPER.createObjectNode();
        root.put("schema_version", "1.0");
        root.putNull("aiperf_version");
        ArrayNode parameters = root.putArray("sweep_parameters");
        if (!points.isEmpty()) {
            points.get(0).variation().keySet().forEach(parameters::add);
        }
        ArrayNode rows = root.putArray("points");
        Set<String> variationKeys = new LinkedHashSet<>();
        String version = null;
        for (SweepPoint point : points) {
            variationKeys.addAll(point.variation().keySet());
            Loaded loaded = point.success() ? load(point.dir()) : new Loaded(null, Map.of(), 1, null, null,
                    point.error() != null ? point.error() : "failed");
            if (version == null) {
                version = loaded.version();
            }
            ObjectNode row = rows.addObject();
            row.put("label", point.label());
            row.put("dir", RunsJson.relative(baseDir, point.dir()));
            row.set("variation", RunsJson.MAPPER.valueToTree(point.variation()));
            row.put("status", loaded.error() == null ? "ok" : "failed");
            row.put("error", loaded.error());
            row.put("num_profile_runs", loaded.numProfileRuns());
            if (loaded.aggregatedOverRuns() != null) {
                row.put("aggregated_over_runs", loaded.aggregatedOverRuns());
            }
            if (loaded.rounds() != null) {
                row.put("rounds", loaded.rounds());
            }
            ObjectNode metrics = row.putObject("metrics");
            loaded.metrics().forEach((tag, m) -> {
                ObjectNode node = metrics.putObject(tag);
                node.put("unit", m.unit());
                for (String stat : JSON_STATS) {
                    Double v = m.stat(stat);
                    if (v != null) {
                        node.put(stat, v);
                    }
                }
            });
        }
        root.put("aiperf_version", version);
        Path json = baseDir.resolve(JSON);
        Path csv = baseDir.resolve(CSV);
        RunsJson.write(json, root);
        RunsJson.writeText(csv, csv(root, new ArrayList<>(variationKeys)));
        return List.of(json, csv);
    }

    /** What one point contributes; {@code error} non-null makes it a failed point. */
    private record Loaded(String version, Map<String, RunSummaryFile.MetricStats> metrics, int numProfileRuns,
                          Integer aggregatedOverRuns, Integer rounds, String error) {
    }

    private static Loaded load(Path dir) {
        try {
            Path aggregate = dir.resolve(MultiRunAggregate.DIR).resolve(MultiRunAggregate.JSON);
            if (Files.isRegularFile(aggregate)) {
                return fromAggregate(RunsJson.read(aggregate));
            }
            Path rounds = dir.resolve(RoundComparison.JSON);
            if (Files.isRegularFile(rounds)) {
                return fromRounds(dir, RunsJson.read(rounds));
            }
            RunSummaryFile file = RunSummaryFile.read(dir);
            return new Loaded(file.aiperfVersion(), file.metrics(), 1, null, null, null);
        } catch (IOException e) {
            return new Loaded(null, Map.of(), 1, null, null, e.getMessage());
        }
    }

    /** Each statistic's mean over the runs, put back under its tag. */
    private static Loaded fromAggregate(JsonNode root) {
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, Map<String, Double>> stats = new LinkedHashMap<>();
        root.path("metrics").fields().forEachRemaining(e -> {
            for (String stat : MultiRunAggregate.STATS) {
                String suffix = "_" + stat;
                if (e.getKey().endsWith(suffix)) {
                    String tag = e.getKey().substring(0, e.getKey().length() - suffix.length());
                    Double mean = RunsJson.finite(e.getValue().get("mean"));
                    units.putIfAbsent(tag, e.getValue().path("unit").asText(""));
                    Map<String, Double> s = stats.computeIfAbsent(tag, t -> new LinkedHashMap<>());
                    if (mean != null) {
                        s.put(stat, mean);
                    }
                    break;
                }
            }
        });
        Map<String, RunSummaryFile.MetricStats> metrics = new LinkedHashMap<>();
        stats.forEach((tag, s) -> metrics.put(tag, new RunSummaryFile.MetricStats(units.get(tag), s)));
        JsonNode meta = root.path("metadata");
        String version = root.path("aiperf_version").isTextual() ? root.get("aiperf_version").asText() : null;
        return new Loaded(version, metrics, meta.path("num_profile_runs").asInt(), meta.path("num_successful_runs")
                .asInt(), null, null);
    }

    /** The last round that has numbers. */
    private static Loaded fromRounds(Path dir, JsonNode root) throws IOException {
        JsonNode rounds = root.path("rounds");
        for (int i = rounds.size() - 1; i >= 0; i--) {
            JsonNode round = rounds.get(i);
            if ("ok".equals(round.path("status").asText())) {
                RunSummaryFile file = RunSummaryFile.read(dir.resolve(round.path("dir").asText()));
                return new Loaded(file.aiperfVersion(), file.metrics(), 1, null, rounds.size(), null);
            }
        }
        throw new IOException("no round of " + dir + " succeeded");
    }

    private static String csv(JsonNode root, List<String> variationKeys) {
        List<String> header = new ArrayList<>();
        header.add("label");
        header.addAll(variationKeys);
        header.add("status");
        for (String tag : CSV_TAGS) {
            if (CSV_DISTRIBUTIONS.contains(tag)) {
                for (String stat : List.of("avg", "p50", "p90", "p99")) {
                    header.add(tag + "_" + stat);
                }
            } else {
                header.add(tag + "_avg");
            }
        }
        StringBuilder out = new StringBuilder();
        header.stream().map(CsvField::of).reduce((a, b) -> a + "," + b).ifPresent(out::append);
        out.append('\n');
        for (JsonNode point : root.path("points")) {
            List<String> cells = new ArrayList<>();
            cells.add(CsvField.of(point.path("label").asText()));
            for (String key : variationKeys) {
                JsonNode v = point.path("variation").get(key);
                cells.add(v == null || v.isNull() ? "" : v.isIntegralNumber() ? v.asText()
                        : v.isNumber() ? RunsJson.csvNumber(v.asDouble()) : CsvField.of(v.asText()));
            }
            cells.add(point.path("status").asText());
            for (String column : header.subList(variationKeys.size() + 2, header.size())) {
                int cut = column.lastIndexOf('_');
                JsonNode metric = point.path("metrics").path(column.substring(0, cut));
                cells.add(RunsJson.csvNumber(RunsJson.finite(metric.get(column.substring(cut + 1)))));
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    public static String consoleTable(Path baseDir) throws IOException {
        return consoleTable(baseDir, true);
    }

    /** Label, variation values, req/s, output tok/s, tok/s/user, TTFT avg and p99, ITL avg, errors. */
    public static String consoleTable(Path baseDir, boolean unicode) throws IOException {
        JsonNode root = RunsJson.read(baseDir.resolve(JSON));
        List<String> parameters = new ArrayList<>();
        root.path("sweep_parameters").forEach(p -> parameters.add(p.asText()));
        List<String> headers = new ArrayList<>(List.of("Point"));
        headers.addAll(parameters);
        headers.addAll(List.of("Req/s", "Output tok/s", "Tok/s/user", "TTFT avg (ms)", "TTFT p99 (ms)",
                "ITL avg (ms)", "Errors"));
        List<Align> aligns = new ArrayList<>();
        aligns.add(Align.LEFT);
        while (aligns.size() < headers.size()) {
            aligns.add(Align.RIGHT);
        }
        TextTable table = new TextTable(headers, aligns);
        for (JsonNode point : root.path("points")) {
            List<String> cells = new ArrayList<>();
            cells.add(point.path("label").asText());
            for (String p : parameters) {
                JsonNode v = point.path("variation").get(p);
                cells.add(v == null || v.isNull() ? "" : v.asText());
            }
            JsonNode m = point.path("metrics");
            boolean ok = "ok".equals(point.path("status").asText());
            cells.add(number(m, "request_throughput", "avg"));
            cells.add(number(m, "output_token_throughput", "avg"));
            cells.add(number(m, "output_token_throughput_per_user", "avg"));
            cells.add(number(m, "time_to_first_token", "avg"));
            cells.add(number(m, "time_to_first_token", "p99"));
            cells.add(number(m, "inter_token_latency", "avg"));
            Double errors = RunsJson.finite(m.path("error_request_count").get("avg"));
            cells.add(!ok ? "failed" : errors == null ? "0" : String.format(Locale.US, "%,.0f", errors));
            table.addRow(cells);
        }
        StringBuilder out = new StringBuilder(table.render("Sweep Summary", unicode));
        for (JsonNode point : root.path("points")) {
            if (!point.path("error").isNull() && !point.path("error").isMissingNode()) {
                out.append("Failed point ").append(point.path("label").asText()).append(": ")
                        .append(point.path("error").asText()).append('\n');
            }
        }
        return out.toString();
    }

    private static String number(JsonNode metrics, String tag, String stat) {
        return StatFormat.number(RunsJson.finite(metrics.path(tag).get(stat)));
    }
}
