package io.aiperf.core.service;

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

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServiceType fromCli(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
