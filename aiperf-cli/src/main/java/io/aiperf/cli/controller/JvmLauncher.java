package io.aiperf.cli.controller;

import io.aiperf.core.service.ServiceType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts aiperf service JVMs from the same classpath as this one. Every child gets:
 * its role on the command line ({@code service --type worker --id worker-3}) so {@code ps} shows what runs where;
 * a stdin pipe only the parent holds (see {@code ParentWatch}); stdout and stderr appended to the run's log file.
 * This is the only class that starts processes.
 */
public final class JvmLauncher {

    /** Extra JVM options for service processes, e.g. {@code -Xmx2g}. */
    public static final String JAVA_OPTS_ENV = "AIPERF_SERVICE_JAVA_OPTS";

    private JvmLauncher() {
    }

    public static Process start(ServiceType type, String id, String logLevel, Path logFile, List<String> args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String extra = System.getenv(JAVA_OPTS_ENV);
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-Daiperf.log.level=" + logLevel);
        cmd.add("-Daiperf.service.id=" + id);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.aiperf.cli.AiperfMain");
        cmd.add("service");
        cmd.add("--type");
        cmd.add(type.cliName());
        cmd.add("--id");
        cmd.add(id);
        cmd.addAll(args);
        File log = logFile.toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectError(ProcessBuilder.Redirect.appendTo(log));
        return pb.start();
    }
}
