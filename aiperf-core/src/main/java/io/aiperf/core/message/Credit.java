package io.aiperf.core.message;

import io.aiperf.core.model.CreditPhase;

/**
 * Permission to send one request, controller → worker.
 *
 * @param creditId         sequential per phase, from 0
 * @param conversationId   the dataset conversation the turn comes from
 * @param xCorrelationId   one UUID per conversation instance (sent as {@code X-Correlation-ID}); a worker keeps a
 *                         session's history under it
 * @param payloadJson      the exact request body, already rendered by the dataset stage; null when the worker must
 *                         render it (a later turn of a conversation, whose history holds the live replies)
 * @param urlIndex         which {@code -u} base URL to use
 * @param turnInput        this turn's inputs, for a worker-rendered body; else null
 * @param maxTokens        this turn's requested output length, or null when none is sent; the worker renders it
 *                         into a body it builds and copies it onto the record either way
 * @param inputTokens      this turn's input length as counted when its prompt was made, for a body rendered ahead
 *                         of time; null for a worker-rendered body (its record carries the input text instead)
 * @param intendedNs       the {@code System.nanoTime()} at which the schedule wanted this request sent, or -1 when
 *                         unscheduled. The controller's clock: on Linux {@code System.nanoTime()} is CLOCK_MONOTONIC,
 *                         shared by every process of the host, so a worker's stamps can be compared with it.
 * @param cancelAfterNs    cancel the request this long after it was fully sent (request-cancellation-rate), or null
 * @param reportFirstToken send a {@code FirstToken} to the controller at the first content response (prefill
 *                         concurrency is on)
 * @param issuedNs         the controller's {@code System.nanoTime()} when it handed the credit to the bus (the same
 *                         host clock as {@code intendedNs}), or -1 when no controller issued it
 * @param sessionNum       AIPerf's {@code session_num}: the credit's index in its phase for a single-turn
 *                         conversation, the session's index in its phase for a multi-turn one
 * @param inputImages      how many images the request carries (AIPerf's {@code num_images}), 0 when none
 */
public record Credit(
        long creditId,
        CreditPhase phase,
        String conversationId,
        String xCorrelationId,
        int turnIndex,
        int numTurns,
        String payloadJson,
        int urlIndex,
        TurnInput turnInput,
        Integer maxTokens,
        Long inputTokens,
        long intendedNs,
        Long cancelAfterNs,
        boolean reportFirstToken,
        long issuedNs,
        long sessionNum,
        int inputImages) implements Message {

    /** Without input images. */
    public Credit(long creditId, CreditPhase phase, String conversationId, String xCorrelationId, int turnIndex,
                  int numTurns, String payloadJson, int urlIndex, TurnInput turnInput, Integer maxTokens,
                  Long inputTokens, long intendedNs, Long cancelAfterNs, boolean reportFirstToken, long issuedNs,
                  long sessionNum) {
        this(creditId, phase, conversationId, xCorrelationId, turnIndex, numTurns, payloadJson, urlIndex, turnInput,
                maxTokens, inputTokens, intendedNs, cancelAfterNs, reportFirstToken, issuedNs, sessionNum, 0);
    }

    /** Not issued yet; its {@code session_num} is its credit id. */
    public Credit(long creditId, CreditPhase phase, String conversationId, String xCorrelationId, int turnIndex,
                  int numTurns, String payloadJson, int urlIndex, TurnInput turnInput, Integer maxTokens,
                  Long inputTokens, long intendedNs, Long cancelAfterNs, boolean reportFirstToken) {
        this(creditId, phase, conversationId, xCorrelationId, turnIndex, numTurns, payloadJson, urlIndex, turnInput,
                maxTokens, inputTokens, intendedNs, cancelAfterNs, reportFirstToken, -1, creditId);
    }

    /** A single, pre-rendered, unscheduled request (the worker's loopback warm-up). */
    public static Credit unscheduled(long creditId, CreditPhase phase, String conversationId, String xCorrelationId,
                                     String payloadJson) {
        return new Credit(creditId, phase, conversationId, xCorrelationId, 0, 1, payloadJson, 0, null, null, null,
                -1, null, false);
    }

    /**
     * This credit, intended at {@code atNs}: a burst credit that waited on its worker for a slot is intended when
     * the slot was granted, as one sent by the controller is intended when it leaves.
     */
    public Credit intendedAt(long atNs) {
        return new Credit(creditId, phase, conversationId, xCorrelationId, turnIndex, numTurns, payloadJson, urlIndex,
                turnInput, maxTokens, inputTokens, atNs, cancelAfterNs, reportFirstToken, issuedNs, sessionNum,
                inputImages);
    }

    /** This credit, issued by the controller at {@code atNs} (its {@code System.nanoTime()}). */
    public Credit issuedAt(long atNs) {
        return new Credit(creditId, phase, conversationId, xCorrelationId, turnIndex, numTurns, payloadJson, urlIndex,
                turnInput, maxTokens, inputTokens, intendedNs, cancelAfterNs, reportFirstToken, atNs, sessionNum,
                inputImages);
    }

    /**
     * This credit on the clock of a host whose {@code System.nanoTime()} reads {@code offsetNs} more than the
     * controller's (a worker that joined from another host): its intended and issue times moved onto that clock.
     */
    public Credit onClockAheadBy(long offsetNs) {
        if (offsetNs == 0) {
            return this;
        }
        return new Credit(creditId, phase, conversationId, xCorrelationId, turnIndex, numTurns, payloadJson, urlIndex,
                turnInput, maxTokens, inputTokens, intendedNs >= 0 ? intendedNs + offsetNs : intendedNs,
                cancelAfterNs, reportFirstToken, issuedNs >= 0 ? issuedNs + offsetNs : issuedNs, sessionNum,
                inputImages);
    }

    /** This turn's user text for a worker-rendered body, else null. */
    public String turnText() {
        return turnInput == null ? null : turnInput.text();
    }

    public boolean finalTurn() {
        return turnIndex >= numTurns - 1;
    }
}
