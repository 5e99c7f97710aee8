package io.aiperf.core.message;

/** How a run ended, as the controller reports it; the CLI's {@code ExitCodes} turns it into the exit code. */
public enum RunStatus {
    /** Every phase ran to its end (requests may still have failed: that is in the counts). */
    COMPLETED,
    /** The user interrupted it; the exports hold what was recorded until then. */
    CANCELLED,
    /** It could not go on (a service died, the server was unreachable, an input could not be used). */
    FAILED
}
