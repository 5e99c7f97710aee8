package io.aiperf.core.controller;

import io.aiperf.core.bus.ReachableHost;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.load.LoadPhase;
import io.aiperf.core.message.Message.FinishRecords;
import io.aiperf.core.message.Message.FinishTelemetry;
import io.aiperf.core.message.Message.RecordsResult;
import io.aiperf.core.message.Message.RunFinished;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.TelemetryResult;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.RunStatus;
import io.aiperf.core.tokenizer.LoadedTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One benchmark run, from the controller's side: start the records manager and the workers, prepare the inputs
 * while they boot, run the handshake, the warmup and profiling phases, then have the records manager write every
 * export. Whatever goes wrong after the records manager is configured, the exports of what was recorded are still
 * written. Controller thread only.
 */
public final class ProfileRun {

    private static final Logger log = LoggerFactory.getLogger(ProfileRun.class);

    /** How long the telemetry manager may take to summarise and write its exports; the run never fails for it. */
    private static final long TELEMETRY_RESULT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(15);

    /** The profiling phase's wall-clock window (epoch ns), for the telemetry statistics; 0 until it ran. */
    private long profilingStartEpochNs;
    private long profilingEndEpochNs;

    /** How long the records manager may take to collect the last records and write every export. */
    private static final long RESULT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(120);

    private final BenchmarkConfig config;
    private final ControllerSockets sockets;
    private final ServiceSupervisor services;
    private final Path logFile;
    private final ControlInbox inbox;
    private final Heartbeats heartbeats;
    private final RunStageAnnouncer stages;
    /** The workers that join from other hosts ({@code --remote-workers}). */
    private final JoinedWorkers joined;

    public ProfileRun(BenchmarkConfig config, ControllerSockets sockets, ServiceSupervisor services, Path logFile) {
        this.config = config;
        this.sockets = sockets;
        this.services = services;
        this.logFile = logFile;
        this.inbox = new ControlInbox(sockets);
        this.heartbeats = new Heartbeats(sockets);
        this.stages = new RunStageAnnouncer(sockets::publish, System::currentTimeMillis);
        this.joined = new JoinedWorkers(config.service().remote().count(),
                config.service().remote().silenceTimeoutSeconds());
    }

