package io.aiperf.core.load;

/**
 * Concurrency burst: a new session starts whenever a slot is free, intended at the moment it goes out (a burst has no
 * schedule to be late against). A session's later turns go out at their own due time.
 */
final class BurstIssuer implements CreditIssuer {

    private final SessionDispatcher dispatcher;
    private final DueQueue continuations;

    BurstIssuer(SessionDispatcher dispatcher, long leadNs) {
        this.dispatcher = dispatcher;
        this.continuations = new DueQueue(leadNs);
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

    @Override
    public void turnDue(Session session, long dueNs) {
        continuations.add(dueNs, session);
    }

    @Override
    public boolean hasWaitingTurns() {
        return !continuations.isEmpty();
    }

    @Override
    public void stop() {
        continuations.clear();
    }
}
