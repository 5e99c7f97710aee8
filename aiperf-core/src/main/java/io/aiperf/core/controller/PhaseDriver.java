package io.aiperf.core.controller;

import io.aiperf.core.bus.Outbox;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.load.CreditSink;
import io.aiperf.core.load.LoadPhase;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.Batch;
import io.aiperf.core.message.Message.CancelCredits;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.CreditUnsent;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.message.Message.ProfileStart;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.message.Message.ServiceFailed;
import io.aiperf.core.message.Message.Shutdown;
import io.aiperf.core.message.Message.SlotShare;
import io.aiperf.core.message.Message.WorkerLost;
import io.aiperf.core.message.Message.WorkerStatus;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link LoadPhase} against the bus: waits on the control and credit sockets until the phase's next due
 * time, lets it issue what is due, feeds it returns and first tokens, publishes progress (and, once a second, the
 * workers' table built from their statuses), and applies the stop rules that need the clock of the whole run (the
 * grace period after the duration, the short drain after Ctrl-C, a dead service). A worker whose process exits is dropped from the run: the credits it held become {@code WorkerLostError}
 * records (sent to the records manager as {@link WorkerLost}), its slot share goes to the others, the console gets
 * one line, and the phase goes on with the workers left; only when none is left does the run fail. A worker joined
 * from another host is lost the same way when its connection closes or it falls silent ({@link JoinedWorkers}); what
 * it sends after that is ignored, and it is told to leave. Controller thread only.
 */
final class PhaseDriver {

    private static final Logger log = LoggerFactory.getLogger(PhaseDriver.class);

    private static final long HEARTBEAT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long PROGRESS_NS = TimeUnit.MILLISECONDS.toNanos(250);
    /** The worker table follows the workers' own status cadence (one a second): a faster one would repeat rows. */
    private static final long WORKER_TABLE_NS = TimeUnit.SECONDS.toNanos(1);
    /** After Ctrl-C, in-flight requests get this long to finish before they are abandoned. */
    private static final long CANCEL_DRAIN_NS = TimeUnit.SECONDS.toNanos(3);
    private static final long CANCELLED_RETURNS_NS = TimeUnit.SECONDS.toNanos(10);
    /** Longest blocking wait on the sockets between looks at the clock. */
    private static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ControllerSockets sockets;
    private final ControlInbox inbox;
    private final ServiceSupervisor services;
    private final Heartbeats heartbeats;
    private final RunStageAnnouncer stages;
    private final String[] workerIds;
    /** Workers whose process died, by index; they stay lost for the rest of the run (every phase). */
    private final boolean[] lost;
    private int living;
    /** The run's, from the handshake on: a worker's state outlives the phase it changed in. */
    private final WorkerTableBuilder workerTable;
    private final JoinDesk joins;
    /** Worker index by id, to drop what a lost worker still sends. */
    private final Map<String, Integer> indexOf = new HashMap<>();

    PhaseDriver(ControllerSockets sockets, ControlInbox inbox, ServiceSupervisor services, Heartbeats heartbeats,
                RunStageAnnouncer stages, WorkerTableBuilder workerTable, List<String> workerIds, JoinDesk joins) {
        this.sockets = sockets;
        this.inbox = inbox;
        this.services = services;
        this.heartbeats = heartbeats;
        this.stages = stages;
        this.workerIds = workerIds.toArray(String[]::new);
        this.lost = new boolean[this.workerIds.length];
        this.living = this.workerIds.length;
        this.workerTable = workerTable;
        this.joins = joins;
        for (int w = 0; w < this.workerIds.length; w++) {
            indexOf.put(this.workerIds[w], w);
        }
    }

    /** A worker died during the run (its lost credits were recorded as errors). */
    boolean workersLost() {
        return living < workerIds.length;
    }

    /** The load is over (every phase ran, or the run stopped): publishes the last worker table, workers stopped. */
    void runEnded() {
        workerTable.runEnded();
        sockets.publish(workerTable.table());
    }

