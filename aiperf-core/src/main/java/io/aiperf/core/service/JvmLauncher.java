package io.aiperf.core.service;

import io.aiperf.core.bus.ServiceEndpoints;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts aiperf service JVMs from the same classpath as this one. Every child gets:
 * its role on the command line ({@code service --type worker --id worker-3}) so {@code ps} shows what runs where;
 * a stdin pipe only the parent holds (see {@code ParentWatch}); stdout and stderr appended to the run's log file;
 * the bus endpoints it connects to as {@code --endpoint CHANNEL=ADDRESS} ({@link ServiceEndpoints}).
 * This is the only class that starts processes.
 */
public final class JvmLauncher {

    /** Extra JVM options for service processes, e.g. {@code -Xmx2g}. */
    public static final String JAVA_OPTS_ENV = "AIPERF_SERVICE_JAVA_OPTS";

    /** The jar's one entry point, whose hidden {@code service} command runs a service (aiperf-cli). */
    private static final String MAIN_CLASS = "io.aiperf.cli.AiperfMain";

    /** Every service gets the run's log file: the controller hands it on to the services it starts. */
    public static final String LOG_FILE_OPTION = "--log-file";

    /**
     * The controller's option: how many workers to start, with the records manager, as soon as its sockets are bound
     * (before the run's configuration arrives), so their JVMs boot while the CLI and the controller get the run ready.
     */
    public static final String WORKERS_OPTION = "--workers";

    /** The log level of a service JVM (logback.xml reads it too). */
    private static final String LOG_LEVEL_PROPERTY = "aiperf.log.level";

    private JvmLauncher() {
    }

    /** This service JVM's log level, as its launcher gave it. */
    public static String logLevel() {
        return System.getProperty(LOG_LEVEL_PROPERTY, "INFO");
    }

    /**
     * @param archive     the class-data archive this JVM maps or records ({@link ClassDataArchives}); the caller calls
     *                    its {@code afterExit} once the process has exited
     * @param serviceArgs options of this service type, after the common ones
     */
    public static Process start(ServiceType type, String id, String logLevel, Path logFile, ServiceEndpoints endpoints,
                                ClassDataArchives.ArchiveUse archive, List<String> serviceArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(archive.jvmOptions());
        String extra = System.getenv(JAVA_OPTS_ENV);
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-D" + LOG_LEVEL_PROPERTY + "=" + logLevel);
        cmd.add("-Daiperf.service.id=" + id);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        cmd.add("service");
        cmd.add("--type");
        cmd.add(type.cliName());
        cmd.add("--id");
        cmd.add(id);
        cmd.add(LOG_FILE_OPTION);
        cmd.add(logFile.toString());
        cmd.addAll(endpoints.toArgs());
        cmd.addAll(serviceArgs);
        File log = logFile.toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectError(ProcessBuilder.Redirect.appendTo(log));
        return pb.start();
    }
}
