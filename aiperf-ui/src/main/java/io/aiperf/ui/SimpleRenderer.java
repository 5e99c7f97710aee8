package io.aiperf.ui;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.model.CreditPhase;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@link UiMode#SIMPLE}: one line per phase with a bar, the request rate and the ETA. On a terminal the line is
 * rewritten in place ({@code \r}) at most once a second and ended when its phase ends; elsewhere each update is a
 * line of its own, with an ASCII bar and no escape codes.
 */
final class SimpleRenderer implements Renderer {

    static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    private static final int BAR_CELLS = 30;

    private final PrintStream out;
    private final boolean tty;
    private String shownStage;
    /** The latest progress of the phase whose line is shown. */
    private RunProgress phaseProgress;
    private String lastLine;
    /** A line is on screen without its newline yet (terminal only). */
    private boolean open;
    private long lastDrawNs;
    private boolean drawDue = true;

    SimpleRenderer(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    @Override
    public void onMessage(Message m, RunView view, long nowNs) {
        if (m instanceof RunProgress p) {
            if (phaseProgress != null && p.phase() != phaseProgress.phase() && shownStage != null) {
                // The phase ended: its line shows its last count before the next phase's line starts.
                draw(line(shownStage, phaseProgress, view, nowNs), nowNs);
                endLine();
                shownStage = null;
            }
            phaseProgress = p;
        }
    }

    @Override
    public void onTick(RunView view, long nowNs) {
        String stage = view.stage();
        if (!stage.equals(shownStage)) {
            if (shownStage != null) {
                draw(line(shownStage, view.progress(), view, nowNs), nowNs);
                endLine();
            }
            shownStage = stage;
        } else if (!drawDue && nowNs - lastDrawNs < INTERVAL_NS) {
            return;
        }
        draw(line(stage, view.progress(), view, nowNs), nowNs);
    }

    @Override
    public void finish(RunView view, long nowNs) {
        if (shownStage != null) {
            draw(line(shownStage, view.progress(), view, nowNs), nowNs);
        }
    }

    private void draw(String line, long nowNs) {
        if (line == null || line.equals(lastLine) && (open || !tty)) {
            return;
        }
        String previous = lastLine;
        lastLine = line;
        lastDrawNs = nowNs;
        drawDue = false;
        if (tty) {
            // Pad over the tail of a longer previous line; no escape code needed.
            int pad = open && previous != null ? Math.max(0, previous.length() - line.length()) : 0;
            out.print("\r" + line + " ".repeat(pad));
            open = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The line for {@code stage} with the progress {@code p}, or null when there is nothing of it to show yet. */
    String line(String stage, RunProgress p, RunView view, long nowNs) {
        switch (stage) {
            case RunStage.PROCESSING:
                return "Processing: " + view.recordsProcessed() + " records; writing exports";
            case RunStage.COMPLETE:
                return "Complete";
            case RunView.STARTING:
                return "Starting: services booting";
            default:
                break;
        }
        if (p == null || (RunStage.PROFILING.equals(stage) || RunStage.GRACE.equals(stage))
                != (p.phase() == CreditPhase.PROFILING)) {
            return null; // the stage moved on before its first progress
        }
        String name = p.phase() == CreditPhase.WARMUP ? "Warmup" : "Profiling";
        if (RunStage.GRACE.equals(stage)) {
            name = "Grace";
        }
        double fraction;
        String count;
        long durationNs = p.phase() == CreditPhase.PROFILING ? view.header().benchmarkDurationNs() : -1;
        if (durationNs > 0) {
            fraction = Math.min(1, (double) p.elapsedNs() / durationNs);
            count = String.format(Locale.ROOT, "%d done, %.0f/%.0f s", p.completed(), p.elapsedNs() / 1e9,
                    durationNs / 1e9);
        } else if (p.total() > 0) {
            fraction = Math.min(1, (double) p.completed() / p.total());
            count = String.format(Locale.ROOT, "%d/%d", p.completed(), p.total());
        } else {
            fraction = Double.NaN;
            count = p.completed() + " done";
        }
        double rate = view.requestRate(nowNs);
        long remainingNs = view.remainingNs(nowNs);
        return String.format(Locale.ROOT, "%-9s %s %s | %s req/s | ETA %s | errors %d", name, bar(fraction), count,
                Double.isFinite(rate) ? String.format(Locale.ROOT, "%.1f", rate) : "-",
                remainingNs < 0 ? "-" : Durations.compact(remainingNs), p.errors());
    }

    private String bar(double fraction) {
        if (Double.isNaN(fraction)) {
            return "";
        }
        int full = (int) Math.round(fraction * BAR_CELLS);
        char on = tty ? '█' : '#';
        char off = tty ? '░' : '.';
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%", String.valueOf(on).repeat(full),
                String.valueOf(off).repeat(BAR_CELLS - full), fraction * 100);
    }

    private void endLine() {
        if (open) {
            out.println();
            out.flush();
            open = false;
        }
    }

    @Override
    public void line(String text, PrintStream stream) {
        endLine();
        stream.println(text);
        stream.flush();
        drawDue = true; // draw the bar again below the line
    }

    @Override
    public void close() {
        endLine();
    }
}
