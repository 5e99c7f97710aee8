package io.aiperf.core.load;

import io.aiperf.core.message.Credit;
import io.aiperf.core.model.CreditPhase;

/**
 * One conversation instance in progress; in user-centric mode also a simulated user between two conversations.
 * Mutable, controller thread only.
 */
final class Session {

    private SessionPlan plan;
    private String correlationId;
    private int nextTurn;
    /** The worker of the first turn, -1 before it: later turns need the history that worker keeps. */
    private int workerIndex = -1;
    private int urlIndex;
    /** The conversation's index among the phase's sessions (a multi-turn conversation's {@code session_num}). */
    private long sessionIndex;
    /** User-centric: the earliest time this user's next turn may go out (one gap after its previous turn). */
    private long nextSlotNs;

    /**
     * Starts a conversation in this session (a new one, or the user's next one): turn 0, no worker yet.
     *
     * @param index the conversation's index among the phase's sessions, from 0
     */
    void begin(SessionPlan newPlan, String newCorrelationId, int newUrlIndex, long index) {
        plan = newPlan;
        sessionIndex = index;
        correlationId = newCorrelationId;
        urlIndex = newUrlIndex;
        nextTurn = 0;
        workerIndex = -1;
    }

    /** User-centric: the conversation is over and the user waits for a new one. */
    void endConversation() {
        plan = null;
    }

    /** A conversation is running and has a turn left to send. */
    boolean inConversation() {
        return plan != null && hasMoreTurns();
    }

    boolean hasMoreTurns() {
        return nextTurn < plan.turns().size();
    }

    int workerIndex() {
        return workerIndex;
    }

    long nextSlotNs() {
        return nextSlotNs;
    }

    void nextSlotNs(long atNs) {
        nextSlotNs = atNs;
    }

    /**
     * When the next turn is due once the previous one returned at {@code returnedAtNs}: at its trace timestamp (never
     * before the return), else after its think-time delay.
     */
    long nextTurnDueNs(long startNs, long returnedAtNs) {
        SessionPlan.TurnPlan next = plan.turns().get(nextTurn);
        return next.timestampOffsetNs() >= 0 ? Math.max(returnedAtNs, startNs + next.timestampOffsetNs())
                : returnedAtNs + next.delayNs();
    }

    /** Builds the credit of the next turn for {@code worker}, which this session keeps, and moves past the turn. */
    Credit takeTurn(long creditId, CreditPhase phase, int worker, long intendedNs, Long cancelAfterNs,
                    boolean reportFirstToken) {
        SessionPlan.TurnPlan turn = plan.turns().get(nextTurn);
        workerIndex = worker;
        // AIPerf's session_num: the request's index for a single turn, the session's for a conversation. Not issued
        // yet (-1): the controller stamps the issue time as the credit leaves for the bus.
        long sessionNum = plan.turns().size() > 1 ? sessionIndex : creditId;
        Credit credit = new Credit(creditId, phase, plan.conversationId(), correlationId, nextTurn,
                plan.turns().size(), turn.payloadJson(), urlIndex, turn.input(), turn.maxTokens(), turn.inputTokens(),
                intendedNs, cancelAfterNs, reportFirstToken, -1, sessionNum, turn.inputImages());
        nextTurn++;
        return credit;
    }
}
