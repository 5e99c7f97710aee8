package io.aiperf.cli.sweep;

import java.util.List;

/** Runs one point's {@code aiperf profile}; tests give {@link SweepCommand} one that starts nothing. */
interface PointRunner {

    /** @return the point's exit code ({@code io.aiperf.cli.ExitCodes}) */
    int run(List<String> profileArgs);

    /** 130 or 143 when Ctrl-C or SIGTERM arrived while no point was handling them, else 0. */
    default int stopRequested() {
        return 0;
    }
}
