package io.aiperf.records.export;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.Message.TelemetryResult;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Run-level facts the summary exports need besides the metrics.
 *
 * @param config        the run's configuration (exports always redact it)
 * @param aiperfVersion this tool's version, written as {@code aiperf_version}
 * @param wasCancelled  true when the user interrupted the run
 * @param startEpochNs  wall-clock start of the profiling phase, or null to use the earliest request start
 * @param endEpochNs    wall-clock end of the profiling phase, or null to use the latest response
 * @param zone          time zone for {@code start_time}/{@code end_time} (AIPerf writes local times)
 * @param lostWorkers   workers whose process died during the run ({@code lost_workers}, ours), in order of death
 * @param telemetry     the telemetry manager's summary ({@code telemetry_data}, the CSV section, the GPU tables), or null
 */
public record RunInfo(
        BenchmarkConfig config,
        String aiperfVersion,
        boolean wasCancelled,
        Long startEpochNs,
        Long endEpochNs,
        ZoneId zone,
        List<LostWorker> lostWorkers,
        TelemetryResult telemetry) {

    /**
     * A worker that died mid-run, as {@code lost_workers} lists it.
     *
     * @param phase        {@code warmup} or {@code profiling}: the phase it died in
     * @param lostRequests the credits it held, each a {@code WorkerLostError} record when the phase is profiling
     */
    public record LostWorker(String workerId, long pid, int exitCode, String phase, int lostRequests) {
    }

    public RunInfo {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(aiperfVersion, "aiperfVersion");
        zone = zone == null ? ZoneId.systemDefault() : zone;
        lostWorkers = lostWorkers == null ? List.of() : List.copyOf(lostWorkers);
    }

    /** No worker lost, no telemetry. */
    public RunInfo(BenchmarkConfig config, String aiperfVersion, boolean wasCancelled, Long startEpochNs,
                   Long endEpochNs, ZoneId zone) {
        this(config, aiperfVersion, wasCancelled, startEpochNs, endEpochNs, zone, List.of(), null);
    }

    /** No telemetry. */
    public RunInfo(BenchmarkConfig config, String aiperfVersion, boolean wasCancelled, Long startEpochNs,
                   Long endEpochNs, ZoneId zone, List<LostWorker> lostWorkers) {
        this(config, aiperfVersion, wasCancelled, startEpochNs, endEpochNs, zone, lostWorkers, null);
    }

    /** This run, with these workers lost. */
    public RunInfo withLostWorkers(List<LostWorker> lost) {
        return new RunInfo(config, aiperfVersion, wasCancelled, startEpochNs, endEpochNs, zone, lost, telemetry);
    }

    /** This run, with what the telemetry manager summarised (null: none). */
    public RunInfo withTelemetry(TelemetryResult result) {
        return new RunInfo(config, aiperfVersion, wasCancelled, startEpochNs, endEpochNs, zone, lostWorkers, result);
    }

    /** Start and end taken from the requests themselves, local time zone. */
    public static RunInfo of(BenchmarkConfig config, String aiperfVersion, boolean wasCancelled) {
        return new RunInfo(config, aiperfVersion, wasCancelled, null, null, null);
    }
}
