package io.aiperf.cli.sweep;

import io.aiperf.cli.ExitCodes;
import io.aiperf.cli.ProfileInvocation;
import io.aiperf.cli.SignalSupport;

import java.io.PrintWriter;
import java.util.List;

/**
 * Runs each point as {@code aiperf profile} in this JVM. A point's run handles Ctrl-C and SIGTERM itself (a clean
 * cancel, then 130 or 143); around the runs, between two points, this runner takes them instead and asks the sweep
 * to stop, so a signal never lands on a finished run's handler.
 */
final class InProcessPointRunner implements PointRunner {

    private final PrintWriter out;
    private final PrintWriter err;
    private volatile int stop;

    InProcessPointRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public int run(List<String> profileArgs) {
        takeSignals();
        try {
            return ProfileInvocation.run(profileArgs, out, err);
        } finally {
            takeSignals();
        }
    }

    @Override
    public int stopRequested() {
        return stop;
    }

    private void takeSignals() {
        SignalSupport.onInterrupt(() -> stop = ExitCodes.INTERRUPTED);
        SignalSupport.onTerminate(() -> stop = ExitCodes.TERMINATED);
    }
}
