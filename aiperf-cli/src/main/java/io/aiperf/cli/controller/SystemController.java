package io.aiperf.cli.controller;

import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.Message.CancelCredits;
import io.aiperf.core.message.Message.CancelRun;
import io.aiperf.core.message.Message.ConfigureWorkers;
import io.aiperf.core.message.Message.ControllerReady;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.message.Message.Heartbeat;
import io.aiperf.core.message.Message.RunFinished;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.ProfileStart;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.Shutdown;
import io.aiperf.core.message.Message.StartRun;
import io.aiperf.core.message.Message.WorkerFailed;
import io.aiperf.core.message.Message.WorkerReady;
import io.aiperf.core.message.Message.WorkerRegistered;
import io.aiperf.core.message.Message.WorkerStatus;
import io.aiperf.cli.controller.load.LoadPhase;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.service.ParentWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The system-controller process. One thread (this one) owns the control, event and credit sockets and runs the
 * whole life of a run: start the workers, hand them the configuration once they are registered, issue credits
 * phase by phase, and when the last credit is back let the {@link RecordsManager} (its own thread and socket)
 * write the exports. Anything fatal still ends with the exports of what was recorded and a {@code RunFinished}.
 */
public final class SystemController {

    private static final Logger log = LoggerFactory.getLogger(SystemController.class);

    private static final long HEARTBEAT_FAST_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long HEARTBEAT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long PROGRESS_NS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long STARTUP_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final long CANCEL_DRAIN_NS = TimeUnit.SECONDS.toNanos(3);
    private static final long CANCELLED_RETURNS_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long RECORDS_WAIT_MS = 30_000;
    /** Longest blocking wait on the sockets between looks at the clock. */
    private static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Exit code of a run the user interrupted, as a shell reports SIGINT. */
    static final int EXIT_CANCELLED = 130;

    private final String id;
    private final String cliEndpoint;
    private final Path logFile;

    private ZmqBus bus;
    private ZMQ.Socket toCli;
    private ZMQ.Socket control;
    private ZMQ.Socket events;
    private ZMQ.Socket credits;
    private long lastHeartbeatNs;
    private boolean cancelled;

    public SystemController(String id, String cliEndpoint, String logFile) {
        this.id = id;
        this.cliEndpoint = cliEndpoint;
        this.logFile = Path.of(logFile);
    }

    public int run() {
        try (ZmqBus bus = new ZmqBus(); WorkerSupervisor workers = new WorkerSupervisor()) {
            this.bus = bus;
            ParentWatch.start(System.in, () -> {
                log.warn("the aiperf CLI is gone; stopping workers and exiting");
                workers.close();
                Runtime.getRuntime().halt(1);
            });
            toCli = bus.connect(SocketType.PUSH, cliEndpoint);
            control = bus.bindEphemeral(SocketType.PULL);
            events = bus.bindEphemeral(SocketType.PUB);
            credits = bus.bindEphemeral(SocketType.ROUTER);
            ZMQ.Socket recordsSocket = bus.bindEphemeral(SocketType.PULL);
            ZmqBus.send(toCli, new ControllerReady(ZmqBus.endpointOf(control), ZmqBus.endpointOf(events),
                    ProcessHandle.current().pid()));

            MessageCodec.warmUp(500);
            BenchmarkConfig config = awaitStartRun();
            if (config == null) {
                return 1;
            }
            log.info("{} starting run {} with {} worker(s)", id, config.benchmarkId(), config.service().workers());
            try (RecordsManager records = new RecordsManager(config, recordsSocket)) {
                RunOutcome outcome = execute(config, bus, workers, records, recordsSocket);
                finish(config, records, outcome);
            }
            ZmqBus.send(events, new Shutdown("run complete"));
            workers.awaitExit(5_000);
            return 0;
        } catch (RuntimeException e) {
            log.error("controller failed", e);
            if (toCli != null) {
                ZmqBus.send(toCli, new RunFinished(1, null, null, List.of(), cancelled, oneLine(e), 0, 0));
            }
            return 1;
        }
    }

    /** How the load phase ended: normally, cancelled by the user, or with a fatal problem. */
    private record RunOutcome(String fatal) {
    }

