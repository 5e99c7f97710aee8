package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.CreditPhase;

import java.util.ArrayList;
import java.util.List;

/**
 * What an issuer test needs to drive one issuer alone: a real dispatcher with its rules, and a sink that records
 * each credit with its worker. The test owns the clock (every call takes the time) and plays the workers (it hands
 * returned sessions back to the issuer itself), so nothing sleeps and every time is exact.
 */
final class IssuerFixture {

    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    static final long T0 = 5 * S;

    record Sent(int worker, Credit credit) {
    }

    final List<Sent> sent = new ArrayList<>();
    final CreditSink sink = (w, c) -> sent.add(new Sent(w, c));
    final SessionDispatcher dispatcher;

    IssuerFixture(PhaseLoad load, SessionSource source, int workers) {
        this.dispatcher = new SessionDispatcher(CreditPhase.PROFILING, source, new StopConditions(load),
                new SlotLimits(load), new WorkerRouter(workers), new CancellationPolicy(null, 0, 1), 1);
    }

    /** Starts the phase clock for the dispatcher and the issuer, as the phase does. */
    void start(CreditIssuer issuer) {
        dispatcher.start(T0);
        issuer.start(T0);
    }

    /** A worker returns the credit; the returned session is the test's to hand back to the issuer. */
    Session giveBack(long creditId) {
        return dispatcher.returned(creditId).session();
    }

    /** The intended times of the credits sent so far, from the phase start. */
    List<Long> intendedOffsets() {
        return sent.stream().map(s -> s.credit().intendedNs() - T0).toList();
    }

    static PhaseLoad load(ArrivalPattern pattern, Double rate, Integer concurrency, Long count, Double durationS) {
        return new PhaseLoad(pattern, rate, 1.0, concurrency, null, count, null, durationS, 30.0, null, null, null);
    }

    /** An endless source of conversations of {@code turns} turns each. */
    static SessionSource conversations(int turns) {
        int[] n = {0};
        return () -> {
            List<SessionPlan.TurnPlan> t = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                t.add(new SessionPlan.TurnPlan(i == 0 ? "{}" : null, i == 0 ? null : TurnInput.text("turn " + i), 10,
                        null, -1, 0));
            }
            return new SessionPlan("conv-" + n[0]++, t, -1);
        };
    }
}
