package io.aiperf.core.load;

/**
 * Fixed schedule: each session's first turn at its trace offset from the phase start, in the source's order; its
 * later turns at their own timestamps, or their delay after the previous return. The trace ends the phase when it
 * runs out.
 */
final class FixedScheduleIssuer extends LaterTurnsIssuer {

    private final SessionDispatcher dispatcher;
    private final long leadNs;
    private long startNs;

    FixedScheduleIssuer(SessionDispatcher dispatcher, long leadNs) {
        super(leadNs);
        this.dispatcher = dispatcher;
        this.leadNs = leadNs;
    }

    @Override
    public void start(long startNs) {
        this.startNs = startNs;
    }

    @Override
    public boolean issueDue(long nowNs, CreditSink sink) {
        boolean turnPastEnd = dispatcher.sendDueTurns(continuations, nowNs, sink);
        boolean sessionPastEnd = issueFirstTurns(nowNs, sink);
        return turnPastEnd || sessionPastEnd;
    }

    /** Starts the sessions whose offset has come, while a slot is free; stops at the first that must wait. */
    private boolean issueFirstTurns(long nowNs, CreditSink sink) {
        while (!dispatcher.sourceExhausted() && !dispatcher.requestCountReached()) {
            long offsetNs = dispatcher.peekStartOffsetNs();
            if (offsetNs < 0) {
                dispatcher.markSourceExhausted();
                return false;
            }
            long dueNs = startNs + offsetNs;
            if (dueNs - leadNs > nowNs || !dispatcher.sessionSlotFree(nowNs)) {
                return false;
            }
            if (dispatcher.pastDuration(dueNs)) {
                return true;
            }
            if (!dispatcher.openSession(dueNs, sink)) {
                return false;
            }
        }
        return false;
    }

    @Override
    public long nextWakeNs() {
        long wake = continuations.wakeNs();
        if (!dispatcher.sourceExhausted()) {
            long offsetNs = dispatcher.peekStartOffsetNs();
            if (offsetNs >= 0) {
                wake = Math.min(wake, startNs + offsetNs - leadNs);
            }
        }
        return wake;
    }
}
