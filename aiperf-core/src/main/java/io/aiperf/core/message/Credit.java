package io.aiperf.core.message;

import io.aiperf.core.model.CreditPhase;

/**
 * Permission to send one request, controller → worker.
 *
 * @param creditId       sequential per phase, from 0
 * @param conversationId the dataset conversation the turn comes from
 * @param xCorrelationId one UUID per conversation instance (sent as {@code X-Correlation-ID})
 * @param payloadJson    the exact request body, already rendered by the dataset stage
 * @param urlIndex       which {@code -u} base URL to use
 * @param issuedEpochNs  wall clock when the controller issued the credit
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
        long issuedEpochNs) implements Message {
}
