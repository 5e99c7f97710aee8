package io.aiperf.core.load;

/** Where new sessions come from. Called on the controller thread only. */
public interface SessionSource {

    /**
     * The next session to start, or null when the source is exhausted (a replayed trace has no more rows; a sampled
     * dataset never is). For a fixed schedule, sessions come in order of {@link SessionPlan#startOffsetNs()}.
     */
    SessionPlan next();

    /** Fixed schedule only: the start offset of the session {@link #next()} would return, or -1 if exhausted. */
    default long peekStartOffsetNs() {
        return -1;
    }
}