    /** Issues and collects the phase's credits. Returns a one-line fatal problem, or null. */
    String run(LoadPhase phase) {
        sockets.publish(new ProfileStart(phase.phase(), Math.max(0, phase.plannedTotal())));
        stages.enter(phase.phase() == CreditPhase.WARMUP ? RunStage.WARMUP : RunStage.PROFILING, phase.durationNs());
        // Credits issued in one pass go to each worker as one bus message.
        Outbox[] toWorkers = new Outbox[workerIds.length];
        for (int w = 0; w < toWorkers.length; w++) {
            toWorkers[w] = new Outbox();
        }
        // The issue time is taken here, when the credit leaves the load logic for the bus (credit_issued_ns).
        CreditSink sink = (w, credit) -> toWorkers[w].add(credit.issuedAt(System.nanoTime()));
        ZMQ.Poller poller = sockets.controlAndCredits();
        long now = System.nanoTime();
        joins.joined().restartSilenceClocks(now);
        phase.start(now);
        for (int w = 0; w < lost.length; w++) {
            if (lost[w]) {
                phase.workerLost(w, now); // lost in an earlier phase: holds nothing, gets nothing
            }
        }
        String noWorkerLeft = workersExited(phase, now, false);
        if (noWorkerLeft != null) {
            return noWorkerLeft;
        }
        sendSlotShares(phase);
        workerTable.phaseStarted();
        sockets.publish(workerTable.table());
        long lastProgressNs = now;
        long lastWorkerTableNs = now;
        long cancelAtNs = Long.MAX_VALUE;
        long giveUpNs = Long.MAX_VALUE;
        boolean creditsCancelled = false;
        try {
            while (!phase.complete(now)) {
                phase.issueDue(now, sink);
                for (int w = 0; w < toWorkers.length; w++) {
                    Message out = toWorkers[w].take();
                    if (out != null && !lost[w]) {
                        // Refused only when the worker just died: its credits are lost with it, below.
                        toWorker(w, out);
                    }
                }
                now = System.nanoTime();
                long wake = Math.min(phase.nextWakeNs(now), now + MAX_WAIT_NS);
                long waitNs = wake - now;
                if (waitNs > 0) {
                    // Block on the sockets until the next dispatch time or a return. Millisecond granularity is
                    // enough here: scheduled credits leave 10 ms ahead and the worker sends them on time; spinning
                    // here only took CPU from the event loops on a 2-core machine (measured, docs/performance.md).
                    poller.poll(Math.max(1, (waitNs + 999_999) / 1_000_000));
                }
                now = System.nanoTime();
                inbox.drain();
                if (inbox.cancelled() && cancelAtNs == Long.MAX_VALUE) {
                    phase.stop();
                    cancelAtNs = now + CANCEL_DRAIN_NS;
                }
                drainCredits(phase);
                for (JoinedWorkers.Joined gone : joins.closedConnections(now, this::isLost)) {
                    services.joinedWorkerLost(gone.id(), joins.joined().closedCause(gone));
                }
                for (JoinedWorkers.Joined silent : joins.joined().newlySilent(now)) {
                    services.joinedWorkerLost(silent.id(), joins.joined().silenceCause(silent));
                }
                announceGrace(phase, now);
                if (inbox.failure() != null) {
                    return inbox.failure();
                }
                String lastWorkerLost = workersExited(phase, now, true);
                if (lastWorkerLost != null) {
                    return lastWorkerLost;
                }
                heartbeats.beatIfDue(now, HEARTBEAT_NS);
                if (now - lastProgressNs >= PROGRESS_NS) {
                    lastProgressNs = now;
                    publishProgress(phase, now);
                }
                if (now - lastWorkerTableNs >= WORKER_TABLE_NS) {
                    lastWorkerTableNs = now;
                    sockets.publish(workerTable.table());
                }
                String dead = services.deadService();
                if (dead != null) {
                    return dead;
                }
                long abandonAtNs = Math.min(cancelAtNs, phase.graceDeadlineNs());
                if (!creditsCancelled && now >= abandonAtNs && phase.inFlight() > 0) {
                    // In-flight requests outlived the grace (or the short drain after Ctrl-C): abandon them, no records.
                    phase.stop();
                    sockets.publish(new CancelCredits(phase.phase()));
                    creditsCancelled = true;
                    giveUpNs = now + CANCELLED_RETURNS_NS;
                }
                if (now >= giveUpNs) {
                    log.warn("{} credit(s) never came back after cancellation", phase.inFlight());
                    break;
                }
            }
            publishProgress(phase, System.nanoTime());
            return null;
        } finally {
            poller.close();
        }
    }

    /**
     * The profiling duration is over and requests are still in flight: they have the grace period to finish. Not
     * after Ctrl-C (the short drain is no grace period), and not for warmup, whose tail is still warmup to the user.
     */
    private void announceGrace(LoadPhase phase, long nowNs) {
        if (phase.phase() == CreditPhase.PROFILING && !inbox.cancelled() && phase.durationOver(nowNs)
                && phase.inFlight() > 0) {
            stages.enter(RunStage.GRACE, phase.gracePeriodNs());
        }
    }

    /** On the credits socket, so each living worker has its share before its first credit (and after a loss). */
    private void sendSlotShares(LoadPhase phase) {
        List<SlotShare> shares = phase.slotShares();
        for (int w = 0; w < shares.size(); w++) {
            if (!lost[w]) {
                toWorker(w, shares.get(w));
            }
        }
    }

