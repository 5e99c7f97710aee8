package io.aiperf.core.load;

/**
 * Request-rate pacing: one credit per tick of the {@link ArrivalSchedule} (constant, poisson or gamma, ramped or
 * not). A session's later turn takes the next tick before any new session does, as in AIPerf, so the rate counts
 * requests. A tick blocked on a slot waits; the credit keeps the tick's time, so its lateness shows as send lag.
 */
final class RateIssuer extends LaterTurnsIssuer {

    /** How late a tick may be before the schedule is re-anchored instead of bursting to catch up. */
    static final long CATCH_UP_WINDOW_NS = 10_000_000;

    private final SessionDispatcher dispatcher;
    private final ArrivalSchedule arrivals;
    private final long leadNs;
    private long startNs;
    private long nextArrivalNs;
    private long scheduleShiftNs;

    RateIssuer(SessionDispatcher dispatcher, ArrivalSchedule arrivals, long leadNs) {
        super(leadNs);
        this.dispatcher = dispatcher;
        this.arrivals = arrivals;
        this.leadNs = leadNs;
    }

    @Override
    public void start(long startNs) {
        this.startNs = startNs;
        nextArrivalNs = startNs + arrivals.nextOffsetNs();
    }

    @Override
    public boolean issueDue(long nowNs, CreditSink sink) {
        while (nextArrivalNs - leadNs <= nowNs && !dispatcher.requestCountReached()
                && dispatcher.prefillSlotFree(nowNs)) {
            long tickNs = nextArrivalNs;
            if (dispatcher.pastDuration(tickNs)) {
                return true;
            }
            if (continuations.releasable(nowNs)) {
                dispatcher.send(continuations.poll(), tickNs, sink);
            } else if (dispatcher.sessionSlotFree(nowNs)) {
                if (!dispatcher.openSession(tickNs, sink)) {
                    return false;
                }
            } else {
                return false;
            }
            if (nowNs - tickNs > CATCH_UP_WINDOW_NS) {
                // Far behind (a slot was blocked): move the rest of the schedule by this tick's lateness, so the next
                // arrival keeps its gap from now instead of bursting to catch up, as AIPerf does.
                scheduleShiftNs += nowNs - tickNs;
            }
            nextArrivalNs = startNs + scheduleShiftNs + arrivals.nextOffsetNs();
        }
        return false;
    }

    @Override
    public long nextWakeNs() {
        return Math.min(nextArrivalNs - leadNs, continuations.wakeNs());
    }
}
