package io.aiperf.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.GpuLiveRow;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.StatFormat;
import io.aiperf.core.model.WorkerRow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws one frame of the dashboard from a {@link RunView}: a title row; the progress and worker panels side by side;
 * the metrics table; the GPU panel when there is GPU data; the log pane when shown; the keys. Pure drawing onto a {@link TextGraphics} of any size (text
 * is cut, never wrapped), so a test paints onto a virtual terminal and reads the cells back.
 */
final class DashboardPainter {

    static final String[] STATS = {"avg", "min", "max", "p99", "p90", "p50", "std"};
    static final String[] GPU_STATS = {"current", "avg", "min", "max", "p99", "p90", "p50", "std"};
    /** The GPU panel's fields, in its order: one line per GPU for each that the exporter reports. */
    static final List<String> GPU_FIELDS = List.of("gpu_power_usage", "gpu_utilization", "gpu_memory_used",
            "gpu_temperature");
    /** The GPU panel's frame, its header and one line: less room than that and it is not drawn. */
    private static final int MIN_GPU_ROWS = 4;
    private static final int STAT_WIDTH = 12;
    private static final int MIN_NAME_WIDTH = 26;
    private static final int TOP_PANEL_ROWS = 10;
    private static final int BAR_CELLS = 20;
    private static final String WORKER_ROW = "%-10s %-8s %9s %9s %6s %5s %8s";
    private static final int WORKERS_WIDTH = 66;

    private DashboardPainter() {
    }

    /**
     * @param logLines the log pane's lines, or null when the pane is hidden
     */
    static void paint(TextGraphics g, RunView view, List<String> logLines, long nowNs, long nowEpochMs) {
        TerminalSize size = g.getSize();
        int w = size.getColumns();
        int h = size.getRows();
        g.fill(' ');
        title(g, view, w);
        // The worker table needs WORKERS_WIDTH columns; the progress panel takes the rest (at least half).
        int leftW = Math.max(w / 2, w - WORKERS_WIDTH);
        int top = 1;
        int topRows = Math.min(TOP_PANEL_ROWS, Math.max(3, h - 3));
        progress(g, view, 0, top, Math.min(leftW, w), topRows, nowNs, nowEpochMs);
        if (w > leftW + 20) {
            workers(g, view, leftW, top, w - leftW, topRows);
        }
        int next = top + topRows;
        int keysRow = h - 1;
        int logRows = logLines == null ? 0 : Math.min(12, Math.max(0, (keysRow - next) / 3));
        // The metrics table keeps all its rows; the GPU panel takes what is left of its own need (cut with a "more"
        // line), and none of it when not even one line fits. Whatever is still free stays the metrics table's.
        List<GpuLiveRow> gpuRows = panelRows(view.gpus());
        int metricsNeed = 3 + Math.max(1, view.metrics().size());
        int gpuPanelRows = gpuRows.isEmpty() ? 0
                : Math.min(3 + gpuRows.size(), keysRow - next - logRows - metricsNeed);
        if (gpuPanelRows < MIN_GPU_ROWS) {
            gpuPanelRows = 0;
        }
        int metricRows = keysRow - next - logRows - gpuPanelRows;
        if (metricRows >= 3) {
            metrics(g, view, 0, next, w, metricRows);
        }
        if (gpuPanelRows > 0) {
            gpus(g, gpuRows, 0, next + metricRows, w, gpuPanelRows);
        }
        if (logRows >= 3) {
            log(g, logLines, 0, next + metricRows + gpuPanelRows, w, logRows);
        }
        put(g, 0, keysRow, w, " q: stop early (every export is still written)   l: " + (logLines == null ? "show" : "hide")
                + " log   Ctrl-C: stop, twice: abort");
    }

    private static void title(TextGraphics g, RunView view, int w) {
        RunHeader hd = view.header();
        g.enableModifiers(SGR.BOLD);
        put(g, 0, 0, w, " NVIDIA AIPerf (JVM) │ " + hd.model() + " │ " + hd.endpoint() + " │ " + hd.url() + " │ "
                + hd.load());
        g.disableModifiers(SGR.BOLD);
    }

