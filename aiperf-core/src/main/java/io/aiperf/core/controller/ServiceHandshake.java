package io.aiperf.core.controller;

import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.ConfigureRecords;
import io.aiperf.core.message.Message.ConfigureTelemetry;
import io.aiperf.core.message.Message.ConfigureWorkers;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.ServiceFailed;
import io.aiperf.core.message.Message.WorkerReady;
import io.aiperf.core.message.Message.WorkerRegistered;
import io.aiperf.core.message.Message.WorkerStatus;
import io.aiperf.core.tokenizer.LoadedTokenizer;
import org.zeromq.ZMQ;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the run's services. A service registers only after its SUB socket has seen a heartbeat, so from then
 * on every PUB message reaches it (JeroMQ's slow joiner). The records manager registers first with the address its
 * records socket is bound to; once every worker has registered too, {@code ConfigureWorkers} carries that address.
 * {@code ConfigureRecords} goes out as soon as the tokenizer is resolved (the records manager loads the same file,
 * never downloading it again). With {@code --remote-workers N}, it also waits for N workers to join from other hosts
 * ({@link JoinDesk}), says where they connect, and gives up after the join timeout. It is done when every service
 * answered ready. Controller thread only.
 */
final class ServiceHandshake {

    private static final long HEARTBEAT_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    /** The telemetry manager's first scrape (every endpoint tried once) is awaited this long at most. */
    private static final long TELEMETRY_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(15);

    private final ControllerSockets sockets;
    private final ControlInbox inbox;
    private final ServiceSupervisor services;
    private final Heartbeats heartbeats;
    /** Workers report their status from their registration on: the first table shows them running, not starting. */
    private final WorkerTableBuilder workerTable;
    private final JoinDesk joins;
    /** Where a worker on another host connects ({@code HOST:PORT}), for the console; null without remote workers. */
    private final String connectAddress;
    /** How often the console hears how many remote workers joined while the run waits for them. */
    private static final long WAITING_NOTICE_NS = TimeUnit.SECONDS.toNanos(30);

    ServiceHandshake(ControllerSockets sockets, ControlInbox inbox, ServiceSupervisor services,
                     Heartbeats heartbeats, WorkerTableBuilder workerTable, JoinDesk joins, String connectAddress) {
        this.sockets = sockets;
        this.inbox = inbox;
        this.services = services;
        this.heartbeats = heartbeats;
        this.workerTable = workerTable;
        this.joins = joins;
        this.connectAddress = connectAddress;
    }

    /**
     * Runs until every service is ready, the user cancels, or something fails.
     *
     * @param tokenizer completes when the controller has loaded the run's tokenizer
     * @return a one-line fatal problem, or null (ready, or cancelled: see {@link ControlInbox#cancelled()})
     */
    String run(BenchmarkConfig config, CompletableFuture<LoadedTokenizer> tokenizer) {
        Set<String> expected = new HashSet<>(services.workerIds());
        Set<String> registered = new HashSet<>();
        Set<String> ready = new HashSet<>();
        long registerBy = System.nanoTime() + TIMEOUT_NS;
        JoinedWorkers joined = joins.joined();
        long joinTimeoutNs = Math.round(config.service().remote().joinTimeoutSeconds() * 1e9);
        long joinBy = System.nanoTime() + joinTimeoutNs;
        long nextWaitingNoticeNs = System.nanoTime() + WAITING_NOTICE_NS;
        if (joined.expected() > 0) {
            sockets.toCli(new RunNotice("INFO", "waiting up to " + Math.round(joinTimeoutNs / 1e9) + " s for "
                    + joined.expected() + " worker(s) to join from other hosts; on each, run: aiperf worker "
                    + "--controller " + connectAddress));
        }
        long workersReadyBy = Long.MAX_VALUE;
        long recordsReadyBy = Long.MAX_VALUE;
        boolean workersConfigured = false;
        boolean recordsConfigured = false;
        // The telemetry manager scrapes once before profiling (the counters' starting values); the run waits for
        // that, but never fails for it.
        boolean telemetryConfigured = false;
        boolean telemetryDone = !services.telemetryStarted();
        long telemetryBy = System.nanoTime() + TELEMETRY_TIMEOUT_NS;
        while (ready.size() < expected.size() || !joined.complete() || !inbox.recordsReady() || !telemetryDone) {
            long now = System.nanoTime();
            String dead = services.deadService();
            if (dead != null) {
                return dead;
            }
            heartbeats.beatIfDue(now, HEARTBEAT_NS);
            ZMQ.Poller poller = sockets.controlAndCredits();
            poller.poll(20);
            poller.close();
            ZmqBus.Routed r;
            while ((r = ZmqBus.pollRouted(sockets.credits())) != null) {
                Message m = r.message();
                joined.heard(r.identity(), r.receivedNs());
                if (joins.answer(r.identity(), m, r.receivedNs(), false)) {
                    if (m instanceof Message.WorkerJoin && joined.isJoined(r.identity())) {
                        expected.add(r.identity());
                        registered.add(r.identity());
                    }
                    continue;
                }
                if (m instanceof WorkerRegistered w) {
                    registered.add(w.workerId());
                } else if (m instanceof WorkerReady w) {
                    ready.add(w.workerId());
                } else if (m instanceof WorkerStatus s) {
                    workerTable.onStatus(s);
                } else if (m instanceof ServiceFailed f) {
                    return f.serviceId() + " failed: " + f.message();
                }
            }
            String lost = lostJoinedWorker(now, workersConfigured, ready);
            if (lost != null) {
                return lost;
            }
            inbox.drain();
            if (inbox.failure() != null) {
                return inbox.failure();
            }
            if (inbox.cancelled()) {
                return null;
            }
            if (!telemetryDone) {
                if (!telemetryConfigured && inbox.telemetryRegistered()) {
                    sockets.publish(new ConfigureTelemetry(config.redacted()));
                    telemetryConfigured = true;
                }
                if (inbox.telemetryReady() != null || !services.telemetryAlive()) {
                    telemetryDone = true;
                } else if (now > telemetryBy) {
                    telemetryDone = true;
                    sockets.toCli(new RunNotice("WARN", "the telemetry manager did not start within "
                            + TimeUnit.NANOSECONDS.toSeconds(TELEMETRY_TIMEOUT_NS)
                            + " s; the run goes on without telemetry"));
                }
            }
            if (!joined.complete() && now >= nextWaitingNoticeNs) {
                nextWaitingNoticeNs = now + WAITING_NOTICE_NS;
                sockets.toCli(new RunNotice("INFO", joined.joined().size() + " of " + joined.expected()
                        + " worker(s) from other hosts joined; waiting for the rest at " + connectAddress));
            }
            if (!joined.complete() && now > joinBy) {
                return "only " + joined.joined().size() + " of " + joined.expected() + " worker(s) from other hosts "
                        + "joined within " + Math.round(joinTimeoutNs / 1e9) + " s (--remote-workers-join-timeout);"
                        + " on each host run: aiperf worker --controller " + connectAddress;
            }
            String recordsEndpoint = inbox.recordsEndpoint();
            if (!workersConfigured && recordsEndpoint != null && joined.complete()
                    && registered.containsAll(expected)) {
                sockets.publish(new ConfigureWorkers(config, recordsEndpoint));
                workersConfigured = true;
                workersReadyBy = now + TIMEOUT_NS;
            }
            if (!recordsConfigured && recordsEndpoint != null && tokenizer.isDone()) {
                LoadedTokenizer loaded;
                try {
                    loaded = tokenizer.join();
                } catch (CompletionException e) {
                    return OneLine.of(e.getCause() == null ? e : e.getCause());
                }
                sockets.publish(new ConfigureRecords(config, loaded.source()));
                recordsConfigured = true;
                recordsReadyBy = now + TIMEOUT_NS;
            }
            String late = lateService(now, registerBy, workersReadyBy, recordsReadyBy, expected, registered, ready,
                    recordsEndpoint != null, workersConfigured);
            if (late != null) {
                return late;
            }
        }
        return null;
    }

    /**
     * A joined worker that died or was cut off while the run starts, as one line; null when none. A closed connection
     * shows within a second ({@link JoinDesk#closedConnections}). Silence counts while the worker waits for its
     * configuration and once it has answered ready, since it reports every second then; while it configures (its
     * warm-up) it may be quiet for longer, and the readiness timeout covers that. Without this, a worker lost while
     * the run waited for the others kept its place (a restarted one is refused: its id is taken) and the run failed
     * only at the join timeout, or 60 s after the last join as a worker that "did not become ready".
     */
    private String lostJoinedWorker(long now, boolean workersConfigured, Set<String> ready) {
        JoinedWorkers joined = joins.joined();
        List<JoinedWorkers.Joined> closed = joins.closedConnections(now, id -> false);
        if (!closed.isEmpty()) {
            JoinedWorkers.Joined worker = closed.get(0);
            return worker.id() + " (pid " + worker.pid() + ") " + joined.closedCause(worker) + " before the load began";
        }
        for (JoinedWorkers.Joined worker : joined.joined()) {
            boolean waiting = !workersConfigured || ready.contains(worker.id());
            if (waiting && joined.silentAt(worker.id(), now)) {
                return worker.id() + " (pid " + worker.pid() + ") " + joined.silenceCause(worker)
                        + " before the load began";
            }
        }
        return null;
    }

    private String lateService(long now, long registerBy, long workersReadyBy, long recordsReadyBy,
                               Set<String> expected, Set<String> registered, Set<String> ready,
                               boolean recordsRegistered, boolean workersConfigured) {
        if (!workersConfigured && now > registerBy) {
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(registered);
            if (!recordsRegistered) {
                missing.add(ServiceSupervisor.RECORDS_MANAGER_ID);
            }
            if (!missing.isEmpty()) {
                return "service(s) " + missing + " did not register within 60 s";
            }
        }
        if (now > workersReadyBy && ready.size() < expected.size()) {
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(ready);
            return "worker(s) " + missing + " did not become ready within 60 s";
        }
        if (now > recordsReadyBy && !inbox.recordsReady()) {
            return ServiceSupervisor.RECORDS_MANAGER_ID + " did not become ready within 60 s";
        }
        return null;
    }
}
