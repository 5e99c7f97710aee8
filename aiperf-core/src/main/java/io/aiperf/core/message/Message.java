package io.aiperf.core.message;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.model.CreditPhase;

import java.util.List;

/**
 * Everything that crosses a process boundary. Each kind is a record; {@link MessageCodec} is the single place
 * that turns them into bytes and back.
 *
 * <p>Who sends what to whom:
 * <pre>
 *  CLI ──StartRun, CancelRun──────────────────► controller  (PUSH → control PULL)
 *  CLI ◄─ControllerReady, RunNotice, RunFinished── controller (PUSH → CLI inbox PULL)
 *  controller ──Heartbeat, ConfigureWorkers, ProfileStart, RunProgress, CancelCredits, Shutdown──► workers, CLI
 *                                                                                    (PUB → SUB)
 *  controller ──Credit──────────────────────────► one worker (ROUTER → DEALER)
 *  worker ──WorkerRegistered, WorkerReady, CreditReturn, WorkerStatus, WorkerFailed──► controller (DEALER → ROUTER)
 *  worker ──RequestRecord───────────────────────► records manager (PUSH → PULL)
 * </pre>
 */
public sealed interface Message permits
        Message.ControllerReady, Message.StartRun, Message.CancelRun, Message.RunProgress, Message.RunNotice,
        Message.RunFinished, Message.Heartbeat, Message.ConfigureWorkers, Message.ProfileStart,
        Message.CancelCredits, Message.Shutdown,
        Message.WorkerRegistered, Message.WorkerReady, Message.CreditReturn, Message.WorkerStatus,
        Message.WorkerFailed, Message.FirstToken, Credit, RequestRecord {

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
     * Controller → CLI: the run is over and every export is on disk.
     *
     * @param exitCode     process exit code the CLI should return
     * @param summaryPath  absolute path of {@code profile_export_aiperf.json}, or null if the run failed before it
     * @param report       the final console tables, rendered without ANSI escapes, or null
     * @param exportLines  the trailer: one line per file written
     * @param errorMessage one-line cause when the run failed, else null
     * @param requestCount {@code request_count}: profiling requests that succeeded (0 if the run failed early)
     * @param errorCount   {@code error_request_count}: profiling requests that failed
     */
    record RunFinished(int exitCode, String summaryPath, String report, List<String> exportLines,
                       boolean cancelled, String errorMessage, long requestCount, long errorCount)
            implements Message {
    }

    /** Controller → workers (PUB), periodically: proves the controller is alive and the SUB link works. */
    record Heartbeat(long sentEpochMs) implements Message {
    }

    /** Controller → workers (PUB): the run's configuration; workers answer with {@link WorkerReady}. */
    record ConfigureWorkers(BenchmarkConfig config) implements Message {
    }

    /** Controller → workers (PUB): a phase starts now; {@code credits} will be issued for it. */
    record ProfileStart(CreditPhase phase, long credits) implements Message {
    }

    /** Controller → workers (PUB): abandon in-flight requests of {@code phase}; they produce no record. */
    record CancelCredits(CreditPhase phase) implements Message {
    }

    /** Controller → workers (PUB): exit now. */
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

    /** Worker → controller, periodically. */
    record WorkerStatus(String workerId, int inFlight, long completed, long failed) implements Message {
    }

    /** Worker → controller: a request got its first content response (only when the credit asked): frees a prefill slot. */
    record FirstToken(String workerId, long creditId, CreditPhase phase) implements Message {
    }

    /** Worker → controller: the worker cannot go on. */
    record WorkerFailed(String workerId, String message) implements Message {
    }
}
