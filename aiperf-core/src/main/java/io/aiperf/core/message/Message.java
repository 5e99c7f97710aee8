package io.aiperf.core.message;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.GpuLiveRow;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.WorkerRow;
import io.aiperf.core.tokenizer.TokenizerSource;

import java.util.List;

/**
 * Everything that crosses a process boundary. Each kind is a record; {@link MessageCodec} is the single place
 * that turns them into bytes and back. The channels are {@link io.aiperf.core.bus.Channel}s.
 *
 * <p>Who sends what to whom:
 * <pre>
 *  CLI ──StartRun, CancelRun──────────────────────────────────────► controller  (CONTROL: PUSH → PULL)
 *  CLI ◄─ControllerReady, RunNotice, RunFinished───────────────────── controller  (CLI_INBOX: PUSH → PULL)
 *  controller ──Heartbeat, ConfigureWorkers, ConfigureRecords, ProfileStart, RunProgress, RecordsProgress,
 *               CancelCredits, WorkerLost, FinishRecords, Shutdown──► workers, records manager, CLI  (EVENTS: PUB → SUB)
 *  controller ──LiveMetrics, WorkerTable, RunStage──────────────────► CLI, the live UI  (EVENTS: PUB → SUB)
 *  controller ──SlotShare, Credit───────────────────────────────► one worker  (CREDITS: ROUTER → DEALER)
 *  worker ──WorkerRegistered, WorkerReady, FirstToken, CreditReturn, CreditUnsent, WorkerStatus, ServiceFailed──►
 *                                                                   controller  (CREDITS: DEALER → ROUTER)
 *  worker ──RequestRecord───────────────────────────────────────► records manager  (RECORDS: PUSH → PULL)
 *  records manager ──RecordsManagerRegistered, RecordsReady, RecordsProgress, LiveMetrics, RecordsResult,
 *                    ServiceFailed──────────────────────────────► controller  (CONTROL: PUSH → PULL)
 *  controller ──ConfigureTelemetry, FinishTelemetry─────────────► telemetry manager  (EVENTS: PUB → SUB)
 *  telemetry manager ──TelemetryRegistered, TelemetryReady, TelemetryResult, RunNotice, GpuLive──► controller  (CONTROL)
 *  controller ──GpuLive──────────────────────────────────────────► CLI, the live UI  (EVENTS: PUB → SUB)
 *  joined worker ──WorkerJoin, ClockProbe──────────────────────────► controller  (CREDITS: DEALER → ROUTER)
 *  controller ──JoinAccepted, JoinRefused, ClockReading────────────► one joined worker  (CREDITS: ROUTER → DEALER)
 * </pre>
 *
 * <p>A joined worker ({@code aiperf worker --controller HOST:PORT}, on any host) sends {@code WorkerJoin} where a
 * worker the controller started sends {@code WorkerRegistered}; from its acceptance on, everything else is the
 * same.
 */
