package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.PhaseLoad;
import org.junit.jupiter.api.Test;

import static io.aiperf.core.load.IssuerFixture.MS;
import static io.aiperf.core.load.IssuerFixture.T0;
import static io.aiperf.core.load.IssuerFixture.conversations;
import static io.aiperf.core.load.IssuerFixture.load;
import static org.assertj.core.api.Assertions.assertThat;

class RateIssuerTest {

    private static RateIssuer constant(IssuerFixture f, double rate, long leadNs) {
        return new RateIssuer(f.dispatcher, ArrivalSchedule.of(ArrivalPattern.CONSTANT, rate, 1.0, 1, null),
                SendAhead.exactly(leadNs));
    }

    @Test
    void aTickLeavesOneLeadEarlyAndKeepsItsOwnTime() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 10.0, null, null, null), conversations(1), 1);
        RateIssuer issuer = constant(f, 10, 10 * MS);
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        assertThat(issuer.nextWakeNs()).isEqualTo(T0 + 90 * MS);
        issuer.issueDue(T0 + 89 * MS, f.sink);
        assertThat(f.sent).hasSize(1);
        issuer.issueDue(T0 + 90 * MS, f.sink);
        assertThat(f.intendedOffsets()).containsExactly(0L, 100 * MS);
    }

    @Test
    void aPassStartsWhenTheEarliestTickIsUrgentAndTakesEveryTickWithinTheLead() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 1000.0, null, null, null), conversations(1),
                1);
        RateIssuer issuer = new RateIssuer(f.dispatcher, ArrivalSchedule.of(ArrivalPattern.CONSTANT, 1000, 1.0, 1,
                null), new SendAhead(20 * MS, 10 * MS));
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        assertThat(f.intendedOffsets()).as("the ticks of the next 20 ms, in one pass").hasSize(21);
        assertThat(issuer.nextWakeNs()).as("the 21 ms tick is urgent at 11 ms").isEqualTo(T0 + 11 * MS);
        issuer.issueDue(T0 + 5 * MS, f.sink);
        assertThat(f.sent).as("a wake-up for a return sends nothing before the pass is due").hasSize(21);
        issuer.issueDue(T0 + 11 * MS, f.sink);
        assertThat(f.sent).as("ticks 21 to 31 ms").hasSize(32);
        assertThat(f.sent.get(31).credit().intendedNs()).isEqualTo(T0 + 31 * MS);
    }

    @Test
    void aLaterTurnNeverTakesATickBeforeItsOwnDueTime() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 10.0, 2, null, null), conversations(2), 1);
        RateIssuer issuer = constant(f, 10, 50 * MS);
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        issuer.turnDue(f.giveBack(0), T0 + 120 * MS);
        issuer.issueDue(T0 + 50 * MS, f.sink);
        assertThat(f.sent.get(1).credit().conversationId()).as("the 100 ms tick is before the turn's 120 ms")
                .isEqualTo("conv-1");
        issuer.issueDue(T0 + 150 * MS, f.sink);
        assertThat(f.sent.get(2).credit().turnIndex()).isEqualTo(1);
        assertThat(f.sent.get(2).credit().intendedNs()).isEqualTo(T0 + 200 * MS);
    }

    @Test
    void aLaterTurnTakesTheNextTickBeforeANewSession() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 10.0, 2, null, null), conversations(2), 1);
        RateIssuer issuer = constant(f, 10, 0);
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        issuer.turnDue(f.giveBack(0), T0 + 10 * MS);
        assertThat(issuer.hasWaitingTurns()).isTrue();
        issuer.issueDue(T0 + 100 * MS, f.sink);
        assertThat(f.sent.get(1).credit().turnIndex()).isEqualTo(1);
        assertThat(f.sent.get(1).credit().intendedNs()).as("paced by the tick, not by the turn's due time")
                .isEqualTo(T0 + 100 * MS);
        issuer.issueDue(T0 + 200 * MS, f.sink);
        assertThat(f.sent.get(2).credit().conversationId()).isEqualTo("conv-1");
    }

    @Test
    void slightlyLateTicksCatchUpAtTheirOwnTimes() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 1000.0, null, null, null), conversations(1),
                1);
        RateIssuer issuer = constant(f, 1000, 0);
        f.start(issuer);
        issuer.issueDue(T0 + 5 * MS, f.sink);
        assertThat(f.intendedOffsets()).containsExactly(0L, MS, 2 * MS, 3 * MS, 4 * MS, 5 * MS);
        assertThat(issuer.nextWakeNs()).isEqualTo(T0 + 6 * MS);
    }

    @Test
    void aTickBlockedPastTheCatchUpWindowMovesTheRestOfTheSchedule() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 1000.0, 1, null, null), conversations(1), 1);
        RateIssuer issuer = constant(f, 1000, 0);
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        issuer.issueDue(T0 + 30 * MS, f.sink);
        assertThat(f.sent).as("the only slot is taken").hasSize(1);
        f.giveBack(0);
        f.dispatcher.sessionEnded(0);
        issuer.issueDue(T0 + 30 * MS, f.sink);
        assertThat(f.sent.get(1).credit().intendedNs()).isEqualTo(T0 + MS);
        // 29 ms late: the next tick keeps its 1 ms gap from now instead of 29 credits in a burst.
        assertThat(issuer.nextWakeNs()).isEqualTo(T0 + 31 * MS);
    }

    @Test
    void aRampStartsSlowAndReachesTheTargetRate() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 10.0, null, null, null), conversations(1), 1);
        RateIssuer issuer = new RateIssuer(f.dispatcher, ArrivalSchedule.of(ArrivalPattern.CONSTANT, 10, 1.0, 1,
                RateRamp.linear(10, 1.0)), SendAhead.exactly(0));
        f.start(issuer);
        for (int i = 0; i < 3; i++) {
            issuer.issueDue(issuer.nextWakeNs(), f.sink);
        }
        // 1/s during the first 0.1 s step, so the second arrival is a second later; then the full 10/s.
        assertThat(f.intendedOffsets()).containsExactly(0L, 1000 * MS, 1100 * MS);
    }

    @Test
    void aTickAtTheEndOfTheDurationStopsThePhase() {
        PhaseLoad l = load(ArrivalPattern.CONSTANT, 10.0, null, null, 0.2);
        IssuerFixture f = new IssuerFixture(l, conversations(1), 1);
        RateIssuer issuer = constant(f, 10, 10 * MS);
        f.start(issuer);
        assertThat(issuer.issueDue(T0, f.sink)).isFalse();
        assertThat(issuer.issueDue(T0 + 90 * MS, f.sink)).isFalse();
        assertThat(issuer.issueDue(T0 + 190 * MS, f.sink)).as("the 200 ms tick is at the end").isTrue();
        assertThat(f.sent).hasSize(2);
    }

    @Test
    void theRequestCountHoldsTicksBack() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 1000.0, null, 3L, null), conversations(1), 1);
        RateIssuer issuer = constant(f, 1000, 0);
        f.start(issuer);
        issuer.issueDue(T0 + 10 * MS, f.sink);
        assertThat(f.sent).hasSize(3);
    }

    @Test
    void stopDropsWaitingTurns() {
        IssuerFixture f = new IssuerFixture(load(ArrivalPattern.CONSTANT, 10.0, null, null, null), conversations(2), 1);
        RateIssuer issuer = constant(f, 10, 0);
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        issuer.turnDue(f.giveBack(0), T0 + MS);
        issuer.stop();
        assertThat(issuer.hasWaitingTurns()).isFalse();
    }
}
