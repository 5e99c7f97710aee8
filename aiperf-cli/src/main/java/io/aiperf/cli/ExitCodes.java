package io.aiperf.cli;

import io.aiperf.cli.run.ErrorRateGate;
import io.aiperf.core.error.UsageException;
import io.aiperf.core.message.Message.RunFinished;

/**
 * The one place that decides aiperf's exit status: 0 success, 1 a failed run (or a failure that is not the user's
 * command line), 2 a usage error, 130 interrupted (143 when by SIGTERM). The controller only reports how a run
 * ended; this turns that into the status and the one line to print.
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** As a shell reports a process ended by SIGINT. */
    public static final int INTERRUPTED = 130;
    /** As a shell reports a process ended by SIGTERM: the run was cancelled by SIGTERM (exports still written). */
    public static final int TERMINATED = 143;

    /** An exit status and the one line that explains it (null when there is nothing to say). */
    public record Exit(int code, String message) {
    }

    private ExitCodes() {
    }

    /** A failure that reached the top of a command: the user's command line is 2, anything else 1. */
    public static int of(Throwable failure) {
        return failure instanceof UsageException ? USAGE : FAILED;
    }

    /**
     * A finished run: failed (1), interrupted (130; 143 by SIGTERM), every request failed (1), an error rate above
     * {@code --fail-on-error-rate} (1), else 0. Checked after every export is written, so a failed gate loses nothing.
     *
     * @param failOnErrorRatePct {@code --fail-on-error-rate}, or null
     */
    public static Exit of(RunFinished run, Double failOnErrorRatePct) {
        return of(run, failOnErrorRatePct, false);
    }

    /** As {@link #of(RunFinished, Double)}; a cancelled run is 143 when {@code bySigterm}, else 130. */
    public static Exit of(RunFinished run, Double failOnErrorRatePct, boolean bySigterm) {
        return switch (run.status()) {
            case FAILED -> new Exit(FAILED, run.errorMessage());
            case CANCELLED -> new Exit(bySigterm ? TERMINATED : INTERRUPTED, null);
            case COMPLETED -> completed(run, failOnErrorRatePct);
        };
    }

    private static Exit completed(RunFinished run, Double failOnErrorRatePct) {
        if (run.requestCount() == 0 && run.errorCount() > 0) {
            return new Exit(FAILED, "every request failed (" + run.errorCount() + " of " + run.errorCount() + "): "
                    + run.mostCommonError());
        }
        String gate = ErrorRateGate.check(failOnErrorRatePct, run.requestCount(), run.errorCount());
        return gate != null ? new Exit(FAILED, gate) : new Exit(OK, null);
    }
}
