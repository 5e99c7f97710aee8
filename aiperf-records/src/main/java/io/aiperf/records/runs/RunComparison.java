package io.aiperf.records.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.StatFormat;
import io.aiperf.records.export.TextTable;
import io.aiperf.records.export.TextTable.Align;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ours ({@code aiperf compare A B}): two artifact directories metric by metric, and whether each difference is
 * larger than the runs' noise. A directory is a single run ({@code profile_export_aiperf.json}) or a multi-run base
 * ({@code aggregate/} and {@code profile_runs/<label>/}). Compared: every distribution metric's avg and p99 and every
 * single-value metric both sides have. The noise test is Welch's t-test: for two multi-runs on the per-run values of
 * that statistic; for two single runs on the avg, with each run's per-request std and its request_count as n. Other
 * combinations (a p99 or a count of single runs, a single run against a multi-run) have no noise estimate: "n/a".
 */
public final class RunComparison {

    /** Where a multi-run base keeps its runs, one directory per run label. */
    public static final String RUNS_DIR = "profile_runs";

    /** A directory as compared: {@code runs} is 1 for a single run, else the multi-run's successful runs. */
    public record Side(Path dir, boolean multiRun, int runs) {
    }

    /**
     * One metric statistic on both sides.
     *
     * @param pValue      Welch's two-sided p-value, or null when there is no noise estimate
     * @param significant "yes" when {@code pValue < 1 - level}, "no", or "n/a"
     * @param noise       what the noise estimate came from: "runs", "requests", or null
     */
    public record Row(String metric, String unit, double a, double b, double diff, Double diffPct, Double pValue,
                      String significant, String noise) {
    }

    public record Result(Side a, Side b, double confidenceLevel, List<Row> rows) {
    }

    private RunComparison() {
    }