public sealed interface Message permits
        Message.ControllerReady, Message.StartRun, Message.CancelRun, Message.RunProgress, Message.RunNotice,
        Message.RunFinished, Message.Heartbeat, Message.ConfigureWorkers, Message.ProfileStart,
        Message.CancelCredits, Message.Shutdown,
        Message.WorkerRegistered, Message.WorkerReady, Message.CreditReturn, Message.WorkerStatus,
        Message.ServiceFailed, Message.FirstToken, Credit, RequestRecord, Message.SlotShare, Message.CreditUnsent, Message.Batch,
        Message.RecordsManagerRegistered, Message.ConfigureRecords, Message.RecordsReady, Message.RecordsProgress,
        Message.FinishRecords, Message.RecordsResult, Message.WorkerLost, Message.LiveMetrics, Message.WorkerTable,
        Message.RunStage, Message.TelemetryRegistered, Message.ConfigureTelemetry, Message.TelemetryReady,
        Message.FinishTelemetry, Message.TelemetryResult, Message.GpuLive, Message.WorkerJoin, Message.JoinAccepted,
        Message.JoinRefused, Message.ClockProbe, Message.ClockReading {

    /**
     * Controller → CLI: the controller is up, listens for commands on {@code controlEndpoint} and publishes events
     * (progress among them) on {@code eventsEndpoint}.
     */
    record ControllerReady(String controlEndpoint, String eventsEndpoint, long pid) implements Message {
    }

    /** CLI → controller: run this benchmark. */
    record StartRun(BenchmarkConfig config) implements Message {
    }

    /** CLI → controller: the user interrupted; stop issuing, finish and export what was recorded. */
    record CancelRun(String reason) implements Message {
    }

    /** Controller → anyone subscribed (the CLI's progress display), a few times a second. Counts are for {@code phase}. */
    record RunProgress(CreditPhase phase, long sent, long completed, long errors, long total, int inFlight,
                       long elapsedNs) implements Message {
    }

    /** Controller → CLI: a line for the user (warnings, stage changes). {@code level} is an SLF4J level name. */
    record RunNotice(String level, String text) implements Message {
    }

    /**
     * Controller → CLI: the run is over and every export that could be written is on disk. The CLI alone turns this
     * into an exit code.
     *
     * @param status          how the run ended
     * @param summaryPath     absolute path of {@code profile_export_aiperf.json}, or null if it was not written
     * @param report          the final console tables, rendered without ANSI escapes, or null
     * @param exportLines     the trailer: one line per file written
     * @param errorMessage    one-line cause when the run failed ({@link RunStatus#FAILED}), else null
     * @param requestCount    {@code request_count}: profiling requests that succeeded (0 if the run failed early)
     * @param errorCount      {@code error_request_count}: profiling requests that failed
     * @param mostCommonError the most frequent error of the run on one line, or null when none failed
     */
    record RunFinished(RunStatus status, String summaryPath, String report, List<String> exportLines,
                       String errorMessage, long requestCount, long errorCount, String mostCommonError)
            implements Message {

        public RunFinished {
            exportLines = exportLines == null ? List.of() : List.copyOf(exportLines);
        }

        /** A run that failed before anything was recorded. */
        public static RunFinished failed(String errorMessage) {
            return new RunFinished(RunStatus.FAILED, null, null, List.of(), errorMessage, 0, 0, null);
        }
    }

    /** Controller → every service (PUB), periodically: proves the controller is alive and the SUB link works. */
    record Heartbeat(long sentEpochMs) implements Message {
    }

    /**
     * Controller → workers (PUB): the run's configuration and where records go; workers answer with
     * {@link WorkerReady}.
     */
    record ConfigureWorkers(BenchmarkConfig config, String recordsEndpoint) implements Message {
    }

    /**
     * Controller → records manager (PUB): the run's configuration and the tokenizer the dataset was built with,
     * already resolved to a local file (or builtin), so the records manager counts tokens with the same one and
     * never downloads; it answers with {@link RecordsReady}.
     */
    record ConfigureRecords(BenchmarkConfig config, TokenizerSource tokenizer) implements Message {
    }

    /** Controller → workers (PUB): a phase starts now; {@code credits} will be issued for it. */
    record ProfileStart(CreditPhase phase, long credits) implements Message {
    }

    /** Controller → workers (PUB): abandon in-flight requests of {@code phase}; they produce no record. */
    record CancelCredits(CreditPhase phase) implements Message {
    }

    /**
     * Controller → records manager (PUB): no more credits; wait for the records that were pushed, write every
     * export and answer with {@link RecordsResult}.
     *
     * @param expectedProfilingRecords how many profiling records the workers pushed (counted from the returns), or
     *                                 -1 when the run was cut short and the count is unknown
     * @param cancelled                the user interrupted the run ({@code was_cancelled} in the exports)
     * @param workersLost              a worker died ({@link WorkerLost}): the last records it pushed may never
     *                                 arrive, so the wait for them ends once records stop coming for a moment
     */
    record FinishRecords(long expectedProfilingRecords, boolean cancelled, boolean workersLost,
                         TelemetryResult telemetry) implements Message {

        public FinishRecords(long expectedProfilingRecords, boolean cancelled, boolean workersLost) {
            this(expectedProfilingRecords, cancelled, workersLost, null);
        }
    }

    /**
     * Controller → records manager (PUB), once per worker whose process died during the run: the controller carries
     * on without it, and records each profiling credit the worker held and never returned as an error record of type
     * {@code WorkerLostError} (they come here, so the records manager counts and exports them like any error record;
     * the controller counts them in {@link FinishRecords#expectedProfilingRecords}). Published before
     * {@code FinishRecords} on the same socket, so it always arrives first.
     *
     * @param lostCredits the credits of the phase the worker held when it died (warmup ones have no record)
     * @param records     one error record per lost profiling credit, in credit order; empty in warmup
     */
    record WorkerLost(String workerId, long pid, int exitCode, CreditPhase phase, int lostCredits,
                      List<RequestRecord> records) implements Message {

        /** The error type of the records made for the credits a dead worker held. */
        public static final String ERROR_TYPE = "WorkerLostError";

        public WorkerLost {
            records = records == null ? List.of() : List.copyOf(records);
        }
    }

    /** Controller → every service (PUB): exit now. */
    record Shutdown(String reason) implements Message {
    }

    /** Worker → controller: sent once the worker's SUB socket has seen a heartbeat. */
    record WorkerRegistered(String workerId, long pid) implements Message {
    }

    /** Worker → controller: configured and ready to accept credits. */
    record WorkerReady(String workerId) implements Message {
    }

    /**
     * Worker → controller: a credit is finished (success, failure or cancellation); its slot is free.
     *
     * @param recorded true when a {@link RequestRecord} was pushed for it (records and returns travel on
     *                 different sockets, so the records manager counts these to know when it has them all)
     */
    record CreditReturn(String workerId, long creditId, CreditPhase phase, boolean failed, boolean cancelled,
                        boolean recorded) implements Message {
    }

    /**
     * Controller → one worker (CREDITS, before the phase's first credit to it): the worker's share of the phase's
     * concurrency slots. A first turn of this phase waits on the worker until one of its {@code slots} is free, so
     * the controller may send credits ahead and a freed slot is refilled on the worker, without a bus round trip; a
     * session holds its slot until its final turn ends or a turn fails. The shares of all workers add up to the
     * phase's concurrency, so the global limit stays exact.
     *
     * @param sendUntilNs {@code System.nanoTime()} (the host's monotonic clock) after which a waiting credit is not
     *                    sent but handed back as {@link CreditUnsent} (the duration's end); {@code Long.MAX_VALUE}
     *                    when the phase has no duration
     */
    record SlotShare(CreditPhase phase, int slots, long sendUntilNs) implements Message {

        /** This share on the clock of a host whose {@code System.nanoTime()} reads {@code offsetNs} more. */
        public SlotShare onClockAheadBy(long offsetNs) {
            return offsetNs == 0 || sendUntilNs == Long.MAX_VALUE ? this
                    : new SlotShare(phase, slots, sendUntilNs + offsetNs);
        }
    }

    /**
     * Worker → controller: a credit that waited for a slot was never sent (its phase's sending window closed, or the
     * phase was abandoned); its session is over, no record exists.
     */
    record CreditUnsent(String workerId, long creditId, CreditPhase phase) implements Message {
    }

    /**
     * Several messages for the same socket in one frame, in the order they were queued: what a sender has ready at
     * once (a worker's records and returns of one pass, the controller's credits to one worker) goes out as one bus
     * message, so the per-message cost of the bus (its I/O thread's wake-up, a syscall or two) is paid once per
     * batch instead of once per request. Never nested; never empty.
     */
    record Batch(List<Message> messages) implements Message {
        public Batch {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Worker → controller, periodically.
     *
     * @param cpuPercent  the worker JVM's CPU use since its previous status, in % of one core (200 = two cores busy)
     * @param memoryBytes the worker JVM's resident set size (heap, off-heap and code), or -1 when unknown
     */
    record WorkerStatus(String workerId, int inFlight, long completed, long failed, double cpuPercent,
                        long memoryBytes) implements Message {
    }

    /** Worker → controller: a request got its first content response (only when the credit asked): frees a prefill slot. */
    record FirstToken(String workerId, long creditId, CreditPhase phase) implements Message {
    }

    /** A worker or the records manager → controller: this service cannot go on; {@code message} is one line. */
    record ServiceFailed(String serviceId, String message) implements Message {
    }

    /**
     * Records manager → controller: sent once its SUB socket has seen a heartbeat; workers push their records to
     * {@code recordsEndpoint}.
     */
    record RecordsManagerRegistered(String serviceId, long pid, String recordsEndpoint) implements Message {
    }

    /** Records manager → controller: configured; its tokenizer is loaded and the per-request exports are open. */
    record RecordsReady(String serviceId) implements Message {
    }

    /**
     * Records manager → controller, a few times a second while records arrive; the controller publishes it on for
     * the CLI. {@code processed}: profiling records turned into metrics so far.
     */
    record RecordsProgress(long processed) implements Message {
    }

    /**
     * Records manager → controller: every export is written (or {@code failure} says why not).
     *
     * @param summaryPath     absolute path of {@code profile_export_aiperf.json}, or null when it was not written
     * @param report          the console tables, rendered without ANSI escapes, or null
     * @param exportLines     the trailer: one line per file written
     * @param requestCount    profiling requests that succeeded
     * @param errorCount      profiling requests that failed
     * @param mostCommonError the most frequent error on one line, or null
     * @param failure         one line when the records manager could not finish its work, else null
     */
    record RecordsResult(String summaryPath, String report, List<String> exportLines, long requestCount,
                         long errorCount, String mostCommonError, String failure) implements Message {

        public RecordsResult {
            exportLines = exportLines == null ? List.of() : List.copyOf(exportLines);
        }

        public static RecordsResult failed(String failure) {
            return new RecordsResult(null, null, List.of(), 0, 0, null, failure);
        }
    }

    /**
     * Records manager → controller → CLI (the live UI), at most once a second and only when a profiling record
     * arrived since the previous one: the statistics so far of every console metric, in console order.
     *
     * @param processed profiling records turned into metrics so far
     * @param errors    of those, the failed ones
     * @param metrics   one row per metric the console table shows, display units
     */
    record LiveMetrics(long processed, long errors, List<LiveMetric> metrics) implements Message {

        public LiveMetrics {
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
        }
    }

    /** Controller → CLI (the live UI), once a second while workers run: one row per worker of the run. */
    record WorkerTable(List<WorkerRow> workers) implements Message {

        public WorkerTable {
            workers = workers == null ? List.of() : List.copyOf(workers);
        }
    }

    /**
     * Controller → CLI, at each change: where the run is ({@link #WARMUP}, {@link #PROFILING}, {@link #GRACE}: sending
     * stopped, in-flight requests may still finish; {@link #PROCESSING}: the records manager writes the exports;
     * {@link #COMPLETE}).
     *
     * @param stage         one of the constants below
     * @param sinceEpochMs  when this stage began
     * @param durationNs    for a time-bound stage ({@code --benchmark-duration}, the grace period), how long it lasts;
     *                      else -1
     */
    record RunStage(String stage, long sinceEpochMs, long durationNs) implements Message {

        /** The warmup phase runs (its requests are left out of every result). */
        public static final String WARMUP = "warmup";
        /** The profiling phase sends; {@code durationNs} is {@code --benchmark-duration} when it bounds the phase. */
        public static final String PROFILING = "profiling";
        /**
         * The benchmark duration is over: nothing more is sent, requests in flight may still finish until
         * {@code durationNs} (the grace period; -1 when infinite) has passed, then they are abandoned.
         */
        public static final String GRACE = "grace";
        /** The load is over; the records manager collects the last records and writes every export. */
        public static final String PROCESSING = "processing";
        /** The records manager has answered: the exports are written (or the run failed trying). */
        public static final String COMPLETE = "complete";
    }

    /** Telemetry manager → controller, once its SUB socket has seen a heartbeat. */
    record TelemetryRegistered(String serviceId, long pid) implements Message {
    }

    /** Controller → telemetry manager: what to scrape (the run's {@code TelemetryConfig}) and where to export. */
    record ConfigureTelemetry(BenchmarkConfig config) implements Message {
    }

    /**
     * Telemetry manager → controller: scraping; the endpoints that answered ({@code gpu} DCGM exporters,
     * {@code server} Prometheus endpoints). Those the user named that did not answer are reported as notices.
     */
    record TelemetryReady(String serviceId, List<String> gpuEndpoints, List<String> serverEndpoints)
            implements Message {

        public TelemetryReady {
            gpuEndpoints = gpuEndpoints == null ? List.of() : List.copyOf(gpuEndpoints);
            serverEndpoints = serverEndpoints == null ? List.of() : List.copyOf(serverEndpoints);
        }
    }

    /**
     * Controller → telemetry manager: the profiling window is over; summarise it (wall clock, epoch ns), write the
     * telemetry exports and answer with a {@link TelemetryResult}.
     */
    record FinishTelemetry(long profilingStartEpochNs, long profilingEndEpochNs) implements Message {
    }

    /**
     * Telemetry manager → controller → records manager (inside {@link FinishRecords}): what the run's exports and
     * console add from telemetry.
     *
     * @param gpu         the GPU telemetry, or null when no DCGM endpoint answered
     * @param named       the {@code --prometheus-metrics}, in the order named
     * @param exportLines the trailer's lines for the files the telemetry manager wrote
     * @param warnings    one line each, for the console and the summary's warnings
     */
    record TelemetryResult(io.aiperf.core.model.GpuTelemetry gpu, List<io.aiperf.core.model.NamedMetricChange> named,
                           List<String> exportLines, List<String> warnings) implements Message {

        public TelemetryResult {
            named = named == null ? List.of() : List.copyOf(named);
            exportLines = exportLines == null ? List.of() : List.copyOf(exportLines);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /**
     * Telemetry manager → controller → CLI (the live UI), at most once a second while it scrapes and only with
     * {@code --gpu-telemetry dashboard}: every GPU's gauge fields so far, a row per GPU per field, in the order the
     * GPUs were first seen and the fields' order.
     */
    record GpuLive(List<GpuLiveRow> rows) implements Message {

        public GpuLive {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    /**
     * A worker started on its own ({@code aiperf worker --controller HOST:PORT}) → controller, once its SUB socket has
     * seen a heartbeat: it asks to take part in the run. Its fields are all the controller reads before it has decided,
     * so a worker of another build is still understood well enough to be refused.
     *
     * @param version  the worker's {@code AiperfVersion}
     * @param protocol the worker's bus protocol fingerprint ({@code BusProtocol}): equal only when every message
     *                 and configuration record has the same shape on both sides
     * @param host     the worker's host name, for the console and the logs
     */
    record WorkerJoin(String workerId, String version, String protocol, String host, long pid) implements Message {
    }

    /**
     * Controller → a joining worker: it is part of the run. The anchor ties the controller's {@code System.nanoTime()}
     * to its wall clock, so the worker can stamp epoch times on the controller's clock once it knows the offset
     * between the two monotonic clocks ({@link ClockProbe}).
     *
     * @param anchorEpochNs the controller's wall clock, epoch ns, at {@code anchorNanoNs}
     * @param anchorNanoNs  a {@code System.nanoTime()} reading of the controller
     */
    record JoinAccepted(String workerId, long anchorEpochNs, long anchorNanoNs) implements Message {
    }

    /** Controller → a joining worker: not part of this run; {@code reason} is one line for the worker's user. */
    record JoinRefused(String workerId, String reason) implements Message {
    }

    /**
     * Joined worker → controller: a clock probe, answered at once with a {@link ClockReading}. The worker keeps the
     * time it sent it. Every stamp of the exchange is taken so that a delay (encoding, a descheduled thread, a queue)
     * can only lengthen the measured round trip, never shorten it: the estimator then passes over the probes it hit.
     *
     * @param probeId the worker's number for it, returned in the reading
     */
    record ClockProbe(String workerId, long probeId) implements Message {
    }

    /**
     * Controller → the joined worker that sent a {@link ClockProbe}: the two middle stamps of NTP's four; the worker
     * has the first and takes the last as it reads this.
     *
     * @param probeId              the probe's number, returned unchanged
     * @param controllerReceivedNs the controller's {@code System.nanoTime()} as it took the probe off the bus, before
     *                             decoding it
     * @param controllerSentNs     the controller's {@code System.nanoTime()} as it answered
     */
    record ClockReading(long probeId, long controllerReceivedNs, long controllerSentNs) implements Message {
    }
}
