package io.aiperf.ui.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.ui.report.ChartSpec.Kind;
import io.aiperf.ui.report.ChartSpec.Point;
import io.aiperf.ui.report.ChartSpec.Series;
import io.aiperf.ui.report.ReportInputs.InputDir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which charts the inputs allow, and their data. A chart whose inputs are absent is left out: the vs-load charts
 * and the efficiency plot need two load levels in one series, the time-slice charts a run with
 * {@code --slice-duration}, the GPU charts a run with GPU telemetry, the comparisons several DIRs, a multi-run or
 * rounds.
 */
public final class ReportCharts {

    /** At most this many runs in one distribution or time-slice chart: more lines are unreadable. */
    static final int MAX_RUN_SERIES = 8;
    static final int MAX_GPU_SERIES = 16;
    static final int HISTOGRAM_BINS = 20;
    static final int MAX_CDF_POINTS = 200;

    private static final List<String[]> SLICE_METRICS = List.of(
            new String[] {"time_to_first_token", "TTFT"}, new String[] {"inter_token_latency", "ITL"},
            new String[] {"request_latency", "Request latency"}, new String[] {"request_throughput", "Request throughput"},
            new String[] {"output_token_throughput", "Output token throughput"});
    private static final List<String[]> GPU_METRICS = List.of(
            new String[] {"gpu_power", "gpu_power_usage", "GPU power", "W"},
            new String[] {"gpu_utilization", "gpu_utilization", "GPU utilization", "%"},
            new String[] {"gpu_memory_used", "gpu_memory_used", "GPU memory used", "GB"});
    private static final List<String[]> COMPARED = List.of(
            new String[] {"ttft", "time_to_first_token", "Avg TTFT (ms)"},
            new String[] {"itl", "inter_token_latency", "Avg ITL (ms)"},
            new String[] {"request_throughput", "request_throughput", "Request throughput (requests/s)"});

    private final ReportInputs inputs;
    private final int numGpus;
    private final boolean byRate;

    private ReportCharts(ReportInputs inputs, int numGpus) {
        this.inputs = inputs;
        this.numGpus = numGpus;
        this.byRate = ratesVary(inputs);
    }

    /** Every chart the inputs allow, in the report's order. */
    public static List<ChartSpec> of(ReportInputs inputs, int numGpus) {
        if (numGpus < 1) {
            throw new IllegalArgumentException("numGpus must be at least 1: " + numGpus);
        }
        return new ReportCharts(inputs, numGpus).all();
    }

    private List<ChartSpec> all() {
        List<ChartSpec> charts = new ArrayList<>();
        List<Group> groups = groups();
        if (groups.stream().anyMatch(g -> g.points.size() >= 2)) {
            charts.add(vsLoad("ttft", "time_to_first_token", "TTFT", "ms", groups, "avg", "p50", "p99"));
            charts.add(vsLoad("itl", "inter_token_latency", "ITL", "ms", groups, "avg", "p50"));
            charts.add(vsLoad("request_throughput", "request_throughput", "Request throughput", "requests/s",
                    groups, "avg"));
            charts.add(vsLoad("output_token_throughput", "output_token_throughput", "Output token throughput",
                    "tokens/s", groups, "avg"));
            charts.add(efficiency(groups));
        }
        List<Named> distributed = pick(distributionRuns(groups), MAX_RUN_SERIES);
        addIfAny(charts, cdf("ttft_cdf", "TTFT", "time_to_first_token", distributed));
        addIfAny(charts, cdf("request_latency_cdf", "Request latency", "request_latency", distributed));
        addIfAny(charts, cdf("itl_cdf", "ITL", "inter_token_latency", distributed));
        addIfAny(charts, histogram("ttft_histogram", "TTFT", "time_to_first_token", distributed));
        charts.addAll(timeslices());
        charts.addAll(gpu());
        charts.addAll(runsComparison(groups));
        charts.addAll(roundsComparison());
        return charts;
    }

    // ---- vs concurrency (or rate) ----

    /** Points of one DIR with the same settings, sorted by load level. */
    private record Group(String label, List<LoadPoint> points) {
    }

