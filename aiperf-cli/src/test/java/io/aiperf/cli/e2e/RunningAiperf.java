package io.aiperf.cli.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A run of {@code bin/aiperf} still going, for tests that act on it (a signal, a server going away) before it ends. */
final class RunningAiperf {

    private final Process process;
    private final List<String> argv;
    private final Path workDir;
    private final Path artifacts;

    RunningAiperf(Process process, List<String> argv, Path workDir, Path artifacts) {
        this.process = process;
        this.argv = List.copyOf(argv);
        this.workDir = workDir;
        this.artifacts = artifacts;
    }

    /** The CLI's own process: the one a user's terminal signals. */
    Process process() {
        return process;
    }

    /** Waits for the CLI to exit; one still running after {@code timeoutSeconds} is killed and fails the test. */
    AiperfRun awaitExit(long timeoutSeconds) throws Exception {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            destroyWithDescendants();
            throw new AssertionError("aiperf did not finish within " + timeoutSeconds + " s: " + argv
                    + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        return new AiperfRun(process.exitValue(), stdout(), stderr(), artifacts);
    }

    /** SIGKILL to the CLI and every process it started that is still a descendant. */
    void destroyWithDescendants() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private String stdout() throws IOException {
        return AiperfProcess.read(workDir.resolve("stdout.txt"));
    }

    private String stderr() throws IOException {
        return AiperfProcess.read(workDir.resolve("stderr.txt"));
    }
}