    private static void progress(TextGraphics g, RunView view, int col, int row, int w, int h, long nowNs,
                                 long nowEpochMs) {
        box(g, col, row, w, h, "Progress");
        int x = col + 2;
        int width = w - 4;
        int y = row + 1;
        int last = row + h - 2;
        String stage = view.stage();
        StringBuilder stageLine = new StringBuilder("Stage      ").append(stage);
        if (view.stageSinceEpochMs() > 0) {
            long inStageNs = Math.max(0, nowEpochMs - view.stageSinceEpochMs()) * 1_000_000L;
            stageLine.append(", ").append(Durations.compact(inStageNs));
            if (view.stageDurationNs() > 0) {
                stageLine.append(" of ").append(Durations.compact(view.stageDurationNs()));
            }
        }
        y = line(g, x, y, last, width, stageLine.toString());
        RunProgress p = view.progress();
        if (p == null) {
            line(g, x, y, last, width, "Requests   waiting for the first credit");
            return;
        }
        String phase = p.phase() == CreditPhase.WARMUP ? "warmup" : "profiling";
        long durationNs = p.phase() == CreditPhase.PROFILING ? view.header().benchmarkDurationNs() : -1;
        if (durationNs > 0) {
            double fraction = Math.min(1, (double) p.elapsedNs() / durationNs);
            y = line(g, x, y, last, width, String.format(Locale.ROOT, "Requests   %s %s done in %s of %s",
                    bar(fraction), group(p.completed()), Durations.compact(p.elapsedNs()),
                    Durations.compact(durationNs)));
        } else if (p.total() > 0) {
            double fraction = Math.min(1, (double) p.completed() / p.total());
            y = line(g, x, y, last, width, String.format(Locale.ROOT, "Requests   %s %.1f%% %s/%s %s", bar(fraction),
                    fraction * 100, group(p.completed()), group(p.total()), phase));
        } else {
            y = line(g, x, y, last, width, String.format(Locale.ROOT, "Requests   %s done (%s), %s",
                    group(p.completed()), phase, Durations.compact(p.elapsedNs())));
        }
        double errorPct = p.completed() == 0 ? 0 : 100.0 * p.errors() / p.completed();
        y = line(g, x, y, last, width, String.format(Locale.ROOT, "In flight  %-10s Errors %s (%.2f%%)",
                group(view.requestsInFlight(p)), group(p.errors()), errorPct));
        long remainingNs = view.remainingNs(nowNs);
        y = line(g, x, y, last, width, String.format(Locale.ROOT, "Rate       %s req/s │ records %s/s (%s processed)",
                rate(view.requestRate(nowNs)), rate(view.recordRate(nowNs)), group(view.recordsProcessed())));
        double lag = view.sendLagP99Ms();
        y = line(g, x, y, last, width, "Send lag   p99 " + (Double.isNaN(lag) ? "n/a (no schedule to lag behind)"
                : StatFormat.number(lag) + " ms") + (remainingNs < 0 ? "" : " │ remaining " + (durationNs > 0 ? ""
                : "~") + Durations.compact(remainingNs)));
        List<String> notices = view.notices();
        int room = last - y + 1;
        for (int i = Math.max(0, notices.size() - room); i < notices.size(); i++) {
            y = line(g, x, y, last, width, notices.get(i));
        }
    }

