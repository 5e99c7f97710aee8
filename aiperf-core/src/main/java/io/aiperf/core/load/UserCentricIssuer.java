package io.aiperf.core.load;

import io.aiperf.core.config.LoadConfig;

import java.util.List;
import java.util.Objects;

/**
 * User-centric rate: {@code U} simulated users share {@code qps}. They start staggered by {@code 1/qps}; each then
 * sends one turn per slot, a gap of {@code U/qps} apart, never while its previous turn is in flight, and starts a
 * new conversation in its next slot when one ends. The session count, not a concurrency limit, bounds them.
 */
final class UserCentricIssuer implements CreditIssuer {

    private final SessionDispatcher dispatcher;
    /** Users waiting for their next slot. */
    private final DueQueue slots;
    private final int users;
    private final long staggerNs;
    private final long gapNs;

    UserCentricIssuer(SessionDispatcher dispatcher, LoadConfig.UserCentric config, SendAhead ahead) {
        Objects.requireNonNull(config, "user-centric mode needs its users and rate");
        this.dispatcher = dispatcher;
        this.slots = new DueQueue(ahead);
        this.users = config.numUsers();
        this.staggerNs = (long) (1e9 / config.qps());
        this.gapNs = (long) (config.numUsers() * 1e9 / config.qps());
    }

    @Override
    public void start(long startNs) {
        for (int u = 0; u < users; u++) {
            slots.add(startNs + u * staggerNs, new Session());
        }
    }

    @Override
    public boolean issueDue(long nowNs, CreditSink sink) {
        if (slots.wakeNs() > nowNs) {
            return false; // a wake-up for a return: the next pass gathers these slots with the ones after them
        }
        while (slots.releasable(nowNs) && !dispatcher.requestCountReached() && dispatcher.prefillSlotFree(nowNs)) {
            long slotNs = slots.headAtNs();
            if (dispatcher.pastDuration(slotNs)) {
                return true;
            }
            Session user = slots.poll();
            if (!user.inConversation()) {
                if (!dispatcher.mayOpenSession()) {
                    continue; // no sessions left to start: this user is done
                }
                if (!dispatcher.beginConversation(user)) {
                    return false;
                }
            }
            user.nextSlotNs(slotNs + gapNs);
            dispatcher.send(user, slotNs, sink);
        }
        return false;
    }

    @Override
    public long nextWakeNs() {
        return slots.wakeNs();
    }

    /** The next turn waits for the user's slot as well as for its own due time. */
    @Override
    public void turnDue(Session user, long dueNs) {
        slots.add(Math.max(dueNs, user.nextSlotNs()), user);
    }

    @Override
    public void sessionEnded(Session user, long nowNs, boolean stillIssuing) {
        if (stillIssuing) {
            user.endConversation();
            slots.add(Math.max(nowNs, user.nextSlotNs()), user);
        }
    }

    /**
     * Never: a user waiting for its next turn still holds an active session, which keeps the phase going anyway; a
     * user waiting for a new conversation gets none once sessions may no longer start.
     */
    @Override
    public boolean hasWaitingTurns() {
        return false;
    }

    /** Users in a conversation on the dead worker; those between conversations take any worker next. */
    @Override
    public List<Session> dropSessionsOn(int worker) {
        return slots.removeIf(u -> u.inConversation() && u.workerIndex() == worker);
    }

    @Override
    public void stop() {
        slots.clear();
    }
}
