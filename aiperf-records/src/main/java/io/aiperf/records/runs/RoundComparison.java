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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ours: the same requests sent in several rounds ({@code --rounds 2}), side by side. The first round fills a
 * server's prefix cache; a later round's speed-up against it is what the cache buys. Each round's
 * {@code --prometheus-metrics} deltas (cache hits, evictions...) are put next to each other as well. Written to
 * {@code <dir>/rounds_comparison.json} and {@code .csv}.
 */
public final class RoundComparison {

    public static final String JSON = "rounds_comparison.json";
    public static final String CSV = "rounds_comparison.csv";
    static final List<String> TAGS = List.of("time_to_first_token", "inter_token_latency", "request_latency",
            "request_throughput", "output_token_throughput", "output_token_throughput_per_user",
            "time_to_second_token");
    static final List<String> ROUND_STATS = List.of("avg", "p50", "p90", "p99");
    /** The statistics a later round is compared on. */
    static final List<String> COMPARED_STATS = List.of("avg", "p50", "p99");

    private RoundComparison() {
    }

    /** Writes dir/rounds_comparison.{json,csv} from round dirs (round_1, round_2, ...); returns the files written. */
    public static List<Path> export(Path dir, List<RunOutcome> rounds) throws IOException {
        List<RunSummaryFile> files = new ArrayList<>();
        ObjectNode root = RunsJson.MAPPER.createObjectNode();
        root.put("schema_version", "1.0");
        root.putNull("aiperf_version");
        ArrayNode roundNodes = root.putArray("rounds");
        for (RunOutcome round : rounds) {
            RunSummaryFile file = null;
            String error = round.success() ? null : (round.error() != null ? round.error() : "failed");
            if (round.success()) {
                try {
                    file = RunSummaryFile.read(round.dir());
                } catch (IOException e) {
                    error = e.getMessage();
                }
            }
            files.add(file);
            if (file != null && root.get("aiperf_version").isNull() && file.aiperfVersion() != null) {
                root.put("aiperf_version", file.aiperfVersion());
            }
            ObjectNode node = roundNodes.addObject();
            node.put("label", round.label());
            node.put("dir", RunsJson.relative(dir, round.dir()));
            node.put("status", error == null ? "ok" : "failed");
            node.put("error", error);
            ObjectNode metrics = node.putObject("metrics");
            ArrayNode prometheus = node.putArray("prometheus_metrics");
            if (file == null) {
                continue;
            }
            for (String tag : TAGS) {
                RunSummaryFile.MetricStats m = file.metric(tag);
                if (m != null) {
                    ObjectNode metric = metrics.putObject(tag).put("unit", m.unit());
                    for (String stat : ROUND_STATS) {
                        if (m.stat(stat) != null) {
                            metric.put(stat, m.stat(stat));
                        }
                    }
                }
            }
            for (RunSummaryFile.PrometheusDelta p : file.prometheusMetrics()) {
                ObjectNode pn = prometheus.addObject().put("name", p.name());
                RunsJson.put(pn, "before", p.before());
                RunsJson.put(pn, "after", p.after());
                RunsJson.put(pn, "delta", p.delta());
            }
        }
        ArrayNode comparison = root.putArray("comparison");
        for (int r = 1; r < rounds.size(); r++) {
            ObjectNode c = comparison.addObject();
            c.put("round", rounds.get(r).label());
            c.put("baseline", rounds.get(0).label());
            ObjectNode metrics = c.putObject("metrics");
            if (files.get(0) == null || files.get(r) == null) {
                continue;
            }
            for (String tag : TAGS) {
                RunSummaryFile.MetricStats base = files.get(0).metric(tag);
                RunSummaryFile.MetricStats value = files.get(r).metric(tag);
                if (base == null || value == null) {
                    continue;
                }
                ArrayNode perStat = RunsJson.MAPPER.createArrayNode();
                for (String stat : COMPARED_STATS) {
                    Double b = base.stat(stat);
                    Double v = value.stat(stat);
                    if (b == null || v == null) {
                        continue;
                    }
                    ObjectNode s = perStat.addObject().put("stat", stat).put("baseline", b).put("value", v)
                            .put("delta", v - b);
                    RunsJson.put(s, "delta_pct", MetricDirection.deltaPct(b, v));
                    RunsJson.put(s, "speedup", MetricDirection.speedup(tag, b, v));
                }
                if (!perStat.isEmpty()) {
                    metrics.set(tag, perStat);
                }
            }
        }
        ArrayNode deltas = root.putArray("prometheus_deltas");
        for (Map.Entry<String, Map<String, Double>> e : prometheusDeltas(rounds, files).entrySet()) {
            ObjectNode byRound = deltas.addObject().put("name", e.getKey()).putObject("deltas");
            for (RunOutcome round : rounds) {
                RunsJson.put(byRound, round.label(), e.getValue().get(round.label()));
            }
        }
        Path json = dir.resolve(JSON);
        Path csv = dir.resolve(CSV);
        RunsJson.write(json, root);
        RunsJson.writeText(csv, csv(root));
        return List.of(json, csv);
    }