    private static void workers(TextGraphics g, RunView view, int col, int row, int w, int h) {
        List<WorkerRow> rows = view.workers();
        box(g, col, row, w, h, "Workers (" + rows.size() + ")");
        int x = col + 2;
        int width = w - 4;
        int last = row + h - 2;
        int y = line(g, x, row + 1, last, width, String.format(Locale.ROOT, WORKER_ROW,
                "Worker", "State", "In flight", "Completed", "Failed", "CPU %", "Memory"));
        int room = last - y + 1;
        for (int i = 0; i < rows.size() && room > 0; i++, room--) {
            if (room == 1 && rows.size() - i > 1) {
                line(g, x, y, last, width, "… " + (rows.size() - i) + " more");
                break;
            }
            WorkerRow r = rows.get(i);
            y = line(g, x, y, last, width, String.format(Locale.ROOT, WORKER_ROW,
                    r.workerId(), r.state(), group(r.inFlight()), group(r.completed()), group(r.failed()),
                    Double.isNaN(r.cpuPercent()) ? "-" : String.format(Locale.ROOT, "%.0f", r.cpuPercent()),
                    r.memoryBytes() < 0 ? "-" : (r.memoryBytes() >> 20) + " MiB"));
        }
        if (rows.isEmpty()) {
            line(g, x, y, last, width, "waiting for the first worker status");
        }
    }

    private static void metrics(TextGraphics g, RunView view, int col, int row, int w, int h) {
        List<LiveMetric> rows = view.metrics();
        box(g, col, row, w, h, "Metrics (" + group(view.recordsProcessed()) + " records, updated every second)");
        int x = col + 2;
        int width = w - 4;
        int last = row + h - 2;
        int nameWidth = nameWidth(width, STATS.length);
        int stats = statColumns(width, nameWidth, STATS.length);
        int y = tableHead(g, x, row + 1, last, width, nameWidth, STATS, stats);
        if (rows.isEmpty()) {
            line(g, x, y, last, width, "waiting for the first profiling records");
            return;
        }
        for (LiveMetric m : rows) {
            if (y > last) {
                break;
            }
            y = line(g, x, y, last, width, tableRow(m.header() + " (" + m.unit() + ")", nameWidth,
                    new Double[]{m.avg(), m.min(), m.max(), m.p99(), m.p90(), m.p50(), m.std()}, stats));
        }
    }

    /** The rows the GPU panel shows: per GPU (in the order they came), its {@link #GPU_FIELDS} in that order. */
    static List<GpuLiveRow> panelRows(List<GpuLiveRow> all) {
        Set<String> gpuKeys = new LinkedHashSet<>();
        for (GpuLiveRow r : all) {
            gpuKeys.add(r.endpoint() + "#" + r.gpuIndex());
        }
        List<GpuLiveRow> rows = new ArrayList<>();
        for (String key : gpuKeys) {
            for (String tag : GPU_FIELDS) {
                for (GpuLiveRow r : all) {
                    if (tag.equals(r.tag()) && key.equals(r.endpoint() + "#" + r.gpuIndex())) {
                        rows.add(r);
                    }
                }
            }
        }
        return rows;
    }

    private static void gpus(TextGraphics g, List<GpuLiveRow> rows, int col, int row, int w, int h) {
        Set<String> endpoints = new LinkedHashSet<>();
        Set<String> gpus = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (GpuLiveRow r : rows) {
            endpoints.add(r.endpoint());
            gpus.add(r.endpoint() + "#" + r.gpuIndex());
            if (r.gpuName() != null) {
                names.add(r.gpuName());
            }
        }
        box(g, col, row, w, h, "GPU (" + gpus.size() + (gpus.size() == 1 ? " GPU" : " GPUs")
                + (names.isEmpty() ? "" : ": " + String.join(", ", names)) + ", updated every second)");
        int x = col + 2;
        int width = w - 4;
        int last = row + h - 2;
        int nameWidth = nameWidth(width, GPU_STATS.length);
        int stats = statColumns(width, nameWidth, GPU_STATS.length);
        int y = tableHead(g, x, row + 1, last, width, nameWidth, GPU_STATS, stats);
        // Two exporters may number their GPUs alike: their endpoint then tells the GPUs apart.
        boolean withEndpoint = endpoints.size() > 1;
        for (int i = 0; i < rows.size() && y <= last; i++) {
            if (y == last && rows.size() - i > 1) {
                line(g, x, y, last, width, "… " + (rows.size() - i) + " more (a taller terminal shows them)");
                break;
            }
            GpuLiveRow r = rows.get(i);
            String field = r.header().startsWith("GPU ") ? r.header().substring(4) : r.header();
            String name = (withEndpoint ? r.endpoint() + " " : "") + "GPU " + r.gpuIndex() + " " + field + " ("
                    + r.unit() + ")";
            y = line(g, x, y, last, width, tableRow(name, nameWidth, new Double[]{r.current(), r.avg(), r.min(),
                    r.max(), r.p99(), r.p90(), r.p50(), r.std()}, stats));
        }
    }

