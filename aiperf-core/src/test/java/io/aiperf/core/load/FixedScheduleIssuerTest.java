package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.PhaseLoad;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.aiperf.core.load.IssuerFixture.MS;
import static io.aiperf.core.load.IssuerFixture.T0;
import static io.aiperf.core.load.IssuerFixture.load;
import static org.assertj.core.api.Assertions.assertThat;

class FixedScheduleIssuerTest {

    /** A replayed trace: one conversation per start offset (ms), each of {@code turns} turns. */
    private static SessionSource trace(int turns, long... offsetsMs) {
        List<SessionPlan> plans = new ArrayList<>();
        for (int i = 0; i < offsetsMs.length; i++) {
            List<SessionPlan.TurnPlan> t = new ArrayList<>();
            for (int k = 0; k < turns; k++) {
                t.add(new SessionPlan.TurnPlan("{}", null, 1, 1L, -1, 0));
            }
            plans.add(new SessionPlan(String.valueOf((char) ('a' + i)), t, offsetsMs[i] * MS));
        }
        int[] next = {0};
        return new SessionSource() {
            @Override
            public SessionPlan next() {
                return next[0] < plans.size() ? plans.get(next[0]++) : null;
            }

            @Override
            public long peekStartOffsetNs() {
                return next[0] < plans.size() ? plans.get(next[0]).startOffsetNs() : -1;
            }
        };
    }

    private static PhaseLoad unlimited(Double durationS) {
        return load(ArrivalPattern.CONCURRENCY_BURST, null, null, null, durationS);
    }

    @Test
    void eachSessionLeavesOneLeadBeforeItsOffset() {
        IssuerFixture f = new IssuerFixture(unlimited(null), trace(1, 0, 250, 250), 1);
        FixedScheduleIssuer issuer = new FixedScheduleIssuer(f.dispatcher, SendAhead.exactly(10 * MS));
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        assertThat(issuer.nextWakeNs()).isEqualTo(T0 + 240 * MS);
        issuer.issueDue(T0 + 239 * MS, f.sink);
        assertThat(f.sent).hasSize(1);
        issuer.issueDue(T0 + 240 * MS, f.sink);
        assertThat(f.sent).extracting(s -> s.credit().conversationId()).containsExactly("a", "b", "c");
        assertThat(f.intendedOffsets()).containsExactly(0L, 250 * MS, 250 * MS);
        assertThat(f.dispatcher.sourceExhausted()).isTrue();
        assertThat(issuer.nextWakeNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aSessionWaitingForASlotKeepsItsOffsetAsItsIntendedTime() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONCURRENCY_BURST, null, 1, null, null),
                trace(1, 0, 100), 1);
        FixedScheduleIssuer issuer = new FixedScheduleIssuer(f.dispatcher, SendAhead.exactly(0));
        f.start(issuer);
        issuer.issueDue(T0 + 100 * MS, f.sink);
        assertThat(f.sent).hasSize(1);
        f.giveBack(0);
        f.dispatcher.sessionEnded(0);
        issuer.issueDue(T0 + 150 * MS, f.sink);
        assertThat(f.intendedOffsets()).as("50 ms late, and the record will say so").containsExactly(0L, 100 * MS);
    }

    @Test
    void aLaterTurnDueWithANewSessionGoesFirst() {
        IssuerFixture f = new IssuerFixture(unlimited(null), trace(2, 0, 300), 1);
        FixedScheduleIssuer issuer = new FixedScheduleIssuer(f.dispatcher, SendAhead.exactly(0));
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        issuer.turnDue(f.giveBack(0), T0 + 300 * MS);
        assertThat(issuer.hasWaitingTurns()).isTrue();
        issuer.issueDue(T0 + 300 * MS, f.sink);
        assertThat(f.sent).extracting(s -> s.credit().conversationId() + s.credit().turnIndex())
                .containsExactly("a0", "a1", "b0");
    }

    @Test
    void anOffsetAtTheEndOfTheDurationStopsThePhase() {
        IssuerFixture f = new IssuerFixture(unlimited(0.1), trace(1, 0, 100), 1);
        FixedScheduleIssuer issuer = new FixedScheduleIssuer(f.dispatcher, SendAhead.exactly(10 * MS));
        f.start(issuer);
        assertThat(issuer.issueDue(T0, f.sink)).isFalse();
        assertThat(issuer.issueDue(T0 + 90 * MS, f.sink)).isTrue();
        assertThat(f.sent).hasSize(1);
    }
}
