package io.aiperf.ui;

import io.aiperf.core.message.Message.RecordsProgress;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.model.CreditPhase;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Plain progress lines, one at a time, for every UI type until the dashboard exists. Writes no ANSI escapes, so its
 * output reads the same in a terminal, a CI log or a pipe. Prints at most one line per {@code intervalNs} per phase,
 * plus the line that completes a phase. The records manager's progress gets lines of its own ({@code Records: …},
 * as AIPerf shows a records bar beside the requests bar), so a backlog behind the requests is visible.
 */
public final class ProgressPrinter {

    private final PrintStream out;
    private final long intervalNs;
    private CreditPhase lastPhase;
    private long lastPrintNs;
    private long lastCompleted = -1;
    /** The profiling phase's request total as last reported, or -1: the records lines' denominator. */
    private long profilingTotal = -1;
    private long lastRecordsPrintNs;
    private long lastRecords = -1;

    public ProgressPrinter(PrintStream out, long intervalNs) {
        this.out = out;
        this.intervalNs = intervalNs;
    }

    public void onProgress(RunProgress p, long nowNs) {
        onProgress(p, p.inFlight(), nowNs);
    }

    /** @param inFlight the requests on the wire to show (the workers' count, see {@link RunView#requestsInFlight}) */
    public void onProgress(RunProgress p, long inFlight, long nowNs) {
        if (p.phase() == CreditPhase.PROFILING) {
            profilingTotal = p.total();
        }
        boolean phaseChanged = p.phase() != lastPhase;
        boolean done = p.total() > 0 && p.completed() >= p.total();
        boolean due = nowNs - lastPrintNs >= intervalNs && p.completed() != lastCompleted;
        if (!phaseChanged && !due && !(done && p.completed() != lastCompleted)) {
            return;
        }
        lastPhase = p.phase();
        lastPrintNs = nowNs;
        lastCompleted = p.completed();
        out.println(format(p, inFlight));
        out.flush();
    }

    /**
     * The records manager's count of profiling records turned into metrics: a line at most once per interval, and
     * the one that reaches the profiling total.
     */
    public void onRecords(RecordsProgress p, long nowNs) {
        boolean done = profilingTotal > 0 && p.processed() >= profilingTotal;
        boolean due = lastRecords < 0 || nowNs - lastRecordsPrintNs >= intervalNs;
        if (p.processed() == lastRecords || !(due || done)) {
            return;
        }
        lastRecordsPrintNs = nowNs;
        lastRecords = p.processed();
        out.println(formatRecords(p.processed(), profilingTotal));
        out.flush();
    }

    static String format(RunProgress p, long inFlight) {
        String phase = p.phase() == CreditPhase.WARMUP ? "Warmup" : "Profiling";
        if (p.total() <= 0) {
            // Bounded by time, sessions or a trace: no request total to show.
            return String.format(Locale.ROOT, "%s: %d requests done | in flight %d | errors %d | %.1f s",
                    phase, p.completed(), inFlight, p.errors(), p.elapsedNs() / 1e9);
        }
        double pct = 100.0 * p.completed() / p.total();
        return String.format(Locale.ROOT, "%s: %d/%d requests (%.0f%%) | in flight %d | errors %d | %.1f s",
                phase, p.completed(), p.total(), pct, inFlight, p.errors(), p.elapsedNs() / 1e9);
    }

    static String formatRecords(long processed, long total) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "Records: %d processed", processed);
        }
        return String.format(Locale.ROOT, "Records: %d/%d processed (%.0f%%)", processed, total,
                100.0 * processed / total);
    }

    public void notice(String level, String text) {
        out.println(("WARN".equals(level) ? "Warning: " : "") + text);
        out.flush();
    }
}
