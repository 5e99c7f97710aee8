package io.aiperf.core.load;

import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.CreditUnsent;
import io.aiperf.core.message.Message.SlotShare;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.model.CreditPhase;

import java.util.ArrayList;
import java.util.List;

/**
 * The credits of one phase (warmup or profiling), as the controller drives them: it feeds the clock, returns and
 * first tokens, asks the phase to {@link #issueDue issue what is due}, and waits until {@link #nextWakeNs} (or until
 * a socket has something). The timing mode's {@code CreditIssuer} decides when; the {@code SessionDispatcher} opens
 * sessions and sends; this class holds the stop latch and the return counts. Controller thread only.
 *
 * <p>Semantics follow AIPerf: a session holds a concurrency slot from its first turn until its last turn returns; a
 * later turn is due after the previous one returned plus its delay (or at its timestamp) and goes to the same
 * worker; a failed turn ends its session. Every credit carries the time the schedule wanted it sent, so lateness is
 * measured, never hidden.
 */
public final class LoadPhase {

    private final CreditPhase phase;
    private final StopConditions stops;
    private final SessionDispatcher dispatcher;
    private final CreditIssuer issuer;
    /** The workers' slot shares, or null when the controller keeps the slots. */
    private final SlotShares shares;
    /** Latched by a stop condition or {@link #stop()}; a stopped phase issues nothing more. */
    private boolean stopped;
    private long returned;
    private long failed;
    private long recorded;
    private long unsent;

    /** @param phaseSeed seed of this phase's own random streams (arrival gaps, cancellation draws) */
    public LoadPhase(CreditPhase phase, TimingMode mode, PhaseLoad load, SessionSource sessions, LoadConfig config,
                     long phaseSeed, Dispatch dispatch) {
        this.phase = phase;
        this.stops = new StopConditions(load);
        this.shares = SlotShares.forPhase(CreditIssuer.fillsFreedSlots(phase, mode, load), load, dispatch.workers());
        this.dispatcher = new SessionDispatcher(phase, sessions, stops, new SlotLimits(load, shares),
                new WorkerRouter(dispatch.workers(), shares), CancellationPolicy.forPhase(phase, config, phaseSeed),
                dispatch.urls());
        this.issuer = CreditIssuer.forPhase(phase, mode, load, config, phaseSeed, dispatcher, dispatch.sendAhead());
    }

    /** Starts the phase clock; nothing is issued before this. */
    public void start(long nowNs) {
        dispatcher.start(nowNs);
        issuer.start(nowNs);
    }

    /**
     * What each worker must hear before the phase's first credit, in worker order, once the phase has started: its
     * share of the slots (a fixed-concurrency burst), or nothing when the controller keeps the slots.
     */
    public List<SlotShare> slotShares() {
        if (shares == null) {
            return List.of();
        }
        long sendUntilNs = stops.durationEndNs(dispatcher.startNs());
        List<SlotShare> out = new ArrayList<>(shares.workers());
        for (int w = 0; w < shares.workers(); w++) {
            out.add(new SlotShare(phase, shares.share(w), sendUntilNs));
        }
        return out;
    }

    /** Issues every credit that is due at {@code nowNs} and allowed by the limits. */
    public void issueDue(long nowNs, CreditSink sink) {
        if (stopped || !dispatcher.started()) {
            return;
        }
        if (stops.durationOver(nowNs - dispatcher.startNs())) {
            stopped = true;
            return;
        }
        if (issuer.issueDue(nowNs, sink) || dispatcher.requestCountReached()) {
            stopped = true;
        }
    }

    /** @return false when the return does not belong to this phase (ignored) */
    public boolean onReturn(CreditReturn r, long nowNs) {
        if (r.phase() != phase) {
            return false;
        }
        InFlightCredits.Flight flight = dispatcher.returned(r.creditId());
        if (flight == null) {
            return false;
        }
        returned++;
        if (r.failed()) {
            failed++;
        }
        if (r.recorded()) {
            recorded++;
        }
        Session s = flight.session();
        boolean stillIssuing = !stopped && !dispatcher.requestCountReached();
        // A failed or cancelled turn ends the conversation: its history on the worker is gone.
        if (s.hasMoreTurns() && !r.failed() && stillIssuing) {
            issuer.turnDue(s, s.nextTurnDueNs(dispatcher.startNs(), nowNs));
        } else {
            dispatcher.sessionEnded(flight.worker());
            issuer.sessionEnded(s, nowNs, stillIssuing);
        }
        return true;
    }

