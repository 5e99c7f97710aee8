package io.aiperf.cli;

import io.aiperf.core.SystemController;
import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.service.JvmLauncher;
import io.aiperf.core.service.Service;
import io.aiperf.core.service.ServiceType;
import io.aiperf.records.RecordsManager;
import io.aiperf.worker.WorkerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code aiperf service --type TYPE --id ID --log-file FILE --endpoint CHANNEL=ADDRESS …}: runs one service process
 * by building its type's entry class. Hidden: only aiperf starts these ({@link JvmLauncher}), with a stdin pipe
 * that ends the process when its parent goes away. {@link AiperfMain} parses it on its own, without the user's
 * commands.
 */
@Command(name = "service", hidden = true, description = "Run one aiperf service process (internal).")
public final class ServiceCommand implements Callable<Integer> {

    @Option(names = "--type", required = true, description = "system_controller, worker or records_manager")
    String type;

    @Option(names = "--id", required = true)
    String id;

    @Option(names = JvmLauncher.LOG_FILE_OPTION, required = true,
            description = "the run's log file; the controller hands it on to the services it starts")
    Path logFile;

    @Option(names = ServiceEndpoints.OPTION, paramLabel = "CHANNEL=ADDRESS",
            description = "a bus endpoint to connect to; repeatable")
    Map<Channel, String> endpoints = Map.of();

    @Option(names = JvmLauncher.WORKERS_OPTION, description = "system_controller: workers to start at once")
    int workers;

    @Override
    public Integer call() throws Exception {
        // Ctrl-C reaches the whole process group; only the CLI decides what it means.
        SignalSupport.ignoreInterrupt();
        ServiceEndpoints bus = new ServiceEndpoints(endpoints);
        Service service = switch (ServiceType.fromCli(type)) {
            case SYSTEM_CONTROLLER -> new SystemController(id, bus, logFile, workers);
            case WORKER -> new WorkerService(id, bus);
            case RECORDS_MANAGER -> new RecordsManager(id, bus);
        };
        return service.run();
    }
}