    private List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        boolean severalDirs = inputs.dirs().size() > 1;
        for (InputDir dir : inputs.dirs()) {
            Map<String, List<LoadPoint>> bySettings = new LinkedHashMap<>();
            for (LoadPoint p : dir.points()) {
                if (!Double.isNaN(level(p))) {
                    bySettings.computeIfAbsent(p.settingsKey(), k -> new ArrayList<>()).add(p);
                }
            }
            int n = 1;
            for (List<LoadPoint> points : bySettings.values()) {
                points.sort(Comparator.comparingDouble(this::level));
                String label = severalDirs ? dir.label() : "";
                if (bySettings.size() > 1) {
                    label = (label + " set " + n++).trim();
                }
                groups.add(new Group(label, points));
            }
        }
        return groups;
    }

    private static boolean ratesVary(ReportInputs inputs) {
        Set<Double> rates = new LinkedHashSet<>();
        for (InputDir dir : inputs.dirs()) {
            for (LoadPoint p : dir.points()) {
                if (!Double.isNaN(p.requestRate())) {
                    rates.add(p.requestRate());
                }
            }
        }
        return rates.size() > 1;
    }

    private double level(LoadPoint p) {
        return byRate ? p.requestRate() : p.concurrency();
    }

    private String levelLabel(LoadPoint p) {
        return (byRate ? "r" : "c") + number(level(p));
    }

    private String levelAxis() {
        return byRate ? "Request rate (requests/s)" : "Concurrency";
    }

    private ChartSpec vsLoad(String shortName, String metric, String title, String unit, List<Group> groups,
                             String... stats) {
        List<Series> series = new ArrayList<>();
        for (Group g : groups) {
            for (String stat : stats) {
                List<Point> points = new ArrayList<>();
                for (LoadPoint p : g.points) {
                    double y = p.stat(metric, stat);
                    if (!Double.isNaN(y)) {
                        points.add(new Point(level(p), y, null, p.low(metric, stat), p.high(metric, stat)));
                    }
                }
                series.add(new Series((g.label + " " + stat).trim(), points));
            }
        }
        String by = byRate ? "request_rate" : "concurrency";
        return new ChartSpec(shortName + "_vs_" + by, title + " vs " + (byRate ? "request rate" : "concurrency"),
                Kind.LINE, levelAxis(), title + " (" + unit + ")", List.of(), series);
    }

    /** Dynamo's efficiency plot: what one user gets against what one GPU delivers, each point its load level. */
    private ChartSpec efficiency(List<Group> groups) {
        List<Series> series = new ArrayList<>();
        for (Group g : groups) {
            List<Point> points = new ArrayList<>();
            for (LoadPoint p : g.points) {
                double x = p.stat("output_token_throughput_per_user", "avg");
                double y = p.stat("output_token_throughput", "avg") / numGpus;
                if (!Double.isNaN(x) && !Double.isNaN(y)) {
                    points.add(new Point(x, y, levelLabel(p), Double.NaN, Double.NaN));
                }
            }
            series.add(new Series(g.label.isEmpty() ? "runs" : g.label, points));
        }
        return new ChartSpec("efficiency", "Efficiency: tokens/s per user vs tokens/s per GPU (" + numGpus + " GPU"
                + (numGpus > 1 ? "s" : "") + ")", Kind.SCATTER, "Output tokens/s per user",
                "Output tokens/s per GPU", List.of(), series);
    }

    // ---- distributions ----

    private record Named(String name, LoadPoint point) {
    }

    private List<Named> distributionRuns(List<Group> groups) {
        boolean severalDirs = inputs.dirs().size() > 1;
        List<Named> runs = new ArrayList<>();
        Set<LoadPoint> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Group g : groups) {
            for (LoadPoint p : g.points) {
                seen.add(p);
                runs.add(new Named(((g.label.isEmpty() ? "" : g.label + " ") + levelLabel(p)), p));
            }
        }
        for (InputDir dir : inputs.dirs()) {
            List<LoadPoint> rest = new ArrayList<>(dir.points());
            rest.addAll(dir.rounds());
            for (LoadPoint p : rest) {
                if (seen.add(p)) {
                    boolean prefix = severalDirs && !p.name().equals(dir.label());
                    runs.add(new Named(prefix ? dir.label() + "/" + p.name() : p.name(), p));
                }
            }
        }
        return runs;
    }

    /** At most {@code max} items, evenly spread so the first and last are kept. */
    static <T> List<T> pick(List<T> items, int max) {
        if (items.size() <= max) {
            return items;
        }
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            picked.add(items.get((int) Math.round(i * (items.size() - 1) / (double) (max - 1))));
        }
        return picked;
    }

    private static ChartSpec cdf(String name, String title, String metric, List<Named> runs) {
        List<Series> series = new ArrayList<>();
        for (Named run : runs) {
            double[] values = run.point.recordValues(metric);
            if (values.length == 0) {
                continue;
            }
            Arrays.sort(values);
            List<Point> points = new ArrayList<>();
            int step = Math.max(1, (int) Math.ceil(values.length / (double) MAX_CDF_POINTS));
            for (int i = 0; i < values.length; i += step) {
                points.add(Point.of(values[i], 100.0 * (i + 1) / values.length));
            }
            if ((values.length - 1) % step != 0) {
                points.add(Point.of(values[values.length - 1], 100.0));
            }
            series.add(new Series(run.name, points));
        }
        return new ChartSpec(name, title + " CDF", Kind.LINE, title + " (ms)", "Requests at or below (%)", List.of(),
                series);
    }

    /** Counts in {@value #HISTOGRAM_BINS} equal bins over every run's range, so the runs' bars line up. */
    private static ChartSpec histogram(String name, String title, String metric, List<Named> runs) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Named run : runs) {
            for (double v : run.point.recordValues(metric)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        List<Series> series = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        if (min > max) {
            return new ChartSpec(name, title, Kind.BAR, "", "", categories, series);
        }
        double width = max > min ? (max - min) / HISTOGRAM_BINS : 1;
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            categories.add(String.format(Locale.ROOT, "%.1f", min + (b + 0.5) * width));
        }
        for (Named run : runs) {
            double[] values = run.point.recordValues(metric);
            if (values.length == 0) {
                continue;
            }
            int[] counts = new int[HISTOGRAM_BINS];
            for (double v : values) {
                counts[bin(v, min, width)]++;
            }
            List<Point> points = new ArrayList<>();
            for (int b = 0; b < HISTOGRAM_BINS; b++) {
                points.add(Point.of(b, counts[b]));
            }
            series.add(new Series(run.name, points));
        }
        return new ChartSpec(name, title + " histogram", Kind.BAR, title + " (ms, bin centre)", "Requests", categories,
                series);
    }

    /** The bin of {@code v}; the maximum falls in the last bin, not one past it. */
    static int bin(double v, double min, double width) {
        return Math.min(HISTOGRAM_BINS - 1, (int) ((v - min) / width));
    }

    // ---- over time ----

    private List<RunData> allRuns() {
        List<RunData> runs = new ArrayList<>();
        inputs.dirs().forEach(d -> runs.addAll(d.runs()));
        return runs;
    }

    private String runName(RunData run) {
        if (inputs.dirs().size() == 1) {
            return run.name();
        }
        for (InputDir dir : inputs.dirs()) {
            if (dir.runs().contains(run) && !run.name().equals(dir.label())) {
                return dir.label() + "/" + run.name();
            }
        }
        return run.name();
    }

    private List<ChartSpec> timeslices() {
        List<RunData> sliced = pick(allRuns().stream().filter(r -> !r.timeslices().isEmpty()).toList(),
                MAX_RUN_SERIES);
        List<ChartSpec> charts = new ArrayList<>();
        if (sliced.isEmpty()) {
            return charts;
        }
        for (String[] m : SLICE_METRICS) {
            String unit = "";
            List<Series> series = new ArrayList<>();
            for (RunData run : sliced) {
                long first = run.timeslices().get(0).path("start_ns").asLong();
                List<Point> points = new ArrayList<>();
                for (JsonNode slice : run.timeslices()) {
                    JsonNode metric = slice.path(m[0]);
                    if (metric.path("avg").isNumber()) {
                        points.add(Point.of((slice.path("start_ns").asLong() - first) / 1e9, metric.path("avg").asDouble()));
                        unit = metric.path("unit").asText(unit);
                    }
                }
                if (!points.isEmpty()) {
                    series.add(new Series(runName(run), points));
                }
            }
            if (!series.isEmpty()) {
                charts.add(new ChartSpec("timeslices_" + m[0], m[1] + " per time slice (avg)", Kind.LINE,
                        "Slice start (s from the first slice)", m[1] + (unit.isEmpty() ? "" : " (" + unit + ")"),
                        List.of(), series));
            }
        }
        return charts;
    }

    private List<ChartSpec> gpu() {
        List<RunData> runs = allRuns().stream().filter(r -> !r.gpu().isEmpty()).toList();
        List<ChartSpec> charts = new ArrayList<>();
        if (runs.isEmpty()) {
            return charts;
        }
        for (String[] m : GPU_METRICS) {
            List<Series> series = new ArrayList<>();
            for (RunData run : runs) {
                long first = run.gpu().get(0).timestampNs();
                long urls = run.gpu().stream().map(RunData.GpuSample::url).distinct().count();
                Map<String, List<Point>> byGpu = new TreeMap<>();
                for (RunData.GpuSample s : run.gpu()) {
                    JsonNode v = s.values().path(m[1]);
                    if (v.isNumber()) {
                        String gpu = "gpu" + s.index() + (urls > 1 ? " " + s.url() : "");
                        byGpu.computeIfAbsent(gpu, k -> new ArrayList<>())
                                .add(Point.of((s.timestampNs() - first) / 1e9, v.asDouble()));
                    }
                }
                String prefix = runs.size() > 1 ? runName(run) + " " : "";
                byGpu.forEach((gpu, points) -> series.add(new Series(prefix + gpu, points)));
            }
            if (!series.isEmpty()) {
                charts.add(new ChartSpec(m[0], m[2] + " over time", Kind.LINE, "Time (s from the first scrape)",
                        m[2] + " (" + m[3] + ")", List.of(), series.subList(0, Math.min(series.size(), MAX_GPU_SERIES))));
            }
        }
        return charts;
    }

    // ---- comparisons ----

    /**
     * Several DIRs: their points side by side, one series per DIR, grouped by load level. One DIR with multi-runs:
     * each multi-run's runs and its aggregate mean with the confidence interval.
     */
    private List<ChartSpec> runsComparison(List<Group> groups) {
        List<ChartSpec> charts = new ArrayList<>();
        if (inputs.dirs().size() > 1) {
            for (String[] m : COMPARED) {
                List<String> categories = new ArrayList<>();
                Map<String, Map<String, LoadPoint>> byDir = new LinkedHashMap<>();
                for (InputDir dir : inputs.dirs()) {
                    Map<String, LoadPoint> byCategory = byDir.computeIfAbsent(dir.label(), k -> new LinkedHashMap<>());
                    List<LoadPoint> points = new ArrayList<>(dir.points());
                    points.sort(Comparator.comparingDouble(p -> Double.isNaN(level(p)) ? Double.MAX_VALUE : level(p)));
                    for (LoadPoint p : points) {
                        String category = Double.isNaN(level(p)) ? p.name() : levelLabel(p);
                        byCategory.putIfAbsent(category, p);
                        if (!categories.contains(category)) {
                            categories.add(category);
                        }
                    }
                }
                List<Series> series = new ArrayList<>();
                byDir.forEach((label, points) -> {
                    List<Point> bars = new ArrayList<>();
                    points.forEach((category, p) -> bars.add(new Point(categories.indexOf(category),
                            p.stat(m[1], "avg"), null, p.low(m[1], "avg"), p.high(m[1], "avg"))));
                    series.add(new Series(label, bars));
                });
                charts.add(new ChartSpec("runs_comparison_" + m[0], m[2].replaceAll(" \\(.*", "") + " by run",
                        Kind.BAR, "", m[2], categories, series));
            }
            return charts;
        }
        List<MultiRun> multiRuns = inputs.dirs().get(0).points().stream()
                .filter(MultiRun.class::isInstance).map(MultiRun.class::cast).toList();
        for (MultiRun multi : multiRuns) {
            String suffix = multiRuns.size() > 1 ? "_" + fileName(multi.name()) : "";
            for (String[] m : COMPARED) {
                List<String> categories = new ArrayList<>();
                List<Point> runBars = new ArrayList<>();
                for (RunData run : multi.runs()) {
                    categories.add(run.dir().getFileName().toString());
                    runBars.add(Point.of(categories.size() - 1, run.stat(m[1], "avg")));
                }
                categories.add("mean");
                Point mean = new Point(categories.size() - 1, multi.stat(m[1], "avg"), null, multi.low(m[1], "avg"),
                        multi.high(m[1], "avg"));
                charts.add(new ChartSpec("runs_comparison_" + m[0] + suffix,
                        m[2].replaceAll(" \\(.*", "") + " by run: " + multi.name(), Kind.BAR, "", m[2], categories,
                        List.of(new Series("runs", runBars), new Series("aggregate mean (CI)", List.of(mean)))));
            }
        }
        return charts;
    }

    private List<ChartSpec> roundsComparison() {
        List<InputDir> withRounds = inputs.dirs().stream().filter(d -> d.rounds().size() >= 2).toList();
        List<ChartSpec> charts = new ArrayList<>();
        for (InputDir dir : withRounds) {
            List<String> categories = dir.rounds().stream().map(r -> r.dir().getFileName().toString()).toList();
            List<Series> series = new ArrayList<>();
            for (String[] m : List.of(new String[] {"time_to_first_token", "TTFT"},
                    new String[] {"inter_token_latency", "ITL"}, new String[] {"request_latency", "Request latency"})) {
                for (String stat : List.of("avg", "p99")) {
                    List<Point> bars = new ArrayList<>();
                    for (int i = 0; i < dir.rounds().size(); i++) {
                        bars.add(Point.of(i, dir.rounds().get(i).stat(m[0], stat)));
                    }
                    series.add(new Series(m[1] + " " + stat, bars));
                }
            }
            String suffix = withRounds.size() > 1 ? "_" + fileName(dir.label()) : "";
            charts.add(new ChartSpec("rounds_comparison" + suffix, "Round vs round" + (suffix.isEmpty() ? "" : ": "
                    + dir.label()), Kind.BAR, "", "Latency (ms)", categories, series));
        }
        return charts;
    }

    private static void addIfAny(List<ChartSpec> charts, ChartSpec chart) {
        if (!chart.series().isEmpty()) {
            charts.add(chart);
        }
    }

    static String fileName(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