    /**
     * A credit that waited on its worker for a slot was never sent: its session is over, and it counts neither as
     * sent nor as returned. @return false when it does not belong to this phase (ignored)
     */
    public boolean onUnsent(CreditUnsent u, long nowNs) {
        if (u.phase() != phase) {
            return false;
        }
        InFlightCredits.Flight flight = dispatcher.returned(u.creditId());
        if (flight == null) {
            return false;
        }
        unsent++;
        dispatcher.sessionEnded(flight.worker());
        issuer.sessionEnded(flight.session(), nowNs, false);
        return true;
    }

    /**
     * Worker {@code worker} died (its process exited). Its credits in flight are over: each counts as returned and
     * failed (and, in profiling, as recorded: the controller has the records manager record it as an error) and ends
     * its session, as a failed turn does; the sessions waiting on it for a later turn end too, since their history
     * died with it. New sessions go to the other workers, and a slot share of its own is spread over them
     * ({@link #slotShares()} says what each living worker has now). When no worker is left, the phase stops.
     *
     * @return the credits it held, in credit order
     */
    public List<Credit> workerLost(int worker, long nowNs) {
        List<InFlightCredits.Flight> flights = dispatcher.workerLost(worker);
        boolean stillIssuing = !stopped && !dispatcher.requestCountReached() && dispatcher.anyWorkerAlive();
        List<Credit> lost = new ArrayList<>(flights.size());
        for (InFlightCredits.Flight flight : flights) {
            returned++;
            failed++;
            if (phase == CreditPhase.PROFILING) {
                recorded++;
            }
            lost.add(flight.credit());
            dispatcher.sessionEnded(worker);
            issuer.sessionEnded(flight.session(), nowNs, stillIssuing);
        }
        for (Session waiting : issuer.dropSessionsOn(worker)) {
            dispatcher.sessionEnded(worker);
            issuer.sessionEnded(waiting, nowNs, stillIssuing);
        }
        if (!dispatcher.anyWorkerAlive()) {
            stop();
        }
        return lost;
    }

    public void onFirstToken(FirstToken t) {
        if (t.phase() == phase) {
            dispatcher.firstToken(t.creditId());
        }
    }

    /** The user interrupted, or the controller is abandoning the phase: issue nothing more. */
    public void stop() {
        stopped = true;
        issuer.stop();
    }

    /** The next moment something may become due (an arrival, a turn delay, a ramp step, the duration's end). */
    public long nextWakeNs(long nowNs) {
        if (stopped) {
            return Long.MAX_VALUE;
        }
        long wake = Math.min(issuer.nextWakeNs(), stops.durationEndNs(dispatcher.startNs()));
        return Math.min(wake, dispatcher.nextRampLookNs(nowNs));
    }

    /** No more credits will be issued: a stop condition holds, the source is exhausted, or it was stopped. */
    public boolean sendingDone(long nowNs) {
        if (stopped || dispatcher.requestCountReached() || stops.durationOver(nowNs - dispatcher.startNs())) {
            return true;
        }
        return !dispatcher.mayOpenSession() && dispatcher.activeSessions() == 0 && !issuer.hasWaitingTurns();
    }

    /** Everything issued has come back and nothing more will be issued. */
    public boolean complete(long nowNs) {
        return sendingDone(nowNs) && dispatcher.inFlight() == 0;
    }

    /** The phase's duration in ns ({@code --benchmark-duration} or the warmup's), or -1 when it has none. */
    public long durationNs() {
        return stops.durationNs();
    }

    /** How long requests in flight may finish after the duration, in ns; -1 without a duration or when unbounded. */
    public long gracePeriodNs() {
        return stops.gracePeriodNs();
    }

    /** The phase started and its duration has passed at {@code nowNs} (false without a duration). */
    public boolean durationOver(long nowNs) {
        return dispatcher.started() && stops.durationOver(nowNs - dispatcher.startNs());
    }

    /** When in-flight requests are abandoned after the duration: duration + grace, or Long.MAX_VALUE. */
    public long graceDeadlineNs() {
        return stops.graceDeadlineNs(dispatcher.startNs());
    }

    public CreditPhase phase() {
        return phase;
    }

    public long startNs() {
        return dispatcher.startNs();
    }

    /** Credits that went out as requests (not those handed back unsent). */
    public long sent() {
        return dispatcher.sent() - unsent;
    }

    public long returned() {
        return returned;
    }

    public long failed() {
        return failed;
    }

    /**
     * Returns whose record was pushed, and credits lost with their worker (recorded as errors by the controller):
     * how many records the records manager must see.
     */
    public long recorded() {
        return recorded;
    }

    public int inFlight() {
        return dispatcher.inFlight();
    }

    /** The planned total when the phase is bounded by a request count, else -1. */
    public long plannedTotal() {
        return stops.plannedTotal();
    }
}
