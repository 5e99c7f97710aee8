package io.aiperf.ui;

import io.aiperf.core.message.Message;

import java.io.PrintStream;

/**
 * One way of showing the run ({@link UiMode}). Called only on the UI thread, in this order: {@link #start()}, then
 * {@link #onMessage} for every message and {@link #onTick} about every 100 ms, then {@link #finish} and
 * {@link #close()}.
 */
interface Renderer {

    /** Takes the terminal; false when it cannot (the dashboard without a terminal), and another mode is used. */
    default boolean start() {
        return true;
    }

    /** {@code m} is already folded into {@code view}. */
    default void onMessage(Message m, RunView view, long nowNs) {
    }

    /** Redraws when due. */
    default void onTick(RunView view, long nowNs) {
    }

    /** The run is over and every message is in: show the last state, whatever the interval. */
    default void finish(RunView view, long nowNs) {
    }

    /** A notice, a warning or the CLI's own error line, for the user's eyes, on {@code stream} (stdout or stderr). */
    void line(String text, PrintStream stream);

    /**
     * Gives the terminal back; lines {@link #line} could not print while the screen was taken are printed now, so the
     * final report follows them on a normal screen.
     */
    default void close() {
    }
}
