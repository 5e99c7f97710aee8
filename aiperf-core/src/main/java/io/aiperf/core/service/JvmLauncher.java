package io.aiperf.core.service;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts aiperf service JVMs from the same classpath as this one. Every child gets:
 * its role on the command line ({@link ServiceCommandLine}: {@code service --type worker --id worker-3 …}) so
 * {@code ps} shows what runs where; a stdin pipe only the parent holds (see {@code ParentWatch}); stdout and stderr
 * appended to the run's log file; its type's {@link ServiceType#jvmOptions JVM options}, then the user's
 * {@value #JAVA_OPTS_ENV}. This is the only class that starts processes.
 */
public final class JvmLauncher {

    /** Extra JVM options for service processes, e.g. {@code -Xmx2g}. */
    public static final String JAVA_OPTS_ENV = "AIPERF_SERVICE_JAVA_OPTS";

    /** Read by the CLI when {@code --api-key} is absent; removed from every service's environment. */
    public static final String OPENAI_API_KEY_ENV = "OPENAI_API_KEY";

    /** The jar's one entry point, whose hidden {@code service} command runs a service (aiperf-cli). */
    private static final String MAIN_CLASS = "io.aiperf.cli.AiperfMain";

    /** The log level of a service JVM (logback.xml reads it too). */
    private static final String LOG_LEVEL_PROPERTY = "aiperf.log.level";

    private JvmLauncher() {
    }

    /** This service JVM's log level, as its launcher gave it. */
    public static String logLevel() {
        return System.getProperty(LOG_LEVEL_PROPERTY, "INFO");
    }

    /**
     * @param service what the JVM runs; its output is appended to {@code service.logFile()}
     * @param archive the class-data archive this JVM maps or records ({@link ClassDataArchives}); the caller calls its
     *                {@code afterExit} once the process has exited
     */
    public static Process start(ServiceCommandLine service, String logLevel, ClassDataArchives.ArchiveUse archive)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(service.type().jvmOptions());
        cmd.addAll(archive.jvmOptions());
        String extra = System.getenv(JAVA_OPTS_ENV);
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-D" + LOG_LEVEL_PROPERTY + "=" + logLevel);
        cmd.add("-Daiperf.service.id=" + service.id());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        cmd.addAll(service.toArgs());
        File log = service.logFile().toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectError(ProcessBuilder.Redirect.appendTo(log));
        // The API key reaches the services in the run's configuration, over loopback; no service reads it from its
        // environment, so it is not left there for a crash report or a child of theirs to find.
        pb.environment().remove(OPENAI_API_KEY_ENV);
        return pb.start();
    }
}
