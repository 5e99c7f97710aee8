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
    private final SendAhead ahead;
    private long startNs;
    private long nextArrivalNs;
    private long scheduleShiftNs;

    RateIssuer(SessionDispatcher dispatcher, ArrivalSchedule arrivals, SendAhead ahead) {
        super(ahead);
        this.dispatcher = dispatcher;
        this.arrivals = arrivals;
        this.ahead = ahead;
    }

    @Override
    public void start(long startNs) {
        this.startNs = startNs;
        nextArrivalNs = startNs + arrivals.nextOffsetNs();
    }

    @Override
    public boolean issueDue(long nowNs, CreditSink sink) {
        if (nextWakeNs() > nowNs) {
            return false; // a wake-up for a return: the next pass gathers these ticks with the ones after them
        }
        while (ahead.takes(nextArrivalNs, nowNs) && !dispatcher.requestCountReached()
                && dispatcher.prefillSlotFree(nowNs)) {
            long tickNs = nextArrivalNs;
            if (dispatcher.pastDuration(tickNs)) {
                return true;
            }
            if (continuations.releasable(nowNs) && continuations.headAtNs() <= tickNs) {
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
        return Math.min(ahead.wakeNs(nextArrivalNs), continuations.wakeNs());
    }
}