    /** A narrow terminal drops statistics from the right (std first) before it cuts the names short. */
    private static int nameWidth(int width, int statCount) {
        return Math.max(MIN_NAME_WIDTH, Math.min(52, width - statCount * STAT_WIDTH));
    }

    private static int statColumns(int width, int nameWidth, int statCount) {
        return Math.max(1, Math.min(statCount, (width - nameWidth) / STAT_WIDTH));
    }

    /** The bold header row of a statistics table; returns the next row. */
    private static int tableHead(TextGraphics g, int x, int y, int last, int width, int nameWidth, String[] names,
                                 int stats) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", "Metric"));
        for (int i = 0; i < stats; i++) {
            head.append(String.format(Locale.ROOT, "%" + STAT_WIDTH + "s", names[i]));
        }
        g.enableModifiers(SGR.BOLD);
        int next = line(g, x, y, last, width, head.toString());
        g.disableModifiers(SGR.BOLD);
        return next;
    }

    /** A statistics row: the name (cut with an ellipsis to its column) and the first {@code stats} values. */
    private static String tableRow(String name, int nameWidth, Double[] values, int stats) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s",
                name.length() > nameWidth ? name.substring(0, nameWidth - 1) + "…" : name));
        for (int i = 0; i < stats; i++) {
            s.append(String.format(Locale.ROOT, "%" + STAT_WIDTH + "s", StatFormat.number(values[i])));
        }
        return s.toString();
    }

    private static void log(TextGraphics g, List<String> lines, int col, int row, int w, int h) {
        box(g, col, row, w, h, "Log (the last lines of logs/aiperf.log)");
        int last = row + h - 2;
        int room = h - 2;
        int y = row + 1;
        for (int i = Math.max(0, lines.size() - room); i < lines.size(); i++) {
            y = line(g, col + 2, y, last, w - 4, lines.get(i));
        }
    }

    private static void box(TextGraphics g, int col, int row, int w, int h, String title) {
        if (w < 4 || h < 2) {
            return;
        }
        int right = col + w - 1;
        int bottom = row + h - 1;
        g.drawLine(col + 1, row, right - 1, row, '─');
        g.drawLine(col + 1, bottom, right - 1, bottom, '─');
        g.drawLine(col, row + 1, col, bottom - 1, '│');
        g.drawLine(right, row + 1, right, bottom - 1, '│');
        g.setCharacter(col, row, '┌');
        g.setCharacter(right, row, '┐');
        g.setCharacter(col, bottom, '└');
        g.setCharacter(right, bottom, '┘');
        put(g, col + 2, row, w - 4, " " + title + " ");
    }

    /** Puts {@code text} at ({@code x}, {@code y}) when {@code y <= last}; returns the next row. */
    private static int line(TextGraphics g, int x, int y, int last, int width, String text) {
        if (y <= last) {
            put(g, x, y, width, text);
        }
        return y + 1;
    }

    private static void put(TextGraphics g, int x, int y, int width, String text) {
        if (width <= 0) {
            return;
        }
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        g.putString(x, y, clean.length() <= width ? clean : clean.substring(0, Math.max(0, width - 1)) + "…");
    }

    private static String bar(double fraction) {
        int full = (int) Math.round(fraction * BAR_CELLS);
        return "[" + "█".repeat(full) + "░".repeat(BAR_CELLS - full) + "]";
    }

    private static String group(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    private static String rate(double perSecond) {
        return Double.isFinite(perSecond) ? String.format(Locale.US, "%,.1f", perSecond) : "-";
    }
}
