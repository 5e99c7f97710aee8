package io.aiperf.core.controller;

import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.CancelRun;
import io.aiperf.core.message.Message.GpuLive;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RecordsManagerRegistered;
import io.aiperf.core.message.Message.RecordsProgress;
import io.aiperf.core.message.Message.RecordsReady;
import io.aiperf.core.message.Message.RecordsResult;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.ServiceFailed;
import io.aiperf.core.message.Message.TelemetryReady;
import io.aiperf.core.message.Message.TelemetryRegistered;
import io.aiperf.core.message.Message.TelemetryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What arrives on the controller's control socket during a run, and what it has told the controller so far: the
 * user's cancel, the records manager's registration, readiness, progress and live statistics (both published on at
 * once for the CLI) and final result, and the telemetry manager's word (its live GPU statistics published on at once
 * for the CLI). Controller thread only.
 */
final class ControlInbox {

    private static final Logger log = LoggerFactory.getLogger(ControlInbox.class);

    private final ControllerSockets sockets;

    private boolean cancelled;
    private String recordsEndpoint;
    private boolean recordsReady;
    private RecordsResult recordsResult;
    private String failure;
    private boolean telemetryRegistered;
    private TelemetryReady telemetryReady;
    private TelemetryResult telemetryResult;

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
            } else if (m instanceof GpuLive g) {
                sockets.publish(g); // the telemetry manager's statistics for the dashboard's GPU panel
            } else if (m instanceof RecordsResult r) {
                recordsResult = r;
            } else if (m instanceof ServiceFailed f) {
                if (ServiceSupervisor.TELEMETRY_MANAGER_ID.equals(f.serviceId())) {
                    // Telemetry is beside the run: its failure is said once and the benchmark goes on without it.
                    log.warn("{} failed: {}; the run goes on without telemetry", f.serviceId(), f.message());
                    sockets.toCli(new RunNotice("WARN", "telemetry stopped: " + f.message()
                            + "; the run goes on without it"));
                } else {
                    failure = f.serviceId() + " failed: " + f.message();
                }
            } else if (m instanceof TelemetryRegistered t) {
                log.info("{} (pid {}) registered", t.serviceId(), t.pid());
                telemetryRegistered = true;
            } else if (m instanceof TelemetryReady t) {
                log.info("{} scrapes DCGM {} and server metrics {}", t.serviceId(), t.gpuEndpoints(),
                        t.serverEndpoints());
                telemetryReady = t;
            } else if (m instanceof TelemetryResult t) {
                telemetryResult = t;
            } else if (m instanceof RunNotice n) {
                sockets.toCli(n); // the telemetry manager's word about an endpoint: for the user
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

    boolean telemetryRegistered() {
        return telemetryRegistered;
    }

    /** The telemetry manager's first word after its first scrape, or null. */
    TelemetryReady telemetryReady() {
        return telemetryReady;
    }

    /** The telemetry manager's answer to {@code FinishTelemetry}, or null. */
    TelemetryResult telemetryResult() {
        return telemetryResult;
    }

    /** Records that a worker failed (reported on the credits socket), unless a failure is already known. */
    void workerFailed(ServiceFailed f) {
        if (failure == null) {
            failure = f.serviceId() + " failed: " + f.message();
        }
    }
}
