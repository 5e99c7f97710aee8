package io.aiperf.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/aiperf} launcher (and so every JVM it starts) and captures what the user would see. */
final class AiperfProcess {

    static Path repoRoot() {
        return Path.of(System.getProperty("aiperf.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** The shared real tokenizers (CI has them beside the clone); null when absent. */
    static Path sharedTokenizer(String name) {
        Path dir = Path.of(System.getProperty("aiperf.tokenizers.dir",
                repoRoot().resolve("../shared/tokenizers").toString())).resolve(name);
        return Files.exists(dir.resolve("tokenizer.json")) ? dir.toAbsolutePath().normalize() : null;
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Process start(Path workDir, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(repoRoot().resolve("bin/aiperf").toString());
        cmd.addAll(args);
        Files.createDirectories(workDir);
        return new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    static Result run(Path workDir, List<String> args, long timeoutSeconds) throws Exception {
        Process p = start(workDir, args);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("aiperf did not finish within " + timeoutSeconds + " s; stdout:\n"
                    + read(workDir.resolve("stdout.txt")) + "\nstderr:\n" + read(workDir.resolve("stderr.txt")));
        }
        return new Result(p.exitValue(), read(workDir.resolve("stdout.txt")), read(workDir.resolve("stderr.txt")));
    }

    static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** Service JVMs (controller, workers) of any aiperf run still alive on this machine. */
    static List<ProcessHandle> liveServiceJvms() {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a)).orElse("")
                        .contains("io.aiperf.cli.AiperfMain service"))
                .toList();
    }

    private AiperfProcess() {
    }
}
