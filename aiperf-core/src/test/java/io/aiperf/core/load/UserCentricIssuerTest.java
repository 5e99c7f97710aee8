package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import org.junit.jupiter.api.Test;

import static io.aiperf.core.load.IssuerFixture.MS;
import static io.aiperf.core.load.IssuerFixture.T0;
import static io.aiperf.core.load.IssuerFixture.conversations;
import static org.assertj.core.api.Assertions.assertThat;

/** Four users sharing 2 requests/s: they start 500 ms apart, and each keeps a 2 s gap between its turns. */
class UserCentricIssuerTest {

    private static final LoadConfig.UserCentric FOUR_USERS_AT_2_QPS = new LoadConfig.UserCentric(2.0, 4);

    private static PhaseLoad load(Long numSessions, Double durationS) {
        return new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, null, null, null, numSessions, durationS,
                30.0, null, null, null);
    }

    private static UserCentricIssuer started(IssuerFixture f, long leadNs) {
        UserCentricIssuer issuer = new UserCentricIssuer(f.dispatcher, FOUR_USERS_AT_2_QPS, SendAhead.exactly(leadNs));
        f.start(issuer);
        return issuer;
    }

    @Test
    void usersStartStaggeredEachOneLeadEarly() {
        IssuerFixture f = new IssuerFixture(load(null, null), conversations(3), 2);
        UserCentricIssuer issuer = started(f, 10 * MS);
        for (long t = 0; t < 2000; t += 500) {
            assertThat(issuer.nextWakeNs()).isEqualTo(T0 + t * MS - 10 * MS);
            issuer.issueDue(issuer.nextWakeNs(), f.sink);
        }
        assertThat(f.intendedOffsets()).containsExactly(0L, 500 * MS, 1000 * MS, 1500 * MS);
        assertThat(f.sent).extracting(s -> s.credit().conversationId()).doesNotHaveDuplicates();
        assertThat(issuer.nextWakeNs()).as("every user has a turn in flight").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aReturnedTurnWaitsForTheUsersNextSlot() {
        IssuerFixture f = new IssuerFixture(load(null, null), conversations(3), 1);
        UserCentricIssuer issuer = started(f, 0);
        issuer.issueDue(T0, f.sink);
        issuer.turnDue(f.giveBack(0), T0 + 100 * MS);
        assertThat(issuer.nextWakeNs()).isEqualTo(T0 + 500 * MS);
        issuer.issueDue(T0 + 1900 * MS, f.sink);
        assertThat(f.sent).as("users 1 to 3 only; user 0 waits for its slot").hasSize(4);
        issuer.issueDue(T0 + 2000 * MS, f.sink);
        assertThat(f.sent.get(4).credit().turnIndex()).isEqualTo(1);
        assertThat(f.sent.get(4).credit().intendedNs()).isEqualTo(T0 + 2000 * MS);
    }

    @Test
    void aUserWhoseConversationEndedStartsANewOneInItsNextSlot() {
        IssuerFixture f = new IssuerFixture(load(null, null), conversations(1), 1);
        UserCentricIssuer issuer = started(f, 0);
        issuer.issueDue(T0, f.sink);
        issuer.sessionEnded(f.giveBack(0), T0 + 100 * MS, true);
        issuer.issueDue(T0 + 2000 * MS, f.sink);
        assertThat(f.sent.get(4).credit().turnIndex()).isZero();
        assertThat(f.sent.get(4).credit().xCorrelationId()).isNotEqualTo(f.sent.get(0).credit().xCorrelationId());
        assertThat(f.sent.get(4).credit().intendedNs()).isEqualTo(T0 + 2000 * MS);
    }

    @Test
    void aUserIsDroppedOnceThePhaseStopsIssuing() {
        IssuerFixture f = new IssuerFixture(load(null, null), conversations(1), 1);
        UserCentricIssuer issuer = started(f, 0);
        issuer.issueDue(T0 + 1500 * MS, f.sink);
        issuer.sessionEnded(f.giveBack(0), T0 + 1600 * MS, false);
        assertThat(issuer.nextWakeNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theSessionCountLeavesTheOtherUsersIdle() {
        IssuerFixture f = new IssuerFixture(load(2L, null), conversations(3), 1);
        UserCentricIssuer issuer = started(f, 0);
        issuer.issueDue(T0 + 1500 * MS, f.sink);
        assertThat(f.sent).hasSize(2);
        assertThat(issuer.nextWakeNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aSlotAtTheEndOfTheDurationStopsThePhase() {
        IssuerFixture f = new IssuerFixture(load(null, 1.0), conversations(3), 1);
        UserCentricIssuer issuer = started(f, 0);
        assertThat(issuer.issueDue(T0 + 999 * MS, f.sink)).isFalse();
        assertThat(issuer.issueDue(T0 + 1000 * MS, f.sink)).isTrue();
        assertThat(f.intendedOffsets()).containsExactly(0L, 500 * MS);
    }
}
