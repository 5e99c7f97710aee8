package io.aiperf.core.service;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of process an aiperf run is made of; each JVM's command line names its type ({@code --type}), so
 * {@code ps} shows what runs where. Each type's entry class sits at the root of its module.
 */
public enum ServiceType {
    /** {@code io.aiperf.core.SystemController} (aiperf-core): the run's life, the load engine, the supervisor. */
    SYSTEM_CONTROLLER,
    /** {@code io.aiperf.worker.WorkerService} (aiperf-worker): credits in, HTTP requests out, records out. */
    WORKER,
    /** {@code io.aiperf.records.RecordsManager} (aiperf-records): records in, metrics, every export file. */
    RECORDS_MANAGER,
    /**
     * {@code io.aiperf.telemetry.TelemetryManager} (aiperf-telemetry): scrapes the GPUs' DCGM exporters and the
     * server's Prometheus metrics beside the run, never on the request path.
     */
    TELEMETRY_MANAGER;

    /**
     * JVM options of this service type, before the user's {@code AIPERF_SERVICE_JAVA_OPTS} (which win). Every service
     * runs C1-compiled code only ({@code -XX:TieredStopAtLevel=1}): in runs of the length people benchmark with, C2's
     * compiles cost more CPU than they save, on the cores the workers and the server need, and they land in the
     * run's first seconds, where they show up as send lag and time-to-first-token error. Measured on 2 cores, mock
     * {@code --fast} on the same cores, same conditions, tiered then C1 for the worker:
     * <ul>
     *   <li>burst c64, 1-token answers, 100,000 requests: 5,831 -> 8,749 req/s, worker CPU 19.6 -> 8.7 s (20,000
     *       requests: 3,646 -> 4,873 req/s);</li>
     *   <li>streaming c16, mock 30 ms TTFT: TTFT error against the mock's write stamps after the first wave p50
     *       1.00 -> 0.45 ms, p99 13.5 -> 4.8 ms;</li>
     *   <li>the price, streaming c64 with 500-token answers (2,000,000 SSE events): 126,970 -> 117,751 events/s end to
     *       end, 5.4 -> 6.3 us of worker CPU per event at steady state (total worker CPU 16.0 -> 14.8 s).</li>
     * </ul>
     * The controller and the records manager were switched first (100,000-request burst: controller 7.98 -> 5.26 s,
     * records manager 7.38 -> 4.88 s of CPU). Runs long enough to amortize C2 (millions of streamed tokens per
     * worker) can restore the tiered compiler with {@code AIPERF_SERVICE_JAVA_OPTS=-XX:TieredStopAtLevel=4}.
     *
     * <p>The controller and the records manager also use the serial collector: their live heap is small (33-34 MiB,
     * flat, in a 10-minute streaming soak) but G1 kept growing their committed heap on a busy 2-core machine, to
     * 734 and 736 MiB of RSS by the end of bench/soak.sh (600 s at 40 req/s with faults); with the serial collector
     * the same soak ended at 212 and 203 MiB, flat from its middle on. The worker keeps G1 (307 MiB, flat).
     */
    public List<String> jvmOptions() {
        return this == WORKER ? List.of("-XX:TieredStopAtLevel=1")
                : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceType fromCli(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
