package io.aiperf.cli.e2e;

import io.aiperf.worker.WorkerService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code aiperf worker --controller HOST:PORT} JVM, started as a user starts it on another host: the real jar,
 * run directly by {@code java} (so this process is the worker's JVM, the one a signal or a frozen host reaches),
 * optionally inside a network namespace ({@code ip netns exec}, which execs in place). Its console goes to
 * {@code <id>.stderr.txt} in the test's directory. It skips its loopback warm-up: these tests check who sent what,
 * not how fast.
 */
final class JoiningWorker implements AutoCloseable {

    private final String id;
    private final Process process;
    private final Path stderr;

    private JoiningWorker(String id, Process process, Path stderr) {
        this.id = id;
        this.process = process;
        this.stderr = stderr;
    }

    /**
     * Starts worker {@code id} joining the controller at {@code controller} ({@code HOST:BASE}).
     *
     * @param namespace the network namespace to run it in; null: this host's network
     */
    static JoiningWorker start(Path dir, String id, String controller, NetworkNamespace namespace, String... extra)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        if (namespace != null) {
            cmd.addAll(namespace.execPrefix());
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-D" + WorkerService.WARMUP_PROPERTY + "=false");
        cmd.addAll(List.of("-jar", AiperfProcess.repoRoot().resolve("aiperf-cli/target/aiperf.jar").toString(),
                "worker", "--controller", controller, "--id", id));
        cmd.addAll(List.of(extra));
        Files.createDirectories(dir);
        Path stderr = dir.resolve(id + ".stderr.txt");
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(id + ".stdout.txt").toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new JoiningWorker(id, p, stderr);
    }

    String id() {
        return id;
    }

    /** The worker's JVM. */
    ProcessHandle jvm() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed for its user so far. */
    String stderr() throws IOException {
        return AiperfProcess.read(stderr);
    }

    /** Waits until its console has a line containing {@code part}; fails after {@code seconds}. */
    void awaitLine(String part, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!stderr().contains(part)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(id + " printed no line with '" + part + "' within " + seconds + " s"
                        + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")") + ":\n" + stderr());
            }
            Thread.sleep(50);
        }
    }

    /** Its exit code; a worker still running after {@code seconds} is killed and fails the test. */
    int awaitExit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            close();
            throw new AssertionError(id + " did not exit within " + seconds + " s:\n" + stderr());
        }
        return process.exitValue();
    }

    /** {@code kill -SIGNAL} its JVM: {@code STOP} freezes it as a hung host would, {@code CONT} thaws it. */
    void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Kills it if it is still there (SIGKILL ends a stopped JVM too). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }
}
