package io.aiperf.ui;

import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Message;

import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The live UI of one run, in the CLI JVM: the messages the controller publishes and the CLI's own lines go into a
 * queue; the UI's one thread ({@code aiperf-ui}) folds them into a {@link RunView}, checks the {@link LoadWarnings}
 * and lets the mode's {@link Renderer} draw. The CLI's bus loop only enqueues, so a slow terminal never delays
 * reading the bus, and nothing of the UI runs in a service JVM.
 *
 * <p>Lines for the user are whole lines ({@code aiperf: warning: …}); in the dashboard they are held and printed
 * when it closes. {@link #close()} shows what is still queued, gives the terminal back and returns; only then does
 * the CLI print the final report.
 */
public final class LiveUi implements AutoCloseable {

    static final long TICK_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long CLOSE_WAIT_MS = 5_000;

    private final RunView view;
    private final PrintStream out;
    private final PrintStream err;
    private final LoadWarnings warnings;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile Renderer renderer;
    private volatile boolean closing;
    private final UiMode mode;

    private record Line(String text, boolean toErr) {
    }

    private static final Object WAKE = new Object();

    private LiveUi(UiMode mode, Renderer renderer, RunView view, PrintStream out, PrintStream err) {
        this.mode = mode;
        this.renderer = renderer;
        this.view = view;
        this.warnings = new LoadWarnings(view.header().highLoadCpuPercent());
        this.out = out;
        this.err = err;
        this.thread = new Thread(this::loop, "aiperf-ui");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the UI of {@code mode}. The dashboard falls back to plain lines, with a warning, when the terminal
     * cannot be taken.
     *
     * @param tty         stdout is a terminal
     * @param onInterrupt what {@code q} and Ctrl-C in the dashboard do: the CLI's clean cancel (a second one aborts)
     */
    public static LiveUi start(UiMode mode, RunHeader header, PrintStream out, PrintStream err, boolean tty,
                               Runnable onInterrupt) {
        Renderer renderer = switch (mode) {
            case DASHBOARD -> DashboardRenderer.onTerminal(out, System.in, new LogTail(header.logFile()), onInterrupt,
                    onInterrupt);
            case SIMPLE -> new SimpleRenderer(out, tty);
            case NONE -> new PlainRenderer(out);
        };
        UiMode shown = mode;
        if (renderer == null || !renderer.start()) {
            err.println("aiperf: warning: cannot take the terminal for the dashboard; showing plain progress lines");
            renderer = new PlainRenderer(out);
            shown = UiMode.NONE;
        }
        LiveUi ui = new LiveUi(shown, renderer, new RunView(header), out, err);
        ui.thread.start();
        return ui;
    }

    /** The mode actually shown (the dashboard may have fallen back to {@link UiMode#NONE}). */
    public UiMode mode() {
        return mode;
    }

    /** A message published by the controller; any thread. */
    public void accept(Message m) {
        queue.add(m);
    }

    /** A line for stdout (an information notice); any thread. */
    public void info(String line) {
        queue.add(new Line(line, false));
    }

    /** A whole line for stderr ({@code aiperf: warning: …}); any thread. */
    public void error(String line) {
        queue.add(new Line(line, true));
    }

    private void loop() {
        long lastTickNs = 0;
        boolean ticked = false;
        while (true) {
            Object e;
            try {
                e = queue.poll(TICK_NS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                break;
            }
            long nowNs = System.nanoTime();
            try {
                if (e instanceof Message m) {
                    view.accept(m);
                    renderer.onMessage(m, view, nowNs);
                } else if (e instanceof Line l) {
                    show(l);
                }
                if (!ticked || nowNs - lastTickNs >= TICK_NS || (closing && queue.isEmpty())) {
                    ticked = true;
                    lastTickNs = nowNs;
                    view.tick(nowNs);
                    for (String w : warnings.check(view, nowNs)) {
                        show(new Line("aiperf: warning: " + w, true));
                    }
                    renderer.onTick(view, nowNs);
                }
            } catch (RuntimeException failure) {
                fallBack(failure);
            }
            if (closing && queue.isEmpty()) {
                try {
                    renderer.finish(view, System.nanoTime());
                } catch (RuntimeException failure) {
                    fallBack(failure);
                }
                break;
            }
        }
    }

    private void show(Line l) {
        view.notice(l.text());
        renderer.line(l.text(), l.toErr() ? err : out);
    }

    /** A renderer that throws is a UI bug, never a reason to lose the run: give the terminal back, go on plainly. */
    private void fallBack(RuntimeException failure) {
        Renderer broken = renderer;
        renderer = new PlainRenderer(out);
        broken.close();
        err.println("aiperf: warning: the live UI failed (" + OneLine.of(failure) + "); showing plain progress lines");
    }

    /** Shows what is still queued, gives the terminal back, prints the held lines; returns when done. */
    @Override
    public void close() {
        closing = true;
        queue.add(WAKE);
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            restoreTerminal(); // a renderer stuck on a dead terminal: at least leave the tty usable
        } else {
            renderer.close();
        }
    }

    /** Gives the terminal back at once, from any thread: before the CLI halts the JVM on a second Ctrl-C. */
    public void restoreTerminal() {
        if (renderer instanceof DashboardRenderer d) {
            d.restoreNow();
        }
    }
}
