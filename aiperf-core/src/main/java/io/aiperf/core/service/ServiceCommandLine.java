package io.aiperf.core.service;

import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.ServiceEndpoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a service JVM after its main class: {@code service --type worker --id worker-3 --log-file FILE
 * --endpoint CHANNEL=ADDRESS … [--workers N]}, so {@code ps} shows what runs where. {@link JvmLauncher} writes them
 * and the service's main reads them back here. Only aiperf writes them, so they need no help text and no usage
 * message; and reading them here costs nothing, where building picocli's model of even this one command took each
 * service JVM 0.15 s of CPU (measured), four JVMs per run, all on the path to the first request.
 *
 * @param type      which service the JVM runs
 * @param id        its service id ({@code worker-3})
 * @param logFile   the run's log file; the controller hands it on to the services it starts
 * @param endpoints the bus endpoints it connects to
 * @param workers   the controller's workers to start at once, with the records manager, before the run's
 *                  configuration arrives (0: when it does; always 0 for the other types)
 * @param zmqPort   {@code --zmq-port}: the first fixed port of the remote-facing channels, for the controller and
 *                  the records manager, which bind them before the run's configuration arrives (0: ephemeral ports)
 */
public record ServiceCommandLine(ServiceType type, String id, Path logFile, ServiceEndpoints endpoints, int workers,
                                 int zmqPort) {

    /** With ephemeral ports. */
    public ServiceCommandLine(ServiceType type, String id, Path logFile, ServiceEndpoints endpoints, int workers) {
        this(type, id, logFile, endpoints, workers, 0);
    }

    /** The jar's hidden command that runs one service; the first argument after the main class. */
    public static final String COMMAND = "service";

    private static final String TYPE = "--type";
    private static final String ID = "--id";
    private static final String LOG_FILE = "--log-file";
    private static final String WORKERS = "--workers";
    private static final String ZMQ_PORT = "--zmq-port";

    /** The arguments, {@link #COMMAND} first. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(COMMAND, TYPE, type.cliName(), ID, id, LOG_FILE,
                logFile.toString()));
        args.addAll(endpoints.toArgs());
        if (workers > 0) {
            args.add(WORKERS);
            args.add(String.valueOf(workers));
        }
        if (zmqPort > 0) {
            args.add(ZMQ_PORT);
            args.add(String.valueOf(zmqPort));
        }
        return args;
    }

    /**
     * Reads what {@link #toArgs()} wrote, {@link #COMMAND} first.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ServiceCommandLine parse(List<String> args) {
        if (args.isEmpty() || !COMMAND.equals(args.get(0)) || args.size() % 2 == 0) {
            throw new IllegalArgumentException("expected: " + COMMAND + " (--OPTION VALUE)..., got " + args);
        }
        ServiceType type = null;
        String id = null;
        Path logFile = null;
        Map<Channel, String> endpoints = new EnumMap<>(Channel.class);
        int workers = 0;
        int zmqPort = 0;
        for (int i = 1; i < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case TYPE -> type = ServiceType.fromCli(value);
                case ID -> id = value;
                case LOG_FILE -> logFile = Path.of(value);
                case ServiceEndpoints.OPTION -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(ServiceEndpoints.OPTION + " " + value
                                + ": expected CHANNEL=ADDRESS");
                    }
                    endpoints.put(Channel.fromCli(value.substring(0, eq)), value.substring(eq + 1));
                }
                case WORKERS -> workers = Integer.parseInt(value);
                case ZMQ_PORT -> zmqPort = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        if (type == null || id == null || logFile == null) {
            throw new IllegalArgumentException(TYPE + ", " + ID + " and " + LOG_FILE + " are required, got " + args);
        }
        return new ServiceCommandLine(type, id, logFile, new ServiceEndpoints(endpoints), workers, zmqPort);
    }
}
