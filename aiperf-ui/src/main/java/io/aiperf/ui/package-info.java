/**
 * What the user sees while a run goes on, in the CLI JVM only: {@link io.aiperf.ui.LiveUi} and the three
 * {@link io.aiperf.ui.UiMode}s. Everything here draws from the immutable messages of {@code aiperf-core} that the
 * controller publishes (progress, stage, worker table, the records manager's live metrics, the telemetry manager's
 * GPU statistics); it never reaches into a service, and no service JVM loads this module.
 *
 * <h2>Threads</h2>
 * The CLI's bus loop (its main thread) only enqueues: {@link io.aiperf.ui.LiveUi#accept}, {@code info} and
 * {@code error} put the message or line on an unbounded queue and return. The UI's one thread, {@code aiperf-ui},
 * owns everything else: it folds messages into the {@link io.aiperf.ui.RunView} (plain fields, no locks), checks the
 * {@link io.aiperf.ui.LoadWarnings} and calls the renderer about every 100 ms; the dashboard redraws once a second,
 * and at once on a key or a resize. The only other thread that touches a renderer is the JVM's signal thread, which
 * calls {@code restoreTerminal} before halting on a second Ctrl-C (the dashboard's {@code synchronized} methods
 * keep that from tearing a frame). Keys reach the CLI's cancel through the runnable it passes; the cancel itself
 * only sets flags the bus loop reads.
 *
 * <h2>Cost</h2>
 * Nothing here runs per request: the controller publishes progress a few times a second and the records manager
 * its metrics at most once a second, so the UI's work is bounded by time, not by load. A frame allocates its strings
 * and is gone; the log pane reads only the last 32 KB of the log. docs/ui.md has the measured CPU.
 *
 * <h2>The terminal</h2>
 * The dashboard takes the terminal with Lanterna's {@code Screen} (the alternate screen, Ctrl-C read as a key so it
 * reaches this JVM alone) and gives it back in every way out: {@code close} at the end of the run, a renderer that
 * throws (the UI goes on as plain lines), and {@code restoreTerminal} before a halt. Lines for the user are held while
 * the screen is taken and printed after it, so they stay in the scrollback above the final report.
 */
package io.aiperf.ui;
