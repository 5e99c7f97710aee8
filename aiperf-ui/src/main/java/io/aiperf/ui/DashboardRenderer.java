package io.aiperf.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link UiMode#DASHBOARD}: the full-screen Lanterna dashboard ({@link DashboardPainter} draws it). Redraws once a
 * second, and at once on a resize or a key; reads keys every tick: {@code q} stops the run early (the same clean
 * cancel as Ctrl-C), {@code l} shows or hides the log pane. Ctrl-C is read as a key (Lanterna's TRAP mode), so it
 * reaches this JVM alone, not the service JVMs in the same process group, and takes the same path as the signal.
 *
 * <p>Lines for the user (notices, warnings, the CLI's errors) are shown in the progress panel and held, then
 * printed on the normal screen when the dashboard closes, so they are still there after the run. The terminal is
 * given back in {@link #close()} (alternate screen left, cursor shown, the tty's settings restored) and by
 * {@link #restoreNow()}, which the CLI calls before it halts the JVM on a second Ctrl-C.
 */
final class DashboardRenderer implements Renderer {

    static final long REDRAW_NS = TimeUnit.SECONDS.toNanos(1);

    private final Screen screen;
    private final Terminal terminal;
    private final Runnable onQuit;
    private final Runnable onInterrupt;
    private final LogTail logTail;
    private final List<Held> held = new ArrayList<>();
    private boolean logShown;
    private boolean started;
    private boolean quitSent;
    private long lastDrawNs;
    /** Draw at the next tick whatever the interval (nothing drawn yet, a new line to show). */
    private boolean drawDue = true;

    private record Held(String text, PrintStream stream) {
    }

    DashboardRenderer(Screen screen, Terminal terminal, LogTail logTail, Runnable onQuit, Runnable onInterrupt) {
        this.screen = screen;
        this.terminal = terminal;
        this.logTail = logTail;
        this.onQuit = onQuit;
        this.onInterrupt = onInterrupt;
    }

    /**
     * A dashboard on the process's terminal, or null when there is none to take (Lanterna fails fast without a
     * tty; the caller falls back to plain lines).
     */
    static DashboardRenderer onTerminal(OutputStream out, InputStream in, LogTail logTail, Runnable onQuit,
                                        Runnable onInterrupt) {
        try {
            Terminal terminal = new DefaultTerminalFactory(out, in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true)
                    .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                    .createTerminal();
            return new DashboardRenderer(new TerminalScreen(terminal), terminal, logTail, onQuit, onInterrupt);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public synchronized boolean start() {
        try {
            screen.startScreen();
            screen.setCursorPosition(null);
            started = true;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void onTick(RunView view, long nowNs) {
        if (!started) {
            return;
        }
        boolean now = readKeys();
        TerminalSize resized = screen.doResizeIfNecessary();
        if (resized != null) {
            screen.clear();
            now = true;
        }
        if (!now && !drawDue && nowNs - lastDrawNs < REDRAW_NS) {
            return;
        }
        lastDrawNs = nowNs;
        drawDue = false;
        List<String> log = logShown ? logTail.last(20) : null;
        DashboardPainter.paint(screen.newTextGraphics(), view, log, nowNs, System.currentTimeMillis());
        try {
            screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        } catch (IOException e) {
            // The terminal went away (a closed window): keep measuring; the exports are what matters.
            started = false;
        }
    }

    /** @return true when a key changed what is shown */
    private boolean readKeys() {
        boolean changed = false;
        try {
            KeyStroke key;
            while ((key = screen.pollInput()) != null) {
                if (key.getKeyType() == KeyType.EOF) {
                    break;
                }
                if (key.getKeyType() != KeyType.Character) {
                    continue;
                }
                char c = Character.toLowerCase(key.getCharacter());
                if (key.isCtrlDown() && c == 'c') {
                    onInterrupt.run();
                } else if (c == 'q' && !quitSent) {
                    quitSent = true;
                    onQuit.run();
                } else if (c == 'l') {
                    logShown = !logShown;
                    changed = true;
                }
            }
        } catch (IOException e) {
            // No more input: the dashboard keeps drawing; Ctrl-C still arrives as a signal if the tty sends one.
        }
        return changed;
    }

    @Override
    public synchronized void line(String text, PrintStream stream) {
        held.add(new Held(text, stream));
        drawDue = true; // show it at the next tick
    }

    @Override
    public synchronized void close() {
        restoreNow();
        for (Held h : held) {
            h.stream().println(h.text());
            h.stream().flush();
        }
        held.clear();
    }

    /** Leaves the alternate screen, shows the cursor and restores the tty; safe to call twice, from any thread. */
    synchronized void restoreNow() {
        if (!started) {
            return;
        }
        started = false;
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // Go on: the tty settings below matter more than the last frame.
        }
        try {
            terminal.setCursorVisible(true);
            terminal.flush();
            terminal.close();
        } catch (IOException | RuntimeException e) {
            // Nothing more can be done for a terminal that is gone.
        }
    }

    boolean logShown() {
        return logShown;
    }
}
