package io.aiperf.cli;

import io.aiperf.cli.controller.SystemController;
import io.aiperf.core.service.ServiceType;
import io.aiperf.worker.WorkerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code aiperf service --type TYPE --id ID …}: runs one service process. Hidden: only aiperf starts these, with a
 * stdin pipe that ends the process when its parent goes away.
 */
@Command(name = "service", hidden = true, description = "Run one aiperf service process (internal).")
public final class ServiceCommand implements Callable<Integer> {

    @Option(names = "--type", required = true, description = "system_controller or worker")
    String type;

    @Option(names = "--id", required = true)
    String id;

    @Option(names = "--cli-endpoint", description = "controller: the CLI's inbox")
    String cliEndpoint;

    @Option(names = "--events", description = "worker: the controller's PUB endpoint")
    String eventsEndpoint;

    @Option(names = "--credits", description = "worker: the controller's credit ROUTER endpoint")
    String creditsEndpoint;

    @Option(names = "--records", description = "worker: the records manager's PULL endpoint")
    String recordsEndpoint;

    @Option(names = "--log-file", description = "controller: the run's log file, shared with the workers")
    String logFile;

    @Override
    public Integer call() throws Exception {
        // Ctrl-C reaches the whole process group; only the CLI decides what it means.
        SignalSupport.ignoreInterrupt();
        return switch (ServiceType.fromCli(type)) {
            case SYSTEM_CONTROLLER -> new SystemController(id, cliEndpoint, logFile).run();
            case WORKER -> new WorkerService(id, eventsEndpoint, creditsEndpoint, recordsEndpoint).run();
        };
    }
}