    /**
     * Drops the workers whose process exited since the last look: their credits in flight become error records for
     * the records manager, their sessions end, the others take their slots. @return the one-line fatal problem when
     * no worker is left, else null
     */
    private String workersExited(LoadPhase phase, long nowNs, boolean started) {
        List<ServiceSupervisor.ExitedWorker> exited = services.newlyExitedWorkers();
        if (exited.isEmpty()) {
            return null;
        }
        Instant wallNow = Instant.now();
        long nowEpochNs = wallNow.getEpochSecond() * 1_000_000_000L + wallNow.getNano();
        String last = null;
        for (ServiceSupervisor.ExitedWorker worker : exited) {
            lost[worker.index()] = true;
            if (services.isJoined(worker.id())) {
                // In case it is still there (a network that came back): it must not go on sending requests.
                sockets.toWorker(worker.id(), new Shutdown("lost by the controller: " + worker.describe()));
            }
            living--;
            workerTable.lost(worker.index());
            List<Credit> credits = phase.workerLost(worker.index(), nowNs);
            List<RequestRecord> records = phase.phase() == CreditPhase.PROFILING
                    ? LostCreditRecords.of(credits, worker, nowNs, nowEpochNs) : List.of();
            // Before FinishRecords on the same socket: the records manager has these first.
            sockets.publish(new WorkerLost(worker.id(), worker.pid(), worker.exitCode(), phase.phase(),
                    credits.size(), records));
            String line = worker.describe() + " during " + phase.phase().exportName() + "; " + credits.size()
                    + " request(s) in flight lost" + (phase.phase() == CreditPhase.PROFILING
                    ? ", recorded as " + LostCreditRecords.ERROR_TYPE : " (warmup requests have no record)");
            log.warn("{}; {} worker(s) left", line, living);
            if (living == 0) {
                last = line + "; no worker left";
            } else {
                sockets.toCli(new RunNotice("WARN", line + "; going on with " + living + " worker(s)"));
            }
        }
        if (last != null) {
            return last;
        }
        if (started) {
            sendSlotShares(phase);
        }
        return null;
    }

    private boolean isLost(String workerId) {
        Integer w = indexOf.get(workerId);
        return w == null || lost[w];
    }

    /** Sends to worker {@code w}; a joined worker whose connection is gone is lost (a started one: its exit tells). */
    private void toWorker(int w, Message message) {
        if (!sockets.toWorker(workerIds[w], message) && services.isJoined(workerIds[w])) {
            services.joinedWorkerLost(workerIds[w], joins.joined().closedCause(joins.joined().get(workerIds[w])));
        }
    }

    private void drainCredits(LoadPhase phase) {
        ZmqBus.Routed r;
        while ((r = ZmqBus.pollRouted(sockets.credits())) != null) {
            // Stamped as each message is taken, not once per pass: a later turn's think time counts from its
            // previous turn's return, and a pass stamped before a descheduling sent turns early (5.5 ms seen in CI).
            long nowNs = System.nanoTime();
            if (joins.answer(r.identity(), r.message(), r.receivedNs(), true)) {
                continue;
            }
            Integer index = indexOf.get(r.identity());
            if (index == null || lost[index]) {
                continue; // a lost worker's late word: its credits were recorded as lost already
            }
            joins.joined().heard(r.identity(), nowNs);
            if (r.message() instanceof Batch batch) {
                for (Message m : batch.messages()) {
                    fromWorker(phase, m, nowNs);
                }
            } else {
                fromWorker(phase, r.message(), nowNs);
            }
        }
    }

    private void fromWorker(LoadPhase phase, Message m, long nowNs) {
        if (m instanceof CreditReturn ret) {
            phase.onReturn(ret, nowNs);
        } else if (m instanceof CreditUnsent u) {
            phase.onUnsent(u, nowNs);
        } else if (m instanceof FirstToken t) {
            phase.onFirstToken(t);
        } else if (m instanceof WorkerStatus s) {
            workerTable.onStatus(s);
            log.debug("{}: in flight {}, completed {}, failed {}", s.workerId(), s.inFlight(), s.completed(),
                    s.failed());
        } else if (m instanceof ServiceFailed f) {
            inbox.workerFailed(f);
        }
    }

    private void publishProgress(LoadPhase phase, long nowNs) {
        sockets.publish(new RunProgress(phase.phase(), phase.sent(), phase.returned(), phase.failed(),
                phase.plannedTotal(), phase.inFlight(), nowNs - phase.startNs()));
    }
}
