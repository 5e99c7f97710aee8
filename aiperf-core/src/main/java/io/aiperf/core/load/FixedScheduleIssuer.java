package io.aiperf.core.load;

/**
 * Fixed schedule: each session's first turn at its trace offset from the phase start, in the source's order; its
 * later turns at their own timestamps, or their delay after the previous return. The trace ends the phase when it
 * runs out.
 */
final class FixedScheduleIssuer extends LaterTurnsIssuer {

    private final SessionDispatcher dispatcher;
    private final SendAhead ahead;
    private long startNs;

    FixedScheduleIssuer(SessionDispatcher dispatcher, SendAhead ahead) {
        super(ahead);
        this.dispatcher = dispatcher;
        this.ahead = ahead;
    }

    @Override
    public void start(long startNs) {
        this.startNs = startNs;
    }

    @Override
    public boolean issueDue(long nowNs, CreditSink sink) {
        if (nextWakeNs() > nowNs) {
            return false; // a wake-up for a return: the next pass gathers what is due with what follows it
        }
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
            if (!ahead.takes(dueNs, nowNs) || !dispatcher.sessionSlotFree(nowNs)) {
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
                wake = Math.min(wake, ahead.wakeNs(startNs + offsetNs));
            }
        }
        return wake;
    }
}
