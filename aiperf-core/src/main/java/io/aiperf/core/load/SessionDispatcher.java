package io.aiperf.core.load;

import io.aiperf.core.message.Credit;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.RandomUuid;

import java.util.List;

/**
 * What every issuer shares: it opens sessions from the source within the slot limits and stop conditions, and sends
 * their turns as credits (routed to a worker, with their cancellation drawn, booked in flight). The issuers decide
 * only when. Controller thread only.
 */
final class SessionDispatcher {

    private final CreditPhase phase;
    private final SessionSource source;
    private final int urls;
    private final StopConditions stops;
    private final SlotLimits limits;
    private final WorkerRouter router;
    private final CancellationPolicy cancellation;
    private final InFlightCredits inFlight = new InFlightCredits();

    private long startNs = Long.MIN_VALUE;
    private long creditsSent;
    private long sessionsStarted;
    private boolean sourceExhausted;

    SessionDispatcher(CreditPhase phase, SessionSource source, StopConditions stops, SlotLimits limits,
                      WorkerRouter router, CancellationPolicy cancellation, int urls) {
        this.phase = phase;
        this.source = source;
        this.stops = stops;
        this.limits = limits;
        this.router = router;
        this.cancellation = cancellation;
        this.urls = urls;
    }

    void start(long nowNs) {
        startNs = nowNs;
    }

    boolean started() {
        return startNs != Long.MIN_VALUE;
    }

    long startNs() {
        return startNs;
    }

    // ---------------------------------------------------------------------------------------------- gates

    boolean requestCountReached() {
        return stops.requestCountReached(creditsSent);
    }

    boolean prefillSlotFree(long nowNs) {
        return limits.prefillSlotFree(nowNs - startNs);
    }

    boolean pastDuration(long intendedNs) {
        return stops.durationOver(intendedNs - startNs);
    }

    /** The source and the session count still allow a new session (slots aside). */
    boolean mayOpenSession() {
        return !sourceExhausted && !stops.sessionCountReached(sessionsStarted);
    }

    /** A new session may start now: nothing stops it and it gets a concurrency and a prefill slot. */
    boolean sessionSlotFree(long nowNs) {
        return !requestCountReached() && mayOpenSession() && limits.sessionSlotFree(nowNs - startNs)
                && prefillSlotFree(nowNs);
    }

    // ---------------------------------------------------------------------------------------------- sending

    /** Starts a new session and sends its first turn. @return false when the source is exhausted */
    boolean openSession(long intendedNs, CreditSink sink) {
        Session s = new Session();
        if (!beginConversation(s)) {
            return false;
        }
        send(s, intendedNs, sink);
        return true;
    }

    /** Gives {@code s} the source's next conversation. @return false when the source is exhausted */
    boolean beginConversation(Session s) {
        SessionPlan plan = source.next();
        if (plan == null) {
            sourceExhausted = true;
            return false;
        }
        s.begin(plan, RandomUuid.next(), (int) (sessionsStarted % urls), sessionsStarted);
        sessionsStarted++;
        limits.sessionOpened();
        return true;
    }

    /**
     * Sends the queued turns that are due, each at its own due time, while the request count and the prefill limit
     * allow. @return true when one is due at or after the duration's end: the phase stops issuing
     */
    boolean sendDueTurns(DueQueue turns, long nowNs, CreditSink sink) {
        while (turns.releasable(nowNs) && !requestCountReached() && prefillSlotFree(nowNs)) {
            long dueNs = turns.headAtNs();
            if (pastDuration(dueNs)) {
                return true;
            }
            send(turns.poll(), dueNs, sink);
        }
        return false;
    }

    /** Sends the session's next turn, intended at {@code intendedNs}. */
    void send(Session s, long intendedNs, CreditSink sink) {
        int worker = router.route(s.workerIndex());
        if (s.workerIndex() < 0) {
            router.sessionOpened(worker);
        }
        Long cancelAfterNs = cancellation.nextCancelAfterNs();
        boolean holdsPrefill = limits.prefillLimited();
        Credit credit = s.takeTurn(creditsSent, phase, worker, intendedNs, cancelAfterNs, holdsPrefill);
        creditsSent++;
        router.sent(worker);
        if (holdsPrefill) {
            limits.prefillTaken();
        }
        inFlight.add(credit, s, worker, holdsPrefill);
        sink.send(worker, credit);
    }

    // ---------------------------------------------------------------------------------------------- returns

    /** The credit came back: its worker and prefill slots are free. @return its flight, or null if not in flight */
    InFlightCredits.Flight returned(long creditId) {
        InFlightCredits.Flight f = inFlight.remove(creditId);
        if (f != null) {
            router.returned(f.worker());
            if (f.holdsPrefill()) {
                limits.prefillFreed();
            }
        }
        return f;
    }

    /**
     * Worker {@code worker} died: it gets nothing more, its slot share (if any) is spread over the others, and its
     * credits in flight are taken out with their prefill slots freed; the phase ends their sessions.
     *
     * @return its credits that were in flight, in credit order
     */
    List<InFlightCredits.Flight> workerLost(int worker) {
        router.lose(worker);
        List<InFlightCredits.Flight> lost = inFlight.removeWorker(worker);
        for (InFlightCredits.Flight f : lost) {
            if (f.holdsPrefill()) {
                limits.prefillFreed();
            }
        }
        return lost;
    }

    /** At least one worker is alive to send to. */
    boolean anyWorkerAlive() {
        return router.living() > 0;
    }

    void firstToken(long creditId) {
        if (inFlight.releasePrefill(creditId)) {
            limits.prefillFreed();
        }
    }

    /** The session's last turn is back (or it ends early): its concurrency slot on {@code worker} is free. */
    void sessionEnded(int worker) {
        limits.sessionClosed();
        router.sessionClosed(worker);
    }

    // ---------------------------------------------------------------------------------------------- state

    /** Fixed schedule: the start offset of the source's next session, or -1 when there is none. */
    long peekStartOffsetNs() {
        return source.peekStartOffsetNs();
    }

    boolean sourceExhausted() {
        return sourceExhausted;
    }

    void markSourceExhausted() {
        sourceExhausted = true;
    }

    long nextRampLookNs(long nowNs) {
        return limits.nextRampLookNs(nowNs);
    }

    long sent() {
        return creditsSent;
    }

    int inFlight() {
        return inFlight.size();
    }

    int activeSessions() {
        return limits.activeSessions();
    }
}
