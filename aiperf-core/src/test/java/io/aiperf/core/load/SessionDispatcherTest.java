package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.aiperf.core.load.IssuerFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

class SessionDispatcherTest {

    private final List<IssuerFixture.Sent> sent = new ArrayList<>();
    private final CreditSink sink = (w, c) -> sent.add(new IssuerFixture.Sent(w, c));

    private static SessionDispatcher dispatcher(PhaseLoad load, SessionSource source, int urls) {
        SessionDispatcher d = new SessionDispatcher(CreditPhase.PROFILING, source, new StopConditions(load),
                new SlotLimits(load), new WorkerRouter(2), new CancellationPolicy(null, 0, 1), urls);
        d.start(T0);
        return d;
    }

    private static PhaseLoad load(Integer prefill, Long numSessions) {
        return new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, 8, prefill, null, numSessions, null, 30.0,
                null, null, null);
    }

    @Test
    void newSessionsTakeTheUrlsInTurnAndCreditsAreNumberedFromZero() {
        SessionDispatcher d = dispatcher(load(null, null), IssuerFixture.conversations(1), 3);
        for (int i = 0; i < 4; i++) {
            d.openSession(T0, sink);
        }
        assertThat(sent).extracting(s -> s.credit().urlIndex()).containsExactly(0, 1, 2, 0);
        assertThat(sent).extracting(s -> s.credit().creditId()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(d.activeSessions()).isEqualTo(4);
    }

    @Test
    void anExhaustedSourceOrTheSessionCountEndsNewSessions() {
        SessionDispatcher empty = dispatcher(load(null, null), () -> null, 1);
        assertThat(empty.openSession(T0, sink)).isFalse();
        assertThat(empty.mayOpenSession()).isFalse();

        SessionDispatcher two = dispatcher(load(null, 2L), IssuerFixture.conversations(1), 1);
        two.openSession(T0, sink);
        two.openSession(T0, sink);
        assertThat(two.mayOpenSession()).isFalse();
        assertThat(two.sessionSlotFree(T0)).isFalse();
    }

    @Test
    void thePrefillSlotIsFreedOnceByTheFirstTokenOrElseByTheReturn() {
        SessionDispatcher d = dispatcher(load(1, null), IssuerFixture.conversations(1), 1);
        d.openSession(T0, sink);
        assertThat(sent.get(0).credit().reportFirstToken()).isTrue();
        assertThat(d.prefillSlotFree(T0)).isFalse();
        d.firstToken(0);
        assertThat(d.prefillSlotFree(T0)).isTrue();
        d.openSession(T0, sink);
        d.returned(0);
        assertThat(d.prefillSlotFree(T0)).as("credit 0 gave its slot up already; credit 1 still holds one")
                .isFalse();
        d.returned(1);
        assertThat(d.prefillSlotFree(T0)).isTrue();
    }

    @Test
    void aReturnOfACreditNotInFlightIsIgnored() {
        SessionDispatcher d = dispatcher(load(null, null), IssuerFixture.conversations(1), 1);
        d.openSession(T0, sink);
        assertThat(d.returned(0)).isNotNull();
        assertThat(d.returned(0)).isNull();
        assertThat(d.returned(99)).isNull();
        assertThat(d.inFlight()).isZero();
    }
}
