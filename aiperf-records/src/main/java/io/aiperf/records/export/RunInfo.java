package io.aiperf.records.export;

import io.aiperf.core.config.BenchmarkConfig;

import java.time.ZoneId;
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
 */
public record RunInfo(
        BenchmarkConfig config,
        String aiperfVersion,
        boolean wasCancelled,
        Long startEpochNs,
        Long endEpochNs,
        ZoneId zone) {

    public RunInfo {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(aiperfVersion, "aiperfVersion");
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    /** Start and end taken from the requests themselves, local time zone. */
    public static RunInfo of(BenchmarkConfig config, String aiperfVersion, boolean wasCancelled) {
        return new RunInfo(config, aiperfVersion, wasCancelled, null, null, null);
    }
}
