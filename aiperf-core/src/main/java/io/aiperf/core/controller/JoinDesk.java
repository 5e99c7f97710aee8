package io.aiperf.core.controller;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.ClockProbe;
import io.aiperf.core.message.Message.ClockReading;
import io.aiperf.core.message.Message.Heartbeat;
import io.aiperf.core.message.Message.JoinAccepted;
import io.aiperf.core.message.Message.JoinRefused;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.WorkerJoin;
import io.aiperf.core.time.EpochAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Where the controller answers what only workers from other hosts send on the credits channel: a
 * {@link WorkerJoin} is let in or refused ({@link JoinedWorkers} decides; both sides get one line), and a
 * {@link ClockProbe} is answered at once with the controller's clock. Used by the handshake and by every load
 * phase, so a late join is refused and the workers' periodic clock probes are answered while the load runs.
 * Controller thread only.
 */
final class JoinDesk {

    private static final Logger log = LoggerFactory.getLogger(JoinDesk.class);

    /** How often each joined worker is sent a heartbeat on its own connection (see {@link #closedConnections}). */
    private static final long CONNECTION_CHECK_NS = TimeUnit.SECONDS.toNanos(1);

    private final ControllerSockets sockets;
    private final JoinedWorkers joined;
    private long nextConnectionCheckNs = Long.MIN_VALUE;
    private final ServiceSupervisor services;
    private final WorkerTableBuilder workerTable;

    JoinDesk(ControllerSockets sockets, JoinedWorkers joined, ServiceSupervisor services,
             WorkerTableBuilder workerTable) {
        this.sockets = sockets;
        this.joined = joined;
        this.services = services;
        this.workerTable = workerTable;
    }

    JoinedWorkers joined() {
        return joined;
    }

    /**
     * Answers {@code m} if it is a join or a clock probe.
     *
     * @param identity    the sender's identity on the credits channel
     * @param receivedNs  when the controller took it off the bus (a probe's second stamp)
     * @param loadStarted joins are refused from the first phase on
     * @return true when {@code m} was one of them (nothing else is to be done with it)
     */
    boolean answer(String identity, Message m, long receivedNs, boolean loadStarted) {
        if (m instanceof ClockProbe p) {
            sockets.toWorker(identity, new ClockReading(p.probeId(), receivedNs, System.nanoTime()));
            joined.heard(identity, receivedNs);
            return true;
        }
        if (!(m instanceof WorkerJoin join)) {
            return false;
        }
        String refusal = joined.expected() == 0 ? "this run takes no workers from other hosts (it was started "
                + "without --remote-workers)" : joined.refusal(join, takenIds(), loadStarted);
        if (refusal != null || !join.workerId().equals(identity)) {
            String reason = refusal != null ? refusal : "its bus identity differs from its id " + join.workerId();
            sockets.toWorker(identity, new JoinRefused(join.workerId(), reason));
            String line = "refused worker " + join.workerId() + " from " + join.host() + ": " + reason;
            log.warn(line);
            sockets.toCli(new RunNotice("WARN", line));
            return true;
        }
        joined.accept(join, receivedNs);
        services.joined(join.workerId(), join.pid());
        workerTable.add(join.workerId());
        EpochAnchor anchor = EpochAnchor.process();
        sockets.toWorker(identity, new JoinAccepted(join.workerId(), anchor.anchorEpochNs(), anchor.anchorNanoNs()));
        String line = "worker " + join.workerId() + " joined from " + join.host() + " (pid " + join.pid() + "): "
                + joined.joined().size() + " of " + joined.expected();
        log.info(line);
        sockets.toCli(new RunNotice("INFO", line));
        return true;
    }

    /**
     * Sends each joined worker a heartbeat on its credits connection, once a second (nothing in between; the worker
     * ignores it), and returns those whose connection is gone. The ROUTER forgets a peer whose connection closed and
     * refuses to send to it; nothing else would tell, since the controller sends a worker nothing while all its
     * slots are busy. So a worker whose process died (its kernel closes the connection) is lost within a second, not
     * after the silence timeout, which is left for a frozen host or a cut network (the connection stays open).
     *
     * @param skip the workers not to check (already lost)
     */
    List<JoinedWorkers.Joined> closedConnections(long nowNs, Predicate<String> skip) {
        if (joined.joined().isEmpty() || nowNs < nextConnectionCheckNs) {
            return List.of();
        }
        nextConnectionCheckNs = nowNs + CONNECTION_CHECK_NS;
        List<JoinedWorkers.Joined> gone = new ArrayList<>();
        Heartbeat beat = new Heartbeat(System.currentTimeMillis());
        for (JoinedWorkers.Joined worker : joined.joined()) {
            if (!skip.test(worker.id()) && !sockets.toWorker(worker.id(), beat)) {
                gone.add(worker);
            }
        }
        return gone;
    }

    private Set<String> takenIds() {
        return new HashSet<>(services.workerIds());
    }
}
