package io.aiperf.core.load;

import java.util.List;

/**
 * An issuer whose sessions' later turns wait in one queue by due time (burst, rate, fixed schedule; user-centric
 * waits per user slot instead). Holds that queue and the calls that only touch it.
 */
abstract class LaterTurnsIssuer implements CreditIssuer {

    /** Later turns whose previous turn returned, by due time. */
    final DueQueue continuations;

    LaterTurnsIssuer(SendAhead ahead) {
        this.continuations = new DueQueue(ahead);
    }

    @Override
    public final void turnDue(Session session, long dueNs) {
        continuations.add(dueNs, session);
    }

    @Override
    public final boolean hasWaitingTurns() {
        return !continuations.isEmpty();
    }

    @Override
    public final List<Session> dropSessionsOn(int worker) {
        return continuations.removeIf(s -> s.workerIndex() == worker);
    }

    @Override
    public final void stop() {
        continuations.clear();
    }
}