    /** Runs the whole benchmark and says how it ended; every export that could be written is on disk. */
    public RunFinished execute() {
        // The service JVMs take longest to come up: they start first (if the controller has not started them yet).
        // While they boot, the inputs are prepared (tokenizer load, synthesis, inputs.json) and the bus codec is run
        // until compiled, so the first credits leave at full speed.
        String fatal = startServices();
        CompletableFuture<LoadedTokenizer> tokenizer =
                CompletableFuture.supplyAsync(() -> RunDataset.loadTokenizer(config));
        CompletableFuture<RunDataset> dataset = tokenizer.thenApplyAsync(t -> RunDataset.prepare(config, t,
                msg -> log.warn(msg))).thenApply(inputs -> {
                    MessageCodec.warmUp(500);
                    return inputs;
                });
        // Once the services are started, so it knows every worker it started; joined ones are added as they join.
        WorkerTableBuilder workerTable = new WorkerTableBuilder(services.workerIds());
        JoinDesk joins = new JoinDesk(sockets, joined, services, workerTable);
        if (fatal == null) {
            fatal = new ServiceHandshake(sockets, inbox, services, heartbeats, workerTable, joins,
                    connectAddress()).run(config, tokenizer);
        }
        if (fatal != null) {
            return finished(fatal, null);
        }
        if (inbox.cancelled()) {
            // Interrupted while starting: nothing was sent, but the exports (empty) are still written if they can be.
            RecordsResult records = inbox.recordsReady() ? collectRecords(-1, false) : null;
            return finished(records == null ? null : records.failure(), records);
        }
        RunDataset inputs;
        try {
            awaitWithHeartbeats(dataset);
            inputs = dataset.get();
        } catch (ExecutionException e) {
            return finished(OneLine.of(e.getCause()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished("interrupted", null);
        }
        inputs.warnings().forEach(w -> sockets.toCli(new RunNotice("WARN", w)));
        RecordsResult records = runPhases(inputs, workerTable, joins);
        return finished(records.failure(), records);
    }

    /**
     * Usually done already: the controller starts them as soon as it is up ({@code --workers}). The telemetry manager
     * starts here, once the run says whether it scrapes anything; it boots while the workers warm up.
     */
    private String startServices() {
        try {
            services.start(config.service().workers(), config.service().logLevel(), logFile, sockets.forServices());
        } catch (IOException e) {
            return "cannot start service processes: " + OneLine.of(e);
        }
        if (config.telemetry().anyEnabled()) {
            try {
                services.startTelemetry(config.service().logLevel(), logFile, sockets.forServices());
            } catch (IOException e) {
                sockets.toCli(new RunNotice("WARN", "cannot start the telemetry manager (" + OneLine.of(e)
                        + "); the run goes on without telemetry"));
            }
        }
        return null;
    }

    /**
     * Where a worker on another host connects: {@code HOST:PORT} of the credits channel, the host as
     * {@link ReachableHost} finds it.
     */
    private String connectAddress() {
        String endpoint = ZmqBus.endpointOf(sockets.credits());
        String port = endpoint.substring(endpoint.lastIndexOf(':') + 1);
        return ReachableHost.of(sockets.bus().bindHost()) + ":" + port;
    }

    /**
     * Waits for the inputs still being prepared once every service is ready (a large dataset): heartbeats go on,
     * so workers on other hosts do not take the silence for a lost controller.
     */
    private void awaitWithHeartbeats(CompletableFuture<RunDataset> dataset) {
        while (!dataset.isDone()) {
            heartbeats.beatIfDue(System.nanoTime(), TimeUnit.SECONDS.toNanos(1));
            try {
                dataset.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Not done yet; or failed, which the caller's get() reports.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Warmup (if any), then profiling; then every export. The result carries the fatal problem, if one came up. */
    private RecordsResult runPhases(RunDataset inputs, WorkerTableBuilder workerTable, JoinDesk joins) {
        PhaseDriver driver = new PhaseDriver(sockets, inbox, services, heartbeats, stages, workerTable,
                services.workerIds(), joins);
        LoadPhaseFactory phases = new LoadPhaseFactory(config, inputs, services.workerIds().size());
        String fatal = null;
        long expected = -1;
        if (config.load().warmup() != null) {
            fatal = driver.run(phases.warmup());
        }
        if (fatal == null && !inbox.cancelled()) {
            LoadPhase profiling = phases.profiling();
            profilingStartEpochNs = epochNowNs();
            fatal = driver.run(profiling);
            profilingEndEpochNs = epochNowNs();
            if (fatal == null) {
                expected = profiling.recorded();
            }
        }
        driver.runEnded();
        RecordsResult result = collectRecords(expected, driver.workersLost());
        if (fatal != null) {
            return new RecordsResult(result.summaryPath(), result.report(), result.exportLines(),
                    result.requestCount(), result.errorCount(), result.mostCommonError(), fatal);
        }
        return result;
    }

    /** Asks the records manager to finish and waits for its answer (it writes the exports even for a cut run). */
    private RecordsResult collectRecords(long expectedProfilingRecords, boolean workersLost) {
        TelemetryResult telemetry = collectTelemetry();
        sockets.publish(new FinishRecords(expectedProfilingRecords, inbox.cancelled(), workersLost, telemetry));
        stages.enter(RunStage.PROCESSING, -1);
        RecordsResult result = awaitRecordsResult();
        stages.enter(RunStage.COMPLETE, -1);
        return result;
    }

    private RecordsResult awaitRecordsResult() {
        long deadline = System.nanoTime() + RESULT_TIMEOUT_NS;
        while (System.nanoTime() < deadline) {
            var poller = sockets.controlAndCredits();
            poller.poll(50);
            poller.close();
            inbox.drain();
            if (inbox.recordsResult() != null) {
                return inbox.recordsResult();
            }
            String dead = services.deadService();
            if (dead != null) {
                return RecordsResult.failed(dead);
            }
            heartbeats.beatIfDue(System.nanoTime(), TimeUnit.SECONDS.toNanos(1));
        }
        return RecordsResult.failed(ServiceSupervisor.RECORDS_MANAGER_ID + " did not write the exports within "
                + TimeUnit.NANOSECONDS.toSeconds(RESULT_TIMEOUT_NS) + " s");
    }

    /**
     * Asks the telemetry manager, if it runs, to summarise the profiling window and write its exports; null when it
     * does not run, never profiled, or did not answer in time (said once to the user; the run goes on).
     */
    private TelemetryResult collectTelemetry() {
        if (!services.telemetryAlive() || inbox.telemetryReady() == null || profilingStartEpochNs == 0) {
            return null;
        }
        sockets.publish(new FinishTelemetry(profilingStartEpochNs, profilingEndEpochNs));
        long deadline = System.nanoTime() + TELEMETRY_RESULT_TIMEOUT_NS;
        while (System.nanoTime() < deadline && services.telemetryAlive()) {
            var poller = sockets.controlAndCredits();
            poller.poll(50);
            poller.close();
            inbox.drain();
            if (inbox.telemetryResult() != null) {
                return inbox.telemetryResult();
            }
            heartbeats.beatIfDue(System.nanoTime(), TimeUnit.SECONDS.toNanos(1));
        }
        sockets.toCli(new RunNotice("WARN", "the telemetry manager gave no result; the exports have no telemetry"));
        return null;
    }

    private static long epochNowNs() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private RunFinished finished(String fatal, RecordsResult records) {
        RunStatus status = fatal != null ? RunStatus.FAILED
                : inbox.cancelled() ? RunStatus.CANCELLED : RunStatus.COMPLETED;
        if (records == null) {
            return new RunFinished(status, null, null, null, fatal, 0, 0, null);
        }
        return new RunFinished(status, records.summaryPath(), records.report(), records.exportLines(), fatal,
                records.requestCount(), records.errorCount(), records.mostCommonError());
    }
}
