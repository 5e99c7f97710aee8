package io.aiperf.core.controller;

import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.CancelRun;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RecordsManagerRegistered;
import io.aiperf.core.message.Message.RecordsProgress;
import io.aiperf.core.message.Message.RecordsReady;
import io.aiperf.core.message.Message.RecordsResult;
import io.aiperf.core.message.Message.ServiceFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What arrives on the controller's control socket during a run, and what it has told the controller so far: the
 * user's cancel, and the records manager's registration, readiness, progress and live statistics (both published on at once for the CLI) and
 * final result. Controller thread only.
 */
final class ControlInbox {

    private static final Logger log = LoggerFactory.getLogger(ControlInbox.class);

    private final ControllerSockets sockets;

    private boolean cancelled;
    private String recordsEndpoint;
    private boolean recordsReady;
    private RecordsResult recordsResult;
    private String failure;

    ControlInbox(ControllerSockets sockets) {
        this.sockets = sockets;
    }

    /** Reads everything waiting, without blocking. */
    void drain() {
        Message m;
        while ((m = ZmqBus.poll(sockets.control())) != null) {
            if (m instanceof CancelRun c) {
                if (!cancelled) {
                    log.info("cancel requested: {}", c.reason());
                }
                cancelled = true;
            } else if (m instanceof RecordsManagerRegistered r) {
                log.info("{} (pid {}) registered; records go to {}", r.serviceId(), r.pid(), r.recordsEndpoint());
                recordsEndpoint = r.recordsEndpoint();
            } else if (m instanceof RecordsReady) {
                recordsReady = true;
            } else if (m instanceof RecordsProgress p) {
                sockets.publish(p);
            } else if (m instanceof LiveMetrics l) {
                sockets.publish(l);
            } else if (m instanceof RecordsResult r) {
                recordsResult = r;
            } else if (m instanceof ServiceFailed f) {
                failure = f.serviceId() + " failed: " + f.message();
            }
        }
    }

    /** The user asked to stop. */
    boolean cancelled() {
        return cancelled;
    }

    /** Where workers push records, once the records manager has registered; else null. */
    String recordsEndpoint() {
        return recordsEndpoint;
    }

    boolean recordsReady() {
        return recordsReady;
    }

    /** The records manager's answer to {@code FinishRecords}, or null while it is still working. */
    RecordsResult recordsResult() {
        return recordsResult;
    }

    /** A service's one-line report that it cannot go on, or null. */
    String failure() {
        return failure;
    }

    /** Records that a worker failed (reported on the credits socket), unless a failure is already known. */
    void workerFailed(ServiceFailed f) {
        if (failure == null) {
            failure = f.serviceId() + " failed: " + f.message();
        }
    }
}
