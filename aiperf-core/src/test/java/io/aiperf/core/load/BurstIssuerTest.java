package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.PhaseLoad;
import org.junit.jupiter.api.Test;

import static io.aiperf.core.load.IssuerFixture.MS;
import static io.aiperf.core.load.IssuerFixture.T0;
import static io.aiperf.core.load.IssuerFixture.conversations;
import static io.aiperf.core.load.IssuerFixture.load;
import static org.assertj.core.api.Assertions.assertThat;

class BurstIssuerTest {

    private static PhaseLoad burst(int concurrency, Long count, Double durationS) {
        return load(ArrivalPattern.CONCURRENCY_BURST, null, concurrency, count, durationS);
    }

    @Test
    void everyFreeSlotFillsAtOnceIntendedNow() {
        IssuerFixture f = new IssuerFixture(burst(3, null, null), conversations(1), 2);
        BurstIssuer issuer = new BurstIssuer(f.dispatcher, 10 * MS);
        f.start(issuer);
        issuer.issueDue(T0 + 7 * MS, f.sink);
        assertThat(f.intendedOffsets()).containsExactly(7 * MS, 7 * MS, 7 * MS);
        assertThat(f.sent).extracting(IssuerFixture.Sent::worker).containsExactly(0, 1, 0);
        assertThat(issuer.nextWakeNs()).as("nothing is scheduled").isEqualTo(Long.MAX_VALUE);

        f.giveBack(1);
        f.dispatcher.sessionEnded(1);
        issuer.issueDue(T0 + 9 * MS, f.sink);
        assertThat(f.sent).hasSize(4);
        assertThat(f.sent.get(3).worker()).as("the least loaded worker").isEqualTo(1);
    }

    @Test
    void aLaterTurnLeavesOneLeadBeforeItsDueTimeForItsOwnWorker() {
        IssuerFixture f = new IssuerFixture(burst(3, null, null), conversations(2), 2);
        BurstIssuer issuer = new BurstIssuer(f.dispatcher, 10 * MS);
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        issuer.turnDue(f.giveBack(1), T0 + 500 * MS);
        Session onWorker0 = f.giveBack(2);
        issuer.turnDue(onWorker0, T0 + 60 * MS);
        assertThat(issuer.nextWakeNs()).isEqualTo(T0 + 50 * MS);

        issuer.issueDue(T0 + 49 * MS, f.sink);
        assertThat(f.sent).hasSize(3);
        issuer.issueDue(T0 + 50 * MS, f.sink);
        assertThat(f.sent).hasSize(4);
        assertThat(f.sent.get(3).credit().turnIndex()).isEqualTo(1);
        assertThat(f.sent.get(3).credit().intendedNs()).isEqualTo(T0 + 60 * MS);
        assertThat(f.sent.get(3).worker()).as("worker 1 is idle, but the history is on worker 0").isZero();
    }

    @Test
    void aLaterTurnPastTheEndStopsThePhaseWhileSessionsThatFitStillStart() {
        IssuerFixture f = new IssuerFixture(burst(2, null, 0.1), conversations(2), 1);
        BurstIssuer issuer = new BurstIssuer(f.dispatcher, 10 * MS);
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        issuer.turnDue(f.giveBack(0), T0 + 105 * MS);
        f.giveBack(1);
        f.dispatcher.sessionEnded(0);

        assertThat(issuer.issueDue(T0 + 95 * MS, f.sink)).isTrue();
        assertThat(f.sent).hasSize(3);
        assertThat(f.sent.get(2).credit().turnIndex()).as("a new session, intended now, inside the duration").isZero();
        assertThat(f.sent.get(2).credit().intendedNs()).isEqualTo(T0 + 95 * MS);
    }

    @Test
    void theRequestCountIsExactWhenManySlotsFreeAtOnce() {
        IssuerFixture f = new IssuerFixture(burst(4, 5L, null), conversations(1), 1);
        BurstIssuer issuer = new BurstIssuer(f.dispatcher, 0);
        f.start(issuer);
        issuer.issueDue(T0, f.sink);
        for (long id = 0; id < 4; id++) {
            f.giveBack(id);
            f.dispatcher.sessionEnded(0);
        }
        issuer.issueDue(T0 + MS, f.sink);
        assertThat(f.sent).hasSize(5);
    }
}
