package io.aiperf.core.controller;

import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message.WorkerLost;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ErrorDetails;

import java.util.ArrayList;
import java.util.List;

/**
 * The error records of credits a dead worker held: what the controller knows of each request (its credit, when it
 * was meant to go out, when the worker was found dead), with the error type {@code WorkerLostError}. Whether the
 * server got the request is unknown; its outcome never reached aiperf.
 */
final class LostCreditRecords {

    /** The error type of a request whose worker died before it returned (docs/errors.md). */
    static final String ERROR_TYPE = WorkerLost.ERROR_TYPE;

    private LostCreditRecords() {
    }

    /**
     * @param detectedNs      {@code System.nanoTime()} when the worker was found dead: each record's end
     * @param detectedEpochNs the wall-clock time of {@code detectedNs}
     */
    static List<RequestRecord> of(List<Credit> credits, ServiceSupervisor.ExitedWorker worker, long detectedNs,
                                  long detectedEpochNs) {
        ErrorDetails error = new ErrorDetails(null, ERROR_TYPE, worker.describe()
                + " before the request's outcome reached aiperf");
        List<RequestRecord> out = new ArrayList<>(credits.size());
        for (Credit c : credits) {
            // It went out no earlier than intended; an unscheduled credit's start is unknown: the detection time.
            long startNs = c.intendedNs() >= 0 && c.intendedNs() - detectedNs <= 0 ? c.intendedNs() : detectedNs;
            long startEpochNs = detectedEpochNs - (detectedNs - startNs);
            // A worker-rendered turn's input length is counted from its text, as the worker's record would carry.
            String inputText = c.payloadJson() == null ? c.turnText() : null;
            out.add(new RequestRecord(worker.id(), c.creditId(), c.phase(), c.conversationId(), c.turnIndex(), null,
                    c.xCorrelationId(), startNs, startNs, -1, -1, detectedNs, startEpochNs, 0, List.of(), null,
                    error, false, c.intendedNs(), inputText, c.inputTokens(), c.maxTokens(), null, null,
                    c.issuedNs(), c.sessionNum()));
        }
        return out;
    }
}
