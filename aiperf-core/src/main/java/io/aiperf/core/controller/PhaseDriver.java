package io.aiperf.core.controller;

import io.aiperf.core.bus.Outbox;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.load.CreditSink;
import io.aiperf.core.load.LoadPhase;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.Batch;
import io.aiperf.core.message.Message.CancelCredits;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.CreditUnsent;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.message.Message.ProfileStart;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.ServiceFailed;
import io.aiperf.core.message.Message.SlotShare;
import io.aiperf.core.message.Message.WorkerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link LoadPhase} against the bus: waits on the control and credit sockets until the phase's next due
 * time, lets it issue what is due, feeds it returns and first tokens, publishes progress, and applies the stop rules
 * that need the clock of the whole run (the grace period after the duration, the short drain after Ctrl-C, a dead
 * service). Controller thread only.
 */
final class PhaseDriver {

    private static final Logger log = LoggerFactory.getLogger(PhaseDriver.class);

    private static final long HEARTBEAT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long PROGRESS_NS = TimeUnit.MILLISECONDS.toNanos(250);
    /** After Ctrl-C, in-flight requests get this long to finish before they are abandoned. */
    private static final long CANCEL_DRAIN_NS = TimeUnit.SECONDS.toNanos(3);
    private static final long CANCELLED_RETURNS_NS = TimeUnit.SECONDS.toNanos(10);
    /** Longest blocking wait on the sockets between looks at the clock. */
    private static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ControllerSockets sockets;
    private final ControlInbox inbox;
    private final ServiceSupervisor services;
    private final Heartbeats heartbeats;
    private final String[] workerIds;

    PhaseDriver(ControllerSockets sockets, ControlInbox inbox, ServiceSupervisor services, Heartbeats heartbeats,
                List<String> workerIds) {
        this.sockets = sockets;
        this.inbox = inbox;
        this.services = services;
        this.heartbeats = heartbeats;
        this.workerIds = workerIds.toArray(String[]::new);
    }

    /** Issues and collects the phase's credits. Returns a one-line fatal problem, or null. */
    String run(LoadPhase phase) {
        sockets.publish(new ProfileStart(phase.phase(), Math.max(0, phase.plannedTotal())));
        // Credits issued in one pass go to each worker as one bus message.
        Outbox[] toWorkers = new Outbox[workerIds.length];
        for (int w = 0; w < toWorkers.length; w++) {
            toWorkers[w] = new Outbox();
        }
        CreditSink sink = (w, credit) -> toWorkers[w].add(credit);
        ZMQ.Poller poller = sockets.controlAndCredits();
        long now = System.nanoTime();
        phase.start(now);
        List<SlotShare> shares = phase.slotShares();
        for (int w = 0; w < shares.size(); w++) {
            // On the credits socket, so each worker has its share before its first credit.
            sockets.toWorker(workerIds[w], shares.get(w));
        }
        long lastProgressNs = now;
        long cancelAtNs = Long.MAX_VALUE;
        long giveUpNs = Long.MAX_VALUE;
        boolean creditsCancelled = false;
        try {
            while (!phase.complete(now)) {
                phase.issueDue(now, sink);
                for (int w = 0; w < toWorkers.length; w++) {
                    Message out = toWorkers[w].take();
                    if (out != null) {
                        sockets.toWorker(workerIds[w], out);
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
                drainCredits(phase, now);
                if (inbox.failure() != null) {
                    return inbox.failure();
                }
                heartbeats.beatIfDue(now, HEARTBEAT_NS);
                if (now - lastProgressNs >= PROGRESS_NS) {
                    lastProgressNs = now;
                    publishProgress(phase, now);
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

    private void drainCredits(LoadPhase phase, long nowNs) {
        ZmqBus.Routed r;
        while ((r = ZmqBus.pollRouted(sockets.credits())) != null) {
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
