package io.aiperf.cli;

import io.aiperf.core.SystemController;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.service.JvmLauncher;
import io.aiperf.core.service.Service;
import io.aiperf.core.service.ServiceCommandLine;
import io.aiperf.records.RecordsManager;
import io.aiperf.telemetry.TelemetryManager;
import io.aiperf.worker.WorkerService;

import java.util.List;

/**
 * {@code aiperf service --type TYPE --id ID …} ({@link ServiceCommandLine}): runs one service process by building its
 * type's entry class. Only aiperf starts these ({@link JvmLauncher}), with a stdin pipe that ends the process when
 * its parent goes away; {@link AiperfMain} hands them here before any picocli model is built.
 */
final class ServiceMain {

    private ServiceMain() {
    }

    /** @param args the whole command line, {@link ServiceCommandLine#COMMAND} first */
    static int run(String[] args) {
        ServiceCommandLine line;
        try {
            line = ServiceCommandLine.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("aiperf service: error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // Ctrl-C reaches the whole process group, and so does the SIGTERM of `timeout`, a batch scheduler or a
        // container stop: only the CLI decides what they mean (a clean stop that writes every export). A service
        // whose CLI is gone exits on its own (the stdin pipe), so nothing is left that only SIGKILL would end.
        SignalSupport.ignoreInterrupt();
        SignalSupport.ignoreTerminate();
        Service service = switch (line.type()) {
            case SYSTEM_CONTROLLER -> new SystemController(line.id(), line.endpoints(), line.logFile(), line.workers(),
                    line.zmqPort());
            case WORKER -> new WorkerService(line.id(), line.endpoints());
            case RECORDS_MANAGER -> new RecordsManager(line.id(), line.endpoints(), line.zmqPort());
            case TELEMETRY_MANAGER -> new TelemetryManager(line.id(), line.endpoints());
        };
        try {
            return service.run();
        } catch (Exception e) {
            System.err.println("aiperf service: error: " + OneLine.of(e));
            return ExitCodes.of(e);
        }
    }
}
