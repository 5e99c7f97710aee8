package io.aiperf.records.export;

import io.aiperf.core.message.Message.TelemetryResult;
import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.metric.MetricFlag;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.MetricUnit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code profile_export_aiperf.csv} (reference §6.3):
 * <pre>
 * Metric,avg,min,max,sum,p1,p5,p10,p25,p50,p75,p90,p95,p99,std
 * Inter Token Latency (ms),3.50,3.13,…          ← distribution metrics, sorted by tag (ours, beyond AIPerf, after
 *                                                  AIPerf's, sorted by tag too)
 *
 * Metric,Value
 * Benchmark Duration (sec),10.60               ← single-value metrics, sorted the same way
 * Request Count,10
 * </pre>
 * Names are {@code Header (unit)}, without the unit for request counts. Statistics print as {@code %.2f}; a
 * single value in tokens or requests prints as a plain integer; a missing statistic is an empty cell. Quoting and
 * line ends are {@link CsvSection}'s (Python's {@code csv} module's: minimal quoting, CRLF); a section with no rows
 * is left out together with the blank line between the sections.
 */
public final class SummaryCsvExporter {

    /** AIPerf's metrics by tag, then ours (beyond AIPerf) by tag, so AIPerf's rows keep their positions. */
    static final Comparator<MetricResult> CSV_ORDER =
            Comparator.comparing((MetricResult r) -> r.spec().has(MetricFlag.EXTENSION)).thenComparing(MetricResult::tag);

    private SummaryCsvExporter() {
    }

    public static void write(Path file, ProfileSummary summary) throws IOException {
        write(file, summary, null);
    }

    /** The summary, then the GPU telemetry section when the run has one. */
    public static void write(Path file, ProfileSummary summary, TelemetryResult telemetry) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toCsv(summary) + TelemetryReport.csvSection(telemetry), StandardCharsets.UTF_8);
    }

    public static String toCsv(ProfileSummary summary) {
        List<MetricResult> distributions = new ArrayList<>();
        List<MetricResult> singles = new ArrayList<>();
        for (MetricResult result : summary.metrics()) {
            if (!result.spec().exported()) {
                continue;
            }
            (result.singleValue() ? singles : distributions).add(result);
        }
        distributions.sort(CSV_ORDER);
        singles.sort(CSV_ORDER);

        StringWriter csv = new StringWriter();
        try {
            if (!distributions.isEmpty()) {
                List<String> header = new ArrayList<>();
                header.add("Metric");
                header.addAll(MetricResult.CSV_STATS);
                try (CsvSection section = CsvSection.start(csv, header)) {
                    for (MetricResult result : distributions) {
                        List<String> cells = new ArrayList<>();
                        cells.add(name(result.spec()));
                        for (String stat : MetricResult.CSV_STATS) {
                            cells.add(decimal(result.stat(stat)));
                        }
                        section.row(cells);
                    }
                }
                if (!singles.isEmpty()) {
                    csv.write(CsvSection.BLANK_LINE);
                }
            }
            if (!singles.isEmpty()) {
                try (CsvSection section = CsvSection.start(csv, List.of("Metric", "Value"))) {
                    for (MetricResult result : singles) {
                        section.row(List.of(name(result.spec()), singleValue(result)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return csv.toString();
    }

    /** {@code Header (unit)}; request counts go without their unit, as in AIPerf. */
    static String name(MetricSpec spec) {
        return spec.displayUnit() == MetricUnit.REQUESTS ? spec.header() : spec.label();
    }

    private static String singleValue(MetricResult result) {
        return wholeOrDecimal(result, result.avg());
    }

    /** A whole token or request count as an integer, anything else with two decimals. */
    static String wholeOrDecimal(MetricResult result, double value) {
        MetricUnit unit = result.spec().displayUnit();
        boolean whole = (unit == MetricUnit.TOKENS || unit == MetricUnit.REQUESTS)
                && value == Math.rint(value) && Math.abs(value) < 9.0e15;
        return whole ? Long.toString((long) value) : decimal(value);
    }

    private static String decimal(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