    private RunOutcome execute(BenchmarkConfig config, ZmqBus bus, WorkerSupervisor workers, RecordsManager records,
                               ZMQ.Socket recordsSocket) {
        // Inputs (tokenizer load, synthesis, inputs.json) are prepared while the worker JVMs boot.
        CompletableFuture<RunDataset> dataset = CompletableFuture.supplyAsync(() -> RunDataset.prepare(config,
                msg -> log.warn(msg)));
        try {
            workers.start(config.service().workers(), config.service().logLevel(), logFile, List.of(
                    "--events", ZmqBus.endpointOf(events),
                    "--credits", ZmqBus.endpointOf(credits),
                    "--records", ZmqBus.endpointOf(recordsSocket)));
        } catch (java.io.IOException e) {
            return new RunOutcome("cannot start worker processes: " + e.getMessage());
        }
        String problem = registerAndConfigure(config, workers);
        if (problem != null) {
            return new RunOutcome(problem);
        }
        RunDataset inputs;
        try {
            inputs = dataset.get();
        } catch (ExecutionException e) {
            return new RunOutcome(oneLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunOutcome("interrupted");
        }
        inputs.warnings().forEach(w -> ZmqBus.send(toCli, new RunNotice("WARN", w)));
        records.start(inputs);

        String[] workerIds = workers.ids().toArray(String[]::new);
        LoadPhaseFactory phases = new LoadPhaseFactory(config, inputs, workerIds.length);
        if (config.load().warmup() != null) {
            String fatal = runPhase(phases.warmup(), workerIds, workers, records);
            if (fatal != null || cancelled) {
                return new RunOutcome(fatal);
            }
        }
        return new RunOutcome(runPhase(phases.profiling(), workerIds, workers, records));
    }

    /** Issues and collects one phase's credits. Returns a fatal problem, or null. */
    private String runPhase(LoadPhase phase, String[] workerIds, WorkerSupervisor workers, RecordsManager records) {
        ZmqBus.send(events, new ProfileStart(phase.phase(), Math.max(0, phase.plannedTotal())));
        LoadPhase.CreditSink sink = (w, credit) -> ZmqBus.sendTo(credits, workerIds[w], credit);
        ZMQ.Poller poller = controlAndCreditsPoller();
        long now = System.nanoTime();
        phase.start(now);
        long lastProgressNs = 0;
        long cancelAtNs = Long.MAX_VALUE;
        long giveUpNs = Long.MAX_VALUE;
        boolean creditsCancelled = false;
        try {
            while (!phase.complete(now)) {
                phase.issueDue(now, sink);
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
                drainControl(phase);
                drainCredits(phase, now);
                heartbeatIfDue(now, HEARTBEAT_NS);
                if (now - lastProgressNs >= PROGRESS_NS) {
                    lastProgressNs = now;
                    sendProgress(phase, now);
                }
                String dead = workers.deadWorker();
                if (dead != null) {
                    return dead;
                }
                if (cancelled && cancelAtNs == Long.MAX_VALUE) {
                    cancelAtNs = now + CANCEL_DRAIN_NS;
                }
                long abandonAtNs = Math.min(cancelAtNs, phase.graceDeadlineNs());
                if (!creditsCancelled && now >= abandonAtNs && phase.inFlight() > 0) {
                    // In-flight requests outlived the grace (or the short drain after Ctrl-C): abandon them, no records.
                    phase.stop();
                    ZmqBus.send(events, new CancelCredits(phase.phase()));
                    creditsCancelled = true;
                    giveUpNs = now + CANCELLED_RETURNS_NS;
                }
                if (now >= giveUpNs) {
                    log.warn("{} credit(s) never came back after cancellation", phase.inFlight());
                    break;
                }
            }
            sendProgress(phase, System.nanoTime());
            if (phase.phase() == CreditPhase.PROFILING) {
                records.expect(phase.recorded());
            }
            return null;
        } finally {
            poller.close();
        }
    }

    private ZMQ.Poller controlAndCreditsPoller() {
        ZMQ.Poller poller = bus.context().createPoller(2);
        poller.register(control, ZMQ.Poller.POLLIN);
        poller.register(credits, ZMQ.Poller.POLLIN);
        return poller;
    }

    private void drainControl(LoadPhase phase) {
        Message m;
        while ((m = ZmqBus.poll(control)) != null) {
            if (m instanceof CancelRun c) {
                log.info("cancel requested: {}", c.reason());
                cancelled = true;
                phase.stop();
            }
        }
    }

    private void drainCredits(LoadPhase phase, long nowNs) {
        ZmqBus.Routed r;
        while ((r = ZmqBus.pollRouted(credits)) != null) {
            Message m = r.message();
            if (m instanceof CreditReturn ret) {
                phase.onReturn(ret, nowNs);
            } else if (m instanceof FirstToken t) {
                phase.onFirstToken(t);
            } else if (m instanceof WorkerStatus s) {
                log.debug("{}: in flight {}, completed {}, failed {}", s.workerId(), s.inFlight(), s.completed(),
                        s.failed());
            } else if (m instanceof WorkerFailed f) {
                throw new IllegalStateException("worker " + f.workerId() + " failed: " + f.message());
            }
        }
    }

    private void sendProgress(LoadPhase phase, long nowNs) {
        ZmqBus.send(events, new RunProgress(phase.phase(), phase.sent(), phase.returned(), phase.failed(),
                phase.plannedTotal(), phase.inFlight(), nowNs - phase.startNs()));
    }

    private BenchmarkConfig awaitStartRun() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT_NS;
        while (System.nanoTime() < deadline) {
            Message m = ZmqBus.receive(control, 200);
            if (m instanceof StartRun start) {
                return start.config();
            }
            if (m instanceof CancelRun) {
                return null;
            }
        }
        log.error("no StartRun from the CLI within 60 s");
        return null;
    }

