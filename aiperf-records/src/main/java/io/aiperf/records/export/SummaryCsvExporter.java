package io.aiperf.records.export;

import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.metric.MetricFlag;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.MetricUnit;

import java.io.IOException;
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
 * single value in tokens or requests prints as a plain integer; a missing statistic is an empty cell. Cells are
 * quoted when they contain a comma, a quote or a line break. Rows end with CRLF, as Python's {@code csv} module
 * writes them; a section with no rows is left out together with the blank line between the sections.
 */
public final class SummaryCsvExporter {

    /** Python's csv module (which AIPerf uses) ends rows with CRLF; so do we, for byte-compatible files. */
    static final String EOL = "\r\n";

    /** AIPerf's metrics by tag, then ours (beyond AIPerf) by tag, so AIPerf's rows keep their positions. */
    static final Comparator<MetricResult> CSV_ORDER =
            Comparator.comparing((MetricResult r) -> r.spec().has(MetricFlag.EXTENSION)).thenComparing(MetricResult::tag);

    private SummaryCsvExporter() {
    }

    public static void write(Path file, ProfileSummary summary) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toCsv(summary), StandardCharsets.UTF_8);
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

        StringBuilder csv = new StringBuilder();
        if (!distributions.isEmpty()) {
            List<String> header = new ArrayList<>();
            header.add("Metric");
            header.addAll(MetricResult.CSV_STATS);
            row(csv, header);
            for (MetricResult result : distributions) {
                List<String> cells = new ArrayList<>();
                cells.add(name(result.spec()));
                for (String stat : MetricResult.CSV_STATS) {
                    cells.add(decimal(result.stat(stat)));
                }
                row(csv, cells);
            }
            if (!singles.isEmpty()) {
                csv.append(EOL);
            }
        }
        if (!singles.isEmpty()) {
            row(csv, List.of("Metric", "Value"));
            for (MetricResult result : singles) {
                row(csv, List.of(name(result.spec()), singleValue(result)));
            }
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

    static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append(EOL);
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
