package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.RandomUuid;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Issues the credits of one phase (warmup or profiling) in any timing mode. Confined to the controller thread: the
 * caller feeds it the clock, returns and first tokens, asks it to {@link #issueDue issue what is due}, and waits until
 * {@link #nextWakeNs()} (or until a socket has something).
 *
 * <p>Semantics follow AIPerf: a session (conversation) holds a concurrency slot from its first turn until its last
 * turn returns; each request holds a prefill slot until its first token (or its return); a later turn of a session is
 * due after the previous one returned plus its delay, goes to the same worker, and in rate mode takes the next rate
 * tick before any new session. Stop conditions (request count, sessions started, duration) are checked before each
 * credit. Every credit carries the time the schedule wanted it sent, so lateness is measured, never hidden.
 */
public final class LoadPhase {

    /** How late a rate tick may be before the schedule is re-anchored instead of bursting to catch up. */
    static final long CATCH_UP_WINDOW_NS = 10_000_000;

    /** Sends a credit to a worker; the engine has already chosen the worker. */
    public interface CreditSink {
        void send(int workerIndex, Credit credit);
    }

    private final CreditPhase phase;
    private final TimingMode mode;
    private final PhaseLoad load;
    private final SessionSource sessions;
    private final int workers;
    private final Double cancelRatePct;
    private final long cancelDelayNs;
    private final LoadConfig.UserCentric users;
    private final SplittableRandom cancelRandom;
    private final ArrivalSchedule arrivals;
    /**
     * How far ahead of its intended time a scheduled credit is sent. The worker holds it and sends at the intended
     * instant on the loop that writes it, so the controller's wake-up and the bus hop no longer add to the send lag.
     */
    private final long dispatchLeadNs;
    /** Base URLs ({@code -u} given several times): each new session takes the next, its turns stay on it. */
    private int urls = 1;

    private final int[] workerInFlight;
    private final Map<Long, Flight> inFlight = new HashMap<>();
    private final PriorityQueue<Due> continuations = new PriorityQueue<>();
    /** User-centric: users waiting for their next slot, by due time. */
    private final PriorityQueue<Due> userSlots = new PriorityQueue<>();
    private final ArrayDeque<Session> idleUsers = new ArrayDeque<>();

    private long startNs = Long.MIN_VALUE;
    private long nextArrivalNs;
    private long scheduleShiftNs;
    private long creditsSent;
    private long sessionsStarted;
    private int activeSessions;
    private int prefillInFlight;
    private long returned;
    private long failed;
    private long recorded;
    private long dueSeq;
    private boolean sourceExhausted;
    private boolean stopped;

    /**
     * @param phaseSeed seed of this phase's own random streams (cancellation draws, arrival gaps)
     */
    public LoadPhase(CreditPhase phase, TimingMode mode, PhaseLoad load, SessionSource sessions, int workers,
                     LoadConfig config, long phaseSeed) {
        this(phase, mode, load, sessions, workers, config, phaseSeed, 0);
    }

    /** @param dispatchLeadNs send scheduled credits this long before their intended time (0 = at it) */
    public LoadPhase(CreditPhase phase, TimingMode mode, PhaseLoad load, SessionSource sessions, int workers,
                     LoadConfig config, long phaseSeed, long dispatchLeadNs) {
        this.dispatchLeadNs = dispatchLeadNs;
        this.phase = phase;
        this.mode = phase == CreditPhase.WARMUP && mode == TimingMode.FIXED_SCHEDULE ? TimingMode.REQUEST_RATE : mode;
        this.load = load;
        this.sessions = sessions;
        this.workers = workers;
        this.workerInFlight = new int[workers];
        boolean profiling = phase == CreditPhase.PROFILING;
        this.cancelRatePct = profiling ? config.cancellationRatePct() : null;
        this.cancelDelayNs = (long) (config.cancellationDelayS() * 1e9);
        this.users = this.mode == TimingMode.USER_CENTRIC_RATE ? config.userCentric() : null;
        this.cancelRandom = new SplittableRandom(phaseSeed ^ 0x6a09e667f3bcc909L);
        boolean paced = this.mode == TimingMode.REQUEST_RATE && load.pattern() != ArrivalPattern.CONCURRENCY_BURST
                && load.requestRate() != null;
        this.arrivals = paced ? ArrivalSchedule.of(load.pattern(), load.requestRate(), load.smoothness(), phaseSeed,
                load.rateRampS() == null ? null
                        : io.aiperf.core.load.RateRamp.linear(load.requestRate(), load.rateRampS())) : null;
    }

    /** Round-robin sessions over {@code count} base URLs (AIPerf's {@code --url-strategy round_robin}). */
    public LoadPhase withUrls(int count) {
        this.urls = Math.max(1, count);
        return this;
    }

    /** Starts the phase clock; nothing is issued before this. */
    public void start(long nowNs) {
        startNs = nowNs;
        if (arrivals != null) {
            nextArrivalNs = startNs + arrivals.nextOffsetNs();
        }
        if (users != null) {
            // Users start staggered by 1/qps; each then keeps a gap of users/qps between its turns.
            long staggerNs = (long) (1e9 / users.qps());
            for (int u = 0; u < users.numUsers(); u++) {
                Session idle = new Session(null, u);
                userSlots.add(new Due(startNs + u * staggerNs, dueSeq++, idle));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- issuing

    /** Issues every credit that is due at {@code nowNs} and allowed by the limits. */
    public void issueDue(long nowNs, CreditSink sink) {
        if (stopped || startNs == Long.MIN_VALUE) {
            return;
        }
        if (durationOver(nowNs)) {
            stopped = true;
            return;
        }
        switch (mode) {
            case REQUEST_RATE -> {
                if (arrivals == null) {
                    issueContinuations(nowNs, sink);
                    while (canStartSession(nowNs) && startSession(nowNs, nowNs, sink)) {
                        // as fast as slots free up
                    }
                } else {
                    issueRateTicks(nowNs, sink);
                }
            }
            case FIXED_SCHEDULE -> {
                issueContinuations(nowNs, sink);
                issueFixedSchedule(nowNs, sink);
            }
            case USER_CENTRIC_RATE -> issueUsers(nowNs, sink);
        }
        if (sendingLimitReached()) {
            stopped = true;
        }
    }

    private void issueRateTicks(long nowNs, CreditSink sink) {
        while (nextArrivalNs - dispatchLeadNs <= nowNs && !sendingLimitReached() && prefillAvailable(nowNs)) {
            long tickNs = nextArrivalNs;
            if (beyondDuration(tickNs)) {
                stopped = true;
                return;
            }
            Due cont = continuations.peek();
            if (cont != null && cont.atNs - dispatchLeadNs <= nowNs) {
                continuations.poll();
                issueTurn(cont.session, tickNs, sink);
            } else if (canStartSession(nowNs)) {
                if (!startSession(tickNs, nowNs, sink)) {
                    return;
                }
            } else {
                return; // blocked on a slot: the tick waits, and its lateness will show as send lag
            }
            if (nowNs - tickNs > CATCH_UP_WINDOW_NS) {
                // Far behind (a slot was blocked): move the rest of the schedule by this tick's lateness, so the next
                // arrival keeps its gap from now instead of bursting to catch up, as AIPerf does. The late credit
                // itself keeps its original intended time, so the delay shows as send lag.
                scheduleShiftNs += nowNs - tickNs;
            }
            nextArrivalNs = startNs + scheduleShiftNs + arrivals.nextOffsetNs();
        }
    }

    private void issueContinuations(long nowNs, CreditSink sink) {
        Due cont;
        while ((cont = continuations.peek()) != null && cont.atNs - dispatchLeadNs <= nowNs
                && !sendingLimitReached() && prefillAvailable(nowNs)) {
            if (beyondDuration(cont.atNs)) {
                stopped = true;
                return;
            }
            continuations.poll();
            issueTurn(cont.session, cont.atNs, sink);
        }
    }

    private void issueFixedSchedule(long nowNs, CreditSink sink) {
        while (!sourceExhausted && !sendingLimitReached()) {
            long offset = sessions.peekStartOffsetNs();
            if (offset < 0) {
                sourceExhausted = true;
                return;
            }
            long dueNs = startNs + offset;
            if (dueNs - dispatchLeadNs > nowNs || !canStartSession(nowNs)) {
                return;
            }
            if (beyondDuration(dueNs)) {
                stopped = true;
                return;
            }
            if (!startSession(dueNs, nowNs, sink)) {
                return;
            }
        }
    }

    private void issueUsers(long nowNs, CreditSink sink) {
        long gapNs = (long) (users.numUsers() * 1e9 / users.qps());
        Due slot;
        while ((slot = userSlots.peek()) != null && slot.atNs - dispatchLeadNs <= nowNs && !sendingLimitReached()
                && prefillAvailable(nowNs)) {
            if (beyondDuration(slot.atNs)) {
                stopped = true;
                return;
            }
            userSlots.poll();
            Session user = slot.session;
            if (user.plan == null || user.nextTurn >= user.plan.turns().size()) {
                // A new user session in this slot.
                if (!canStartNewSession()) {
                    continue;
                }
                SessionPlan plan = sessions.next();
                if (plan == null) {
                    sourceExhausted = true;
                    return;
                }
                user.begin(plan, newCorrelationId());
                user.urlIndex = (int) (sessionsStarted % urls);
                sessionsStarted++;
                activeSessions++;
            }
            user.nextSlotNs = slot.atNs + gapNs;
            issueTurn(user, slot.atNs, sink);
        }
    }

    /** Starts a new session and sends its first turn. */
    private boolean startSession(long intendedNs, long nowNs, CreditSink sink) {
        SessionPlan plan = sessions.next();
        if (plan == null) {
            sourceExhausted = true;
            return false;
        }
        Session s = new Session(plan, -1);
        s.correlationId = newCorrelationId();
        s.urlIndex = (int) (sessionsStarted % urls);
        sessionsStarted++;
        activeSessions++;
        issueTurn(s, intendedNs, sink);
        return true;
    }

    private void issueTurn(Session s, long intendedNs, CreditSink sink) {
        SessionPlan.TurnPlan turn = s.plan.turns().get(s.nextTurn);
        int worker = s.workerIndex >= 0 ? s.workerIndex : leastLoadedWorker();
        s.workerIndex = worker;
        Long cancelAfter = cancelRatePct != null && cancelRandom.nextDouble() * 100.0 < cancelRatePct
                ? cancelDelayNs : null;
        boolean prefillLimited = load.prefillConcurrency() != null;
        Credit credit = new Credit(creditsSent, phase, s.plan.conversationId(), s.correlationId, s.nextTurn,
                s.plan.turns().size(), turn.payloadJson(), s.urlIndex, turn.input(), turn.maxTokens(),
                turn.inputTokens(), intendedNs, cancelAfter, prefillLimited);
        creditsSent++;
        s.nextTurn++;
        workerInFlight[worker]++;
        if (prefillLimited) {
            prefillInFlight++;
        }
        inFlight.put(credit.creditId(), new Flight(s, worker, prefillLimited));
        sink.send(worker, credit);
    }

    // ---------------------------------------------------------------------------------------------- feedback

    /** @return false when the return does not belong to this phase (ignored) */
    public boolean onReturn(CreditReturn r, long nowNs) {
        if (r.phase() != phase) {
            return false;
        }
        Flight f = inFlight.remove(r.creditId());
        if (f == null) {
            return false;
        }
        returned++;
        if (r.failed()) {
            failed++;
        }
        if (r.recorded()) {
            recorded++;
        }
        workerInFlight[f.workerIndex]--;
        if (f.holdsPrefill) {
            prefillInFlight--;
        }
        Session s = f.session;
        // A failed or cancelled turn ends the conversation: its history on the worker is gone.
        boolean more = s.nextTurn < s.plan.turns().size() && !r.failed() && !stopped && !sendingLimitReached();
        if (!more) {
            endSession(s, nowNs);
            return true;
        }
        SessionPlan.TurnPlan next = s.plan.turns().get(s.nextTurn);
        long dueNs = next.timestampOffsetNs() >= 0 ? Math.max(nowNs, startNs + next.timestampOffsetNs())
                : nowNs + next.delayNs();
        if (users != null) {
            // A user's next turn: no earlier than its slot, never while its previous turn is in flight.
            userSlots.add(new Due(Math.max(dueNs, s.nextSlotNs), dueSeq++, s));
        } else {
            continuations.add(new Due(dueNs, dueSeq++, s));
        }
        return true;
    }

    public void onFirstToken(FirstToken t) {
        Flight f = t.phase() == phase ? inFlight.get(t.creditId()) : null;
        if (f != null && f.holdsPrefill) {
            f.holdsPrefill = false;
            prefillInFlight--;
        }
    }

    private void endSession(Session s, long nowNs) {
        activeSessions--;
        if (users != null && !stopped && !sendingLimitReached()) {
            // The user starts a new conversation at its next slot.
            s.plan = null;
            userSlots.add(new Due(Math.max(nowNs, s.nextSlotNs), dueSeq++, s));
        }
    }

    /** The user interrupted, or the controller is abandoning the phase: issue nothing more. */
    public void stop() {
        stopped = true;
        continuations.clear();
        userSlots.clear();
    }

    // ---------------------------------------------------------------------------------------------- limits

    private boolean durationOver(long nowNs) {
        return load.durationS() != null && nowNs - startNs >= (long) (load.durationS() * 1e9);
    }

    /** A credit intended at or after the end of the duration is never sent. */
    private boolean beyondDuration(long intendedNs) {
        return load.durationS() != null && intendedNs - startNs >= (long) (load.durationS() * 1e9);
    }

    private boolean sendingLimitReached() {
        return load.requestCount() != null && creditsSent >= load.requestCount();
    }

    private boolean canStartNewSession() {
        return !sourceExhausted && (load.numSessions() == null || sessionsStarted < load.numSessions());
    }

    private boolean canStartSession(long nowNs) {
        return !sendingLimitReached() && canStartNewSession() && activeSessions < concurrencyLimit(nowNs)
                && prefillAvailable(nowNs);
    }

    private boolean prefillAvailable(long nowNs) {
        Integer limit = load.prefillConcurrency();
        return limit == null || prefillInFlight < rampedLimit(limit, load.prefillRampS(), nowNs);
    }

    /** The session limit in force: ramped from 1 to the target over the ramp duration, if any. */
    int concurrencyLimit(long nowNs) {
        Integer limit = load.concurrency();
        return limit == null ? Integer.MAX_VALUE : rampedLimit(limit, load.concurrencyRampS(), nowNs);
    }

    private int rampedLimit(int target, Double rampS, long nowNs) {
        if (rampS == null || rampS <= 0) {
            return target;
        }
        double progress = (nowNs - startNs) / (rampS * 1e9);
        if (progress >= 1) {
            return target;
        }
        return Math.max(1, 1 + (int) Math.floor((target - 1) * progress));
    }

    private int leastLoadedWorker() {
        int best = 0;
        for (int i = 1; i < workers; i++) {
            if (workerInFlight[i] < workerInFlight[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String newCorrelationId() {
        return RandomUuid.next();
    }

    // ---------------------------------------------------------------------------------------------- state

    /** The next moment something may become due (an arrival, a turn delay, a ramp step, the duration's end). */
    public long nextWakeNs(long nowNs) {
        long wake = Long.MAX_VALUE;
        if (stopped) {
            return wake;
        }
        if (arrivals != null) {
            wake = Math.min(wake, nextArrivalNs - dispatchLeadNs);
        }
        Due c = continuations.peek();
        if (c != null) {
            wake = Math.min(wake, c.atNs - dispatchLeadNs);
        }
        Due u = userSlots.peek();
        if (u != null) {
            wake = Math.min(wake, u.atNs - dispatchLeadNs);
        }
        if (mode == TimingMode.FIXED_SCHEDULE && !sourceExhausted) {
            long offset = sessions.peekStartOffsetNs();
            if (offset >= 0) {
                wake = Math.min(wake, startNs + offset - dispatchLeadNs);
            }
        }
        if (load.durationS() != null) {
            wake = Math.min(wake, startNs + (long) (load.durationS() * 1e9));
        }
        if (load.concurrencyRampS() != null || load.prefillRampS() != null) {
            wake = Math.min(wake, nowNs + 100_000_000L); // ramps step; look again every 100 ms
        }
        return wake;
    }

    /** No more credits will be issued: a stop condition holds, the source is exhausted, or it was stopped. */
    public boolean sendingDone(long nowNs) {
        if (stopped || sendingLimitReached() || durationOver(nowNs)) {
            return true;
        }
        boolean noNewSessions = !canStartNewSession();
        return noNewSessions && activeSessions == 0 && continuations.isEmpty();
    }

    /** Everything issued has come back and nothing more will be issued. */
    public boolean complete(long nowNs) {
        return sendingDone(nowNs) && inFlight.isEmpty();
    }

    /** When in-flight requests are abandoned after the duration: duration + grace, or Long.MAX_VALUE. */
    public long graceDeadlineNs() {
        if (load.durationS() == null || Double.isInfinite(load.gracePeriodS())) {
            return Long.MAX_VALUE;
        }
        return startNs + (long) ((load.durationS() + load.gracePeriodS()) * 1e9);
    }

    public CreditPhase phase() {
        return phase;
    }

    public long startNs() {
        return startNs;
    }

    public long sent() {
        return creditsSent;
    }

    public long returned() {
        return returned;
    }

    public long failed() {
        return failed;
    }

    /** Returns whose record was pushed: how many records the records manager must see. */
    public long recorded() {
        return recorded;
    }

    public int inFlight() {
        return inFlight.size();
    }

    /** The planned total when the phase is bounded by a count (requests or sessions × turns unknown → -1). */
    public long plannedTotal() {
        return load.requestCount() == null ? -1 : load.requestCount();
    }

    public boolean stopped() {
        return stopped;
    }

    // ---------------------------------------------------------------------------------------------- types

    /** A conversation instance in progress. */
    private static final class Session {
        SessionPlan plan;
        String correlationId;
        int nextTurn;
        int workerIndex = -1;
        int urlIndex;
        long nextSlotNs;

        Session(SessionPlan plan, int userIndex) {
            this.plan = plan;
        }

        void begin(SessionPlan newPlan, String newCorrelationId) {
            plan = newPlan;
            correlationId = newCorrelationId;
            nextTurn = 0;
            workerIndex = -1;
        }
    }

    private static final class Flight {
        final Session session;
        final int workerIndex;
        boolean holdsPrefill;

        Flight(Session session, int workerIndex, boolean holdsPrefill) {
            this.session = session;
            this.workerIndex = workerIndex;
            this.holdsPrefill = holdsPrefill;
        }
    }

    /** Something due at a time; ties keep insertion order. */
    private record Due(long atNs, long seq, Session session) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = Long.compare(atNs, o.atNs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