    /** An IOException names the directory that is missing or has no readable summary. */
    public static Result compare(Path a, Path b, double confidenceLevel) throws IOException {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confidenceLevel);
        }
        Loaded left = load(a);
        Loaded right = load(b);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Boolean> tag : left.tags().entrySet()) {
            Boolean rightDistribution = right.tags().get(tag.getKey());
            if (rightDistribution == null) {
                continue;
            }
            List<String> stats = tag.getValue() && rightDistribution ? List.of("avg", "p99") : List.of("avg");
            for (String stat : stats) {
                String key = tag.getKey() + "_" + stat;
                Value va = left.values().get(key);
                Value vb = right.values().get(key);
                if (va != null && vb != null) {
                    rows.add(row(key, va, vb, confidenceLevel));
                }
            }
        }
        return new Result(left.side(), right.side(), confidenceLevel, rows);
    }

    /**
     * One statistic of one side: its value (a multi-run's mean), and what its noise can be estimated from: the
     * per-run values, or a single run's per-request std and count.
     */
    private record Value(String unit, double value, double[] perRun, Double std, Double n) {
    }

    /** tag → whether it is a distribution; {@code <tag>_<stat>} → value. */
    private record Loaded(Side side, Map<String, Boolean> tags, Map<String, Value> values) {
    }

    private static Row row(String key, Value a, Value b, double level) {
        double diff = b.value() - a.value();
        Double pct = MetricDirection.deltaPct(a.value(), b.value());
        Double p = null;
        String noise = null;
        if (a.perRun() != null && b.perRun() != null && a.perRun().length >= 2 && b.perRun().length >= 2) {
            p = WelchTest.pValue(a.perRun(), b.perRun());
            noise = "runs";
        } else if (a.std() != null && b.std() != null && a.n() != null && b.n() != null) {
            p = WelchTest.pValue(a.value(), a.std() * a.std(), Math.round(a.n()), b.value(), b.std() * b.std(),
                    Math.round(b.n()));
            noise = "requests";
        }
        if (p != null && p.isNaN()) {
            p = null;
            noise = null;
        }
        String significant = p == null ? "n/a" : p < 1 - level ? "yes" : "no";
        return new Row(key, a.unit(), a.value(), b.value(), diff, pct, p, significant, noise);
    }

    private static Loaded load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("'" + dir + "' is not a directory");
        }
        Path aggregate = dir.resolve(MultiRunAggregate.DIR).resolve(MultiRunAggregate.JSON);
        return Files.isRegularFile(aggregate) ? loadMultiRun(dir, RunsJson.read(aggregate)) : loadSingle(dir);
    }

    private static Loaded loadSingle(Path dir) throws IOException {
        RunSummaryFile file = RunSummaryFile.read(dir);
        Map<String, Boolean> tags = new LinkedHashMap<>();
        Map<String, Value> values = new LinkedHashMap<>();
        RunSummaryFile.MetricStats count = file.metric("request_count");
        Double n = count == null ? null : count.stat("avg");
        file.metrics().forEach((tag, m) -> {
            tags.put(tag, m.distribution());
            if (m.stat("avg") != null) {
                boolean noise = m.distribution() && m.stat("std") != null && n != null;
                values.put(tag + "_avg", new Value(m.unit(), m.stat("avg"), null, noise ? m.stat("std") : null,
                        noise ? n : null));
            }
            if (m.stat("p99") != null) {
                values.put(tag + "_p99", new Value(m.unit(), m.stat("p99"), null, null, null));
            }
        });
        return new Loaded(new Side(dir, false, 1), tags, values);
    }

    private static Loaded loadMultiRun(Path base, JsonNode aggregate) throws IOException {
        List<RunSummaryFile> runs = new ArrayList<>();
        for (JsonNode label : aggregate.path("metadata").path("run_labels")) {
            Path runDir = base.resolve(RUNS_DIR).resolve(label.asText());
            // A run the aggregate counted but whose directory is gone leaves fewer values, not a failed compare.
            if (Files.isRegularFile(runDir.resolve(io.aiperf.records.export.ExportFiles.SUMMARY_JSON))) {
                runs.add(RunSummaryFile.read(runDir));
            }
        }
        Map<String, Boolean> tags = new LinkedHashMap<>();
        Map<String, Value> values = new LinkedHashMap<>();
        JsonNode metrics = aggregate.path("metrics");
        metrics.fields().forEachRemaining(e -> {
            for (String stat : MultiRunAggregate.STATS) {
                if (e.getKey().endsWith("_" + stat)) {
                    String tag = e.getKey().substring(0, e.getKey().length() - stat.length() - 1);
                    tags.put(tag, metrics.has(tag + "_p99") || metrics.has(tag + "_p50"));
                    Double mean = RunsJson.finite(e.getValue().get("mean"));
                    if (mean != null) {
                        values.put(e.getKey(), new Value(e.getValue().path("unit").asText(""), mean,
                                perRun(runs, tag, stat), null, null));
                    }
                    break;
                }
            }
        });
        return new Loaded(new Side(base, true, aggregate.path("metadata").path("num_successful_runs").asInt()),
                tags, values);
    }

    private static double[] perRun(List<RunSummaryFile> runs, String tag, String stat) {
        return runs.stream().map(r -> r.metric(tag)).filter(m -> m != null && m.stat(stat) != null)
                .mapToDouble(m -> m.stat(stat)).toArray();
    }

    public static String consoleTable(Result result, boolean unicode) {
        TextTable table = new TextTable(List.of("Metric", "Unit", "A", "B", "B - A", "B - A %", "p-value",
                "Significant"), List.of(Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT,
                Align.RIGHT, Align.LEFT));
        for (Row row : result.rows()) {
            table.addRow(List.of(row.metric(), row.unit(), StatFormat.number(row.a()), StatFormat.number(row.b()),
                    StatFormat.number(row.diff()), row.diffPct() == null ? "N/A"
                            : String.format(Locale.US, "%+.2f%%", row.diffPct()),
                    row.pValue() == null ? "n/a" : String.format(Locale.US, "%.4f", row.pValue()),
                    row.significant()));
        }
        String level = java.math.BigDecimal.valueOf(result.confidenceLevel()).movePointRight(2).stripTrailingZeros()
                .toPlainString();
        return "A: " + describe(result.a()) + "\nB: " + describe(result.b()) + "\n"
                + table.render("Compare | significant at " + level + "% (Welch's t-test)", unicode);
    }

    private static String describe(Side side) {
        return side.dir() + (side.multiRun() ? " (multi-run, " + side.runs() + " runs)" : " (single run)");
    }

    public static String toJson(Result result) {
        ObjectNode root = RunsJson.MAPPER.createObjectNode();
        root.put("schema_version", "1.0");
        putSide(root.putObject("a"), result.a());
        putSide(root.putObject("b"), result.b());
        root.put("confidence_level", result.confidenceLevel());
        ArrayNode rows = root.putArray("metrics");
        for (Row row : result.rows()) {
            ObjectNode node = rows.addObject().put("metric", row.metric()).put("unit", row.unit());
            RunsJson.put(node, "a", row.a());
            RunsJson.put(node, "b", row.b());
            RunsJson.put(node, "diff", row.diff());
            RunsJson.put(node, "diff_pct", row.diffPct());
            RunsJson.put(node, "p_value", row.pValue());
            node.put("significant", row.significant());
            node.put("noise", row.noise());
        }
        try {
            return RunsJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putSide(ObjectNode node, Side side) {
        node.put("dir", side.dir().toString()).put("kind", side.multiRun() ? "multi_run" : "single_run")
                .put("runs", side.runs());
    }
}
