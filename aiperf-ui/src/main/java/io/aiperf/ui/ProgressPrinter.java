package io.aiperf.ui;

import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.model.CreditPhase;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Plain progress lines, one at a time, for every UI type until the dashboard exists. Writes no ANSI escapes, so its
 * output reads the same in a terminal, a CI log or a pipe. Prints at most one line per {@code intervalNs} per phase,
 * plus the line that completes a phase.
 */
public final class ProgressPrinter {

    private final PrintStream out;
    private final long intervalNs;
    private CreditPhase lastPhase;
    private long lastPrintNs;
    private long lastCompleted = -1;

    public ProgressPrinter(PrintStream out, long intervalNs) {
        this.out = out;
        this.intervalNs = intervalNs;
    }

    public void onProgress(RunProgress p, long nowNs) {
        boolean phaseChanged = p.phase() != lastPhase;
        boolean done = p.total() > 0 && p.completed() >= p.total();
        boolean due = nowNs - lastPrintNs >= intervalNs && p.completed() != lastCompleted;
        if (!phaseChanged && !due && !(done && p.completed() != lastCompleted)) {
            return;
        }
        lastPhase = p.phase();
        lastPrintNs = nowNs;
        lastCompleted = p.completed();
        out.println(format(p));
        out.flush();
    }

    static String format(RunProgress p) {
        String phase = p.phase() == CreditPhase.WARMUP ? "Warmup" : "Profiling";
        if (p.total() <= 0) {
            // Bounded by time, sessions or a trace: no request total to show.
            return String.format(Locale.ROOT, "%s: %d requests done | in flight %d | errors %d | %.1f s",
                    phase, p.completed(), p.inFlight(), p.errors(), p.elapsedNs() / 1e9);
        }
        double pct = p.total() == 0 ? 0 : 100.0 * p.completed() / p.total();
        return String.format(Locale.ROOT, "%s: %d/%d requests (%.0f%%) | in flight %d | errors %d | %.1f s",
                phase, p.completed(), p.total(), pct, p.inFlight(), p.errors(), p.elapsedNs() / 1e9);
    }

    public void notice(String level, String text) {
        out.println(("WARN".equals(level) ? "Warning: " : "") + text);
        out.flush();
    }
}
