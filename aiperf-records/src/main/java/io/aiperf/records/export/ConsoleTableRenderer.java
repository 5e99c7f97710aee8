package io.aiperf.records.export;

import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.StatFormat;
import io.aiperf.records.aggregate.ErrorSummaryEntry;
import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.metric.MetricFlag;
import io.aiperf.records.metric.MetricSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders the final console tables (reference §7) as plain strings: never any ANSI escape, so the output is the
 * same in a terminal, a pipe and a log file.
 *
 * <p>The metrics table has the columns Metric, avg, min, max, p99, p90, p50, std; one row per metric shown on the
 * console (no NO_CONSOLE, ERROR_ONLY or INTERNAL flag), sorted by display order; the first cell is
 * {@code Header (unit)}, with the unit on a second line when the header is longer than 30 characters; numbers are
 * {@code %,.2f}; statistics a metric does not have are {@code N/A}.
 *
 * <p>With {@code --show-trace-timing} the HTTP trace timing table follows it, in the same form.
 *
 * <p>The warnings section (ours, beyond AIPerf) follows the metrics table: a {@code Warnings} heading and one
 * {@code - } line per warning of the summary.
 */
public final class ConsoleTableRenderer {

    /** Statistic columns of the metrics table, in order. */
    public static final List<String> STAT_COLUMNS = List.of("avg", "min", "max", "p99", "p90", "p50", "std");

    private static final int HEADER_WRAP = 30;
    private static final int MESSAGE_WIDTH = 60;

    private final boolean unicode;

    /** @param unicode box-drawing characters when true, ASCII {@code + - |} when false */
    public ConsoleTableRenderer(boolean unicode) {
        this.unicode = unicode;
    }

    /**
     * The metrics table.
     *
     * @param title e.g. {@code NVIDIA AIPerf | LLM Metrics}
     */
    public String renderMetrics(ProfileSummary summary, String title) {
        return renderTable(consoleRows(summary), title);
    }

    /**
     * The HTTP trace timing table ({@code --show-trace-timing}, AIPerf's title): the HTTP_TRACE_ONLY metrics, which
     * the metrics table leaves out, with the same columns, sorted by display order; an empty string when the run
     * has none.
     */
    public String renderTraceTiming(ProfileSummary summary) {
        List<MetricResult> rows = new ArrayList<>();
        for (MetricResult result : summary.metrics()) {
            if (result.spec().has(MetricFlag.HTTP_TRACE_ONLY) && result.spec().exported()) {
                rows.add(result);
            }
        }
        rows.sort(Comparator.comparingInt(r -> r.spec().displayOrder()));
        return rows.isEmpty() ? "" : renderTable(rows, "NVIDIA AIPerf | HTTP Trace Timing");
    }

    private String renderTable(List<MetricResult> rows, String title) {
        List<String> headers = new ArrayList<>();
        List<TextTable.Align> aligns = new ArrayList<>();
        headers.add("Metric");
        aligns.add(TextTable.Align.RIGHT);
        for (String stat : STAT_COLUMNS) {
            headers.add(stat);
            aligns.add(TextTable.Align.RIGHT);
        }
        TextTable table = new TextTable(headers, aligns);
        for (MetricResult result : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(label(result.spec()));
            for (String stat : STAT_COLUMNS) {
                cells.add(number(result.stat(stat)));
            }
            table.addRow(cells);
        }
        return table.render(title, unicode);
    }

    /** The error summary table (Code, Type, Message, Count), or an empty string when nothing failed. */
    public String renderErrors(ProfileSummary summary) {
        if (summary.errors().isEmpty()) {
            return "";
        }
        TextTable table = new TextTable(List.of("Code", "Type", "Message", "Count"), List.of(TextTable.Align.RIGHT,
                TextTable.Align.LEFT, TextTable.Align.LEFT, TextTable.Align.RIGHT));
        for (ErrorSummaryEntry entry : summary.errors()) {
            ErrorDetails d = entry.details();
            table.addRow(List.of(d.code() == null ? "N/A" : Integer.toString(d.code()),
                    d.type() == null ? "N/A" : wrap(d.type(), MESSAGE_WIDTH),
                    d.message() == null ? "N/A" : wrap(d.message(), MESSAGE_WIDTH),
                    String.format(Locale.US, "%,d", entry.count())));
        }
        return table.render("NVIDIA AIPerf | Error Summary", unicode);
    }

    /**
     * The warnings section, to print after the metrics table: {@code Warnings} then one {@code - warning} line each,
     * newline-terminated; an empty string when there are none. Control characters are dropped, as in the tables.
     */
    public String renderWarnings(ProfileSummary summary) {
        if (summary.warnings().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Warnings\n");
        for (String warning : summary.warnings()) {
            out.append("- ").append(warning.replaceAll("\\p{Cntrl}", " ").strip()).append('\n');
        }
        return out.toString();
    }

    /** The metrics shown on the console, in display order. */
    public static List<MetricResult> consoleRows(ProfileSummary summary) {
        List<MetricResult> rows = new ArrayList<>();
        for (MetricResult result : summary.metrics()) {
            if (result.spec().onConsole()) {
                rows.add(result);
            }
        }
        rows.sort(Comparator.comparingInt(r -> r.spec().displayOrder()));
        return rows;
    }

    static String label(MetricSpec spec) {
        String unit = "(" + spec.displayUnit().label() + ")";
        return spec.header().length() > HEADER_WRAP ? spec.header() + "\n" + unit : spec.header() + " " + unit;
    }

    static String number(Double value) {
        return StatFormat.number(value);
    }

    /** Hard-wraps at {@code width} characters (preferring spaces) and drops control characters. */
    static String wrap(String text, int width) {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\n]]", " ").strip();
        StringBuilder out = new StringBuilder();
        for (String paragraph : clean.split("\n")) {
            String rest = paragraph.strip();
            while (rest.length() > width) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= 0) {
                    cut = width;
                }
                out.append(rest, 0, cut).append('\n');
                rest = rest.substring(cut).strip();
            }
            out.append(rest).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
