package io.aiperf.core.load;

import io.aiperf.core.message.Credit;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTest {

    private static final long MS = 1_000_000L;
    private static final long T0 = 1_000 * MS;

    private static Session twoTurns(long secondTimestampNs, long secondDelayNs) {
        Session s = new Session();
        s.begin(new SessionPlan("conv", List.of(new SessionPlan.TurnPlan("{}", null, 5, 3L, -1, 0),
                new SessionPlan.TurnPlan(null, TurnInput.text("again"), null, null, secondTimestampNs, secondDelayNs)),
                -1), "corr", 1, 4);
        return s;
    }

    @Test
    void sessionNumIsTheSessionsIndexForAConversationAndTheCreditsForASingleTurn() {
        Session conversation = twoTurns(-1, 0);
        assertThat(conversation.takeTurn(7, CreditPhase.PROFILING, 0, T0, null, false).sessionNum()).isEqualTo(4);
        assertThat(conversation.takeTurn(9, CreditPhase.PROFILING, 0, T0, null, false).sessionNum()).isEqualTo(4);

        Session single = new Session();
        single.begin(new SessionPlan("one", List.of(new SessionPlan.TurnPlan("{}", null, 5, 3L, -1, 0)), -1), "c1",
                0, 4);
        assertThat(single.takeTurn(12, CreditPhase.PROFILING, 0, T0, null, false).sessionNum()).isEqualTo(12);
    }

    @Test
    void aTurnsCreditCarriesTheSessionAndTheTurn() {
        Session s = twoTurns(-1, 0);
        Credit c = s.takeTurn(7, CreditPhase.PROFILING, 2, T0, null, true);
        assertThat(c).isEqualTo(new Credit(7, CreditPhase.PROFILING, "conv", "corr", 0, 2, "{}", 1, null, 5, 3L, T0,
                null, true, -1, 4));
        assertThat(s.workerIndex()).isEqualTo(2);
        assertThat(s.hasMoreTurns()).isTrue();
        assertThat(s.takeTurn(8, CreditPhase.PROFILING, 2, T0, 9L, false).turnText()).isEqualTo("again");
        assertThat(s.inConversation()).isFalse();
    }

    @Test
    void aLaterTurnIsDueItsDelayAfterTheReturn() {
        Session s = twoTurns(-1, 50 * MS);
        s.takeTurn(0, CreditPhase.PROFILING, 0, T0, null, false);
        assertThat(s.nextTurnDueNs(T0, T0 + 10 * MS)).isEqualTo(T0 + 60 * MS);
    }

    @Test
    void aLaterTurnWithATimestampIsDueThenButNeverBeforeTheReturn() {
        Session s = twoTurns(400 * MS, 50 * MS);
        s.takeTurn(0, CreditPhase.PROFILING, 0, T0, null, false);
        assertThat(s.nextTurnDueNs(T0, T0 + 10 * MS)).isEqualTo(T0 + 400 * MS);
        assertThat(s.nextTurnDueNs(T0, T0 + 450 * MS)).isEqualTo(T0 + 450 * MS);
    }

    @Test
    void aNewConversationStartsAtTurnZeroWithoutAWorker() {
        Session s = twoTurns(-1, 0);
        s.takeTurn(0, CreditPhase.PROFILING, 3, T0, null, false);
        s.endConversation();
        assertThat(s.inConversation()).isFalse();
        s.begin(new SessionPlan("next", List.of(new SessionPlan.TurnPlan("{}", null, 1, 1L, -1, 0)), -1), "c2", 0, 1);
        assertThat(s.inConversation()).isTrue();
        assertThat(s.workerIndex()).isEqualTo(-1);
    }
}