    /** name → round label → delta, names in the order the rounds first report them. */
    private static Map<String, Map<String, Double>> prometheusDeltas(List<RunOutcome> rounds,
                                                                     List<RunSummaryFile> files) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int r = 0; r < rounds.size(); r++) {
            if (files.get(r) == null) {
                continue;
            }
            for (RunSummaryFile.PrometheusDelta p : files.get(r).prometheusMetrics()) {
                Map<String, Double> byRound = out.computeIfAbsent(p.name(), n -> new LinkedHashMap<>());
                if (p.delta() != null) {
                    byRound.put(rounds.get(r).label(), p.delta());
                }
            }
        }
        return out;
    }

    private static String csv(JsonNode root) {
        List<String> labels = labels(root);
        List<String> later = labels.subList(Math.min(1, labels.size()), labels.size());
        StringBuilder out = new StringBuilder("metric,stat,unit");
        labels.forEach(l -> out.append(',').append(CsvField.of(l)));
        later.forEach(l -> out.append(',').append(CsvField.of("delta_pct_" + l)));
        later.forEach(l -> out.append(',').append(CsvField.of("speedup_" + l)));
        out.append('\n');
        for (Row row : rows(root)) {
            out.append(row.tag()).append(',').append(row.stat()).append(',').append(CsvField.of(row.unit()));
            row.values().forEach(v -> out.append(',').append(RunsJson.csvNumber(v)));
            row.deltaPct().forEach(v -> out.append(',').append(RunsJson.csvNumber(v)));
            row.speedup().forEach(v -> out.append(',').append(RunsJson.csvNumber(v)));
            out.append('\n');
        }
        JsonNode deltas = root.path("prometheus_deltas");
        if (!deltas.isEmpty()) {
            out.append("\nprometheus_metric");
            labels.forEach(l -> out.append(',').append(CsvField.of(l + "_delta")));
            out.append('\n');
            for (JsonNode d : deltas) {
                out.append(CsvField.of(d.path("name").asText()));
                labels.forEach(l -> out.append(',').append(RunsJson.csvNumber(RunsJson.finite(d.path("deltas")
                        .get(l)))));
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** One (metric, statistic): its value per round, then per later round its change and speed-up vs the first. */
    private record Row(String tag, String stat, String unit, List<Double> values, List<Double> deltaPct,
                       List<Double> speedup) {
    }

    private static List<Row> rows(JsonNode root) {
        JsonNode rounds = root.path("rounds");
        List<Row> rows = new ArrayList<>();
        for (String tag : TAGS) {
            for (String stat : COMPARED_STATS) {
                String unit = null;
                List<Double> values = new ArrayList<>();
                for (JsonNode round : rounds) {
                    JsonNode m = round.path("metrics").path(tag);
                    values.add(RunsJson.finite(m.get(stat)));
                    if (unit == null && m.has("unit")) {
                        unit = m.get("unit").asText();
                    }
                }
                if (values.stream().allMatch(v -> v == null)) {
                    continue;
                }
                List<Double> pct = new ArrayList<>();
                List<Double> speedup = new ArrayList<>();
                for (int r = 1; r < values.size(); r++) {
                    pct.add(MetricDirection.deltaPct(values.get(0), values.get(r)));
                    speedup.add(MetricDirection.speedup(tag, values.get(0), values.get(r)));
                }
                rows.add(new Row(tag, stat, unit == null ? "" : unit, values, pct, speedup));
            }
        }
        return rows;
    }

    private static List<String> labels(JsonNode root) {
        List<String> labels = new ArrayList<>();
        root.path("rounds").forEach(r -> labels.add(r.path("label").asText()));
        return labels;
    }

    public static String consoleTable(Path dir) throws IOException {
        return consoleTable(dir, true);
    }

    /** TTFT, ITL, latency and throughput per round with the change and speed-up; then the Prometheus deltas. */
    public static String consoleTable(Path dir, boolean unicode) throws IOException {
        JsonNode root = RunsJson.read(dir.resolve(JSON));
        List<String> labels = labels(root);
        List<String> later = labels.subList(Math.min(1, labels.size()), labels.size());
        List<String> headers = new ArrayList<>(List.of("Metric", "Stat", "Unit"));
        headers.addAll(labels);
        later.forEach(l -> headers.add("Δ% " + l));
        later.forEach(l -> headers.add("Speed-up " + l));
        List<Align> aligns = new ArrayList<>(List.of(Align.LEFT, Align.LEFT, Align.LEFT));
        while (aligns.size() < headers.size()) {
            aligns.add(Align.RIGHT);
        }
        TextTable table = new TextTable(headers, aligns);
        for (Row row : rows(root)) {
            List<String> cells = new ArrayList<>(List.of(row.tag(), row.stat(), row.unit()));
            row.values().forEach(v -> cells.add(StatFormat.number(v)));
            row.deltaPct().forEach(v -> cells.add(v == null ? "N/A" : String.format(Locale.US, "%+.2f%%", v)));
            row.speedup().forEach(v -> cells.add(v == null ? "N/A" : String.format(Locale.US, "%.2fx", v)));
            table.addRow(cells);
        }
        StringBuilder out = new StringBuilder(table.render("Rounds Comparison | against " + (labels.isEmpty() ? "?"
                : labels.get(0)), unicode));
        JsonNode deltas = root.path("prometheus_deltas");
        if (!deltas.isEmpty()) {
            List<String> ph = new ArrayList<>(List.of("Metric"));
            labels.forEach(l -> ph.add(l + " Δ"));
            List<Align> pa = new ArrayList<>(List.of(Align.LEFT));
            while (pa.size() < ph.size()) {
                pa.add(Align.RIGHT);
            }
            TextTable prom = new TextTable(ph, pa);
            for (JsonNode d : deltas) {
                List<String> cells = new ArrayList<>(List.of(d.path("name").asText()));
                labels.forEach(l -> cells.add(StatFormat.number(RunsJson.finite(d.path("deltas").get(l)))));
                prom.addRow(cells);
            }
            out.append('\n').append(prom.render("Server Metrics per Round | --prometheus-metrics", unicode));
        }
        for (JsonNode round : root.path("rounds")) {
            if (!"ok".equals(round.path("status").asText())) {
                out.append("Failed round ").append(round.path("label").asText()).append(": ")
                        .append(round.path("error").asText("failed")).append('\n');
            }
        }
        return out.toString();
    }
}