    /**
     * Registration handshake: a worker registers only after its SUB socket has seen a heartbeat, so from then on
     * every PUB message reaches it. Then the configuration goes out and each worker answers ready.
     */
    private String registerAndConfigure(BenchmarkConfig config, WorkerSupervisor workers) {
        Set<String> expected = new HashSet<>(workers.ids());
        Set<String> registered = new HashSet<>();
        Set<String> ready = new HashSet<>();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT_NS;
        boolean configured = false;
        while (ready.size() < expected.size()) {
            long now = System.nanoTime();
            if (now > deadline) {
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(configured ? ready : registered);
                return "worker(s) " + missing + " did not " + (configured ? "become ready" : "register")
                        + " within 60 s";
            }
            String dead = workers.deadWorker();
            if (dead != null) {
                return dead;
            }
            heartbeatIfDue(now, HEARTBEAT_FAST_NS);
            ZMQ.Poller poller = controlAndCreditsPoller();
            poller.poll(20);
            poller.close();
            ZmqBus.Routed r;
            while ((r = ZmqBus.pollRouted(credits)) != null) {
                Message m = r.message();
                if (m instanceof WorkerRegistered w) {
                    registered.add(w.workerId());
                } else if (m instanceof WorkerReady w) {
                    ready.add(w.workerId());
                } else if (m instanceof WorkerFailed f) {
                    return "worker " + f.workerId() + " failed: " + f.message();
                }
            }
            Message c;
            while ((c = ZmqBus.poll(control)) != null) {
                if (c instanceof CancelRun) {
                    cancelled = true;
                    return null;
                }
            }
            if (!configured && registered.containsAll(expected)) {
                ZmqBus.send(events, new ConfigureWorkers(config));
                configured = true;
            }
        }
        return null;
    }

    private void heartbeatIfDue(long nowNs, long periodNs) {
        if (nowNs - lastHeartbeatNs >= periodNs) {
            lastHeartbeatNs = nowNs;
            ZmqBus.send(events, new Heartbeat(System.currentTimeMillis()));
        }
    }

    private void finish(BenchmarkConfig config, RecordsManager records, RunOutcome outcome) {
        RecordsManager.Result result = records.finish(cancelled, RECORDS_WAIT_MS);
        int exitCode = 0;
        String error = outcome.fatal();
        if (error != null) {
            exitCode = 1;
        } else if (cancelled) {
            exitCode = EXIT_CANCELLED;
        } else if (result.validCount() == 0 && result.errorCount() > 0) {
            exitCode = 1;
            error = "every request failed (" + result.errorCount() + " of " + result.errorCount() + "): "
                    + result.mostCommonError();
        }
        ZmqBus.send(toCli, new RunFinished(exitCode, result.summaryPath(), result.report(), result.trailer(),
                cancelled, error, result.validCount(), result.errorCount()));
    }

    static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }
}
