package io.aiperf.core.controller;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.ClockProbe;
import io.aiperf.core.message.Message.ClockReading;
import io.aiperf.core.message.Message.JoinAccepted;
import io.aiperf.core.message.Message.JoinRefused;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.WorkerJoin;
import io.aiperf.core.time.EpochAnchor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * Where the controller answers what only workers from other hosts send on the credits channel: a
 * {@link WorkerJoin} is let in or refused ({@link JoinedWorkers} decides; both sides get one line), and a
 * {@link ClockProbe} is answered at once with the controller's clock. Used by the handshake and by every load
 * phase, so a late join is refused and the workers' periodic clock probes are answered while the load runs.
 * Controller thread only.
 */
final class JoinDesk {

    private static final Logger log = LoggerFactory.getLogger(JoinDesk.class);

    private final ControllerSockets sockets;
    private final JoinedWorkers joined;
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

    private Set<String> takenIds() {
        return new HashSet<>(services.workerIds());
    }
}
