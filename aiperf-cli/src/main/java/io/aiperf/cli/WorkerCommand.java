package io.aiperf.cli;

import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.error.UsageException;
import io.aiperf.core.service.HostName;
import io.aiperf.worker.WorkerService;
import io.aiperf.core.bus.ControllerAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code aiperf worker --controller HOST[:PORT]} (ours): a worker JVM started on its own, on any host, that joins the
 * run of an {@code aiperf profile --remote-workers N} and takes its share of the load, exactly as a worker the
 * controller starts ({@link WorkerService#joining}). It serves one run and exits (with {@code --keep-serving}, one
 * run after another until one fails): 0 when the run ended, 1 when it was refused (another build, its id taken, the
 * run full or started), when no run answered in time, or when the controller fell silent.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Join a run on another host as one of its workers.",
        description = {"Connects to the controller of an `aiperf profile --remote-workers N` (its --zmq-host and "
                + "--zmq-port), joins the run when it starts, sends its share of the requests, and exits when the "
                + "run is over. Start it before or after the profile command: it waits for the run.",
                "The run's configuration, credentials included, comes from the controller over the bus; the "
                        + "controller's host writes every export."})
public final class WorkerCommand implements Callable<Integer> {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Spec
    CommandSpec spec;

    @Option(names = "--controller", required = true, paramLabel = "HOST[:PORT]",
            description = "The controller's host and its --zmq-port (default port: "
                    + ServiceConfig.DEFAULT_ZMQ_PORT + ").")
    String controller;

    @Option(names = "--id", paramLabel = "NAME",
            description = "This worker's id in the run's records and tables (default: HOST-PID); unique in the run.")
    String id;

    @Option(names = "--join-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the run to start and accept this worker (default: ${DEFAULT-VALUE}).")
    double joinTimeoutSeconds;

    @Option(names = "--keep-serving",
            description = "After a run ends, wait for the next one at the same address (a sweep's levels, repeated "
                    + "runs); stop with Ctrl-C. Without it the worker serves one run and exits.")
    boolean keepServing;

    @Override
    public Integer call() throws IOException {
        ControllerAddress address;
        try {
            address = ControllerAddress.parse(controller);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String workerId = id == null ? defaultId() : id.strip();
        if (!ID.matcher(workerId).matches()) {
            throw new UsageException("--id '" + id + "': expected up to 100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (!(joinTimeoutSeconds > 0) || Double.isInfinite(joinTimeoutSeconds)) {
            throw new UsageException("--join-timeout: expected seconds greater than 0");
        }
        PrintWriter err = spec.commandLine().getErr();
        while (true) {
            err.println("aiperf worker: " + workerId + " waiting for the run at " + address);
            err.flush();
            int code = WorkerService.joining(workerId, address, line -> {
                err.println(line);
                err.flush();
            }, joinTimeoutSeconds).run();
            if (!keepServing || code != 0) {
                return code;
            }
        }
    }

    private static String defaultId() {
        String host = HostName.local();
        String clean = (host == null ? "worker" : host).replaceAll("[^A-Za-z0-9._-]", "-");
        return (clean.isEmpty() ? "worker" : clean) + "-" + ProcessHandle.current().pid();
    }
}
