package io.aiperf.cli.controller;

import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.time.EpochAnchor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues credits for one phase at a time under a concurrency limit (AIPerf's concurrency-burst mode) and routes each
 * to the least-loaded worker. Confined to the controller's bus thread.
 */
final class CreditIssuer {

    /** The next request to send: the conversation it comes from and its pre-rendered body. */
    record NextRequest(String conversationId, String payloadJson) {
    }

    interface RequestSource {
        NextRequest next(CreditPhase phase);
    }

    interface CreditSink {
        void send(String workerId, Credit credit);
    }

    private final int concurrency;
    private final String[] workerIds;
    private final int[] workerInFlight;
    private final Map<String, Integer> workerIndex = new HashMap<>();
    private final RequestSource source;
    private final EpochAnchor clock = EpochAnchor.process();

    private CreditPhase phase;
    private long total;
    private long sent;
    private long returned;
    private long failed;
    private long recorded;
    private boolean stopped;

    CreditIssuer(int concurrency, List<String> workerIds, RequestSource source) {
        this.concurrency = concurrency;
        this.workerIds = workerIds.toArray(String[]::new);
        this.workerInFlight = new int[this.workerIds.length];
        for (int i = 0; i < this.workerIds.length; i++) {
            workerIndex.put(this.workerIds[i], i);
        }
        this.source = source;
    }

    void startPhase(CreditPhase newPhase, long credits) {
        this.phase = newPhase;
        this.total = credits;
        this.sent = 0;
        this.returned = 0;
        this.failed = 0;
        this.recorded = 0;
        this.stopped = false;
    }

    /** Sends as many credits as the limit allows right now. */
    int issue(CreditSink sink) {
        int issued = 0;
        while (!stopped && sent < total && inFlight() < concurrency) {
            int w = leastLoadedWorker();
            NextRequest next = source.next(phase);
            Credit credit = new Credit(sent, phase, next.conversationId(), UUID.randomUUID().toString(), 0, 1,
                    next.payloadJson(), 0, clock.nowEpochNs());
            sent++;
            workerInFlight[w]++;
            sink.send(workerIds[w], credit);
            issued++;
        }
        return issued;
    }

    /** @return false when the return belongs to another phase or an unknown worker (ignored) */
    boolean onReturn(CreditReturn r) {
        Integer w = workerIndex.get(r.workerId());
        if (w == null || r.phase() != phase) {
            return false;
        }
        workerInFlight[w]--;
        returned++;
        if (r.failed()) {
            failed++;
        }
        if (r.recorded()) {
            recorded++;
        }
        return true;
    }

    void stopIssuing() {
        stopped = true;
    }

    boolean phaseComplete() {
        return (stopped || sent >= total) && inFlight() == 0;
    }

    private int leastLoadedWorker() {
        int best = 0;
        for (int i = 1; i < workerInFlight.length; i++) {
            if (workerInFlight[i] < workerInFlight[best]) {
                best = i;
            }
        }
        return best;
    }

    int inFlight() {
        return (int) (sent - returned);
    }

    CreditPhase phase() {
        return phase;
    }

    long total() {
        return total;
    }

    long sent() {
        return sent;
    }

    long returned() {
        return returned;
    }

    long failed() {
        return failed;
    }

    /** Returns whose worker pushed a record: how many records the records manager must see for this phase. */
    long recorded() {
        return recorded;
    }

    boolean stopped() {
        return stopped;
    }
}
