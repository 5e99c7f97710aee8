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
    RECORDS_MANAGER;

    /**
     * JVM options of this service type, before the user's {@code AIPERF_SERVICE_JAVA_OPTS} (which win). The
     * controller and the records manager run C1-compiled code only: their work per request is small, and in runs of
     * the length people benchmark with, compiling it with C2 cost them more CPU than it saved, on the cores the
     * workers and the server need (burst c64, 100,000 requests, mock --fast, same run: controller 7.98 -> 5.26 s and
     * records manager 7.38 -> 4.88 s of CPU). The price is paid per request: C1 code roughly doubles their CPU per
     * request at steady state (controller 14.8 -> 29.9 us), so past ~200,000 requests the tiered compiler would win;
     * {@code -XX:TieredStopAtLevel=4} in {@code AIPERF_SERVICE_JAVA_OPTS} restores it. The worker keeps the tiered
     * compiler: its SSE path costs 31 % more CPU per event under C1 alone (4.41 -> 5.77 us, c64, OSL 500).
     */
    public List<String> jvmOptions() {
        return this == WORKER ? List.of() : List.of("-XX:TieredStopAtLevel=1");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceType fromCli(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
