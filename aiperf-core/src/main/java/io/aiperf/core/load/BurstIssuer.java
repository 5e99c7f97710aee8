package io.aiperf.core.load;

/**
 * Concurrency burst: a new session starts whenever a slot is free, intended at the moment it goes out (a burst has no
 * schedule to be late against). A session's later turns go out at their own due time.
 */
final class BurstIssuer extends LaterTurnsIssuer {

    private final SessionDispatcher dispatcher;

    /** Later turns leave {@code leadNs} ahead, each in the pass that finds it due (passes follow the returns). */
    BurstIssuer(SessionDispatcher dispatcher, long leadNs) {
        super(SendAhead.exactly(leadNs));
        this.dispatcher = dispatcher;
    }

    @Override
    public void start(long startNs) {
        // Nothing is scheduled: the first sessions go out at the first issueDue.
    }

    @Override
    public boolean issueDue(long nowNs, CreditSink sink) {
        boolean pastEnd = dispatcher.sendDueTurns(continuations, nowNs, sink);
        // Even after a later turn fell past the duration's end, new sessions still fill the free slots in this call:
        // they are intended now, which is inside the duration.
        while (dispatcher.sessionSlotFree(nowNs) && dispatcher.openSession(nowNs, sink)) {
            // as fast as slots free up
        }
        return pastEnd;
    }

    @Override
    public long nextWakeNs() {
        return continuations.wakeNs();
    }
}
