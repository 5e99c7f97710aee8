package io.aiperf.core.message;

import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.MediaResult;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.Usage;

import java.util.List;

/**
 * The raw outcome of one request, worker → records manager. Timestamps ending in {@code Ns} are the worker's
 * {@code System.nanoTime()}; {@code startEpochNs} anchors {@code requestStartNs} to the wall clock so exports can
 * carry epoch times. A failure is data ({@link #error}), never an exception.
 *
 * @param creditReceivedNs  when the worker took the credit off the bus
 * @param requestStartNs    when the request was handed to the transport, before a connection was acquired (AIPerf's
 *                          start: a new connection's connect time is part of the latency)
 * @param requestWriteNs    just before the request bytes were written to the connection, or -1 if never written
 * @param responseHeadersNs when the response status line and headers arrived, or -1
 * @param requestEndNs      when the response ended (last byte, error or cancellation)
 * @param startEpochNs      wall-clock time of {@code requestStartNs}
 * @param httpStatus        response status, or 0 when no response arrived
 * @param responses         content responses in arrival order (see {@link ResponseChunk})
 * @param usage             the last {@code usage} object the server sent, or null
 * @param error             why it failed, or null when it did not
 * @param cancelled         true when the client cancelled it on purpose
 * @param scheduledNs       when the schedule wanted it sent (the credit's {@code intendedNs}, same host clock), or -1
 * @param inputText         the text contents of the request joined by spaces, when the dataset alone cannot tell
 *                          its input length (a later turn whose history holds live replies); else null
 * @param inputTokens       the turn's input length as counted when its prompt was made (the credit's), or null when
 *                          {@code inputText} stands instead
 * @param maxTokens         the turn's requested output length (the credit's), or null when none was sent
 * @param raw               the request and response as exchanged, only at export level raw; else null
 * @param trace             the transport phases, only with the HTTP trace options; else null
 * @param creditIssuedNs    the controller's {@code System.nanoTime()} when it issued the credit (the same host
 *                          clock as the worker's stamps), or -1 when unknown
 * @param sessionNum        AIPerf's {@code session_num} ({@link Credit#sessionNum()})
 * @param media             input images and video job facts, or null when there are none
 */
public record RequestRecord(
        String workerId,
        long creditId,
        CreditPhase phase,
        String conversationId,
        int turnIndex,
        String xRequestId,
        String xCorrelationId,
        long creditReceivedNs,
        long requestStartNs,
        long requestWriteNs,
        long responseHeadersNs,
        long requestEndNs,
        long startEpochNs,
        int httpStatus,
        List<ResponseChunk> responses,
        Usage usage,
        ErrorDetails error,
        boolean cancelled,
        long scheduledNs,
        String inputText,
        Long inputTokens,
        Integer maxTokens,
        RawExchange raw,
        HttpTrace trace,
        long creditIssuedNs,
        long sessionNum,
        MediaResult media) implements Message {

    /** Without media facts. */
    public RequestRecord(String workerId, long creditId, CreditPhase phase, String conversationId, int turnIndex,
                         String xRequestId, String xCorrelationId, long creditReceivedNs, long requestStartNs,
                         long requestWriteNs, long responseHeadersNs, long requestEndNs, long startEpochNs,
                         int httpStatus, List<ResponseChunk> responses, Usage usage, ErrorDetails error,
                         boolean cancelled, long scheduledNs, String inputText, Long inputTokens, Integer maxTokens,
                         RawExchange raw, HttpTrace trace, long creditIssuedNs, long sessionNum) {
        this(workerId, creditId, phase, conversationId, turnIndex, xRequestId, xCorrelationId, creditReceivedNs,
                requestStartNs, requestWriteNs, responseHeadersNs, requestEndNs, startEpochNs, httpStatus, responses,
                usage, error, cancelled, scheduledNs, inputText, inputTokens, maxTokens, raw, trace, creditIssuedNs,
                sessionNum, null);
    }

    /** Without the credit's issue time; {@code session_num} is the credit id. */
    public RequestRecord(String workerId, long creditId, CreditPhase phase, String conversationId, int turnIndex,
                         String xRequestId, String xCorrelationId, long creditReceivedNs, long requestStartNs,
                         long requestWriteNs, long responseHeadersNs, long requestEndNs, long startEpochNs,
                         int httpStatus, List<ResponseChunk> responses, Usage usage, ErrorDetails error,
                         boolean cancelled, long scheduledNs, String inputText, Long inputTokens, Integer maxTokens,
                         RawExchange raw, HttpTrace trace) {
        this(workerId, creditId, phase, conversationId, turnIndex, xRequestId, xCorrelationId, creditReceivedNs,
                requestStartNs, requestWriteNs, responseHeadersNs, requestEndNs, startEpochNs, httpStatus, responses,
                usage, error, cancelled, scheduledNs, inputText, inputTokens, maxTokens, raw, trace, -1, creditId);
    }

    public RequestRecord {
        responses = responses == null ? List.of() : List.copyOf(responses);
    }

    /** Images the request sent, 0 when none or unknown. */
    public int inputImages() {
        return media == null ? 0 : media.inputImages();
    }

    public boolean failed() {
        return error != null;
    }

    /** Wall-clock time of a worker {@code System.nanoTime()} stamp taken during this request. */
    public long epochNsOf(long nanoTimeNs) {
        return startEpochNs + (nanoTimeNs - requestStartNs);
    }
}
