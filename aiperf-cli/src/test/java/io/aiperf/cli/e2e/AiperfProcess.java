package io.aiperf.cli.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the real {@code bin/aiperf} launcher (and so every JVM it starts) sealed off from the developer's machine,
 * and finds the service JVMs it leaves behind. Tests run it through {@link AiperfRuns}.
 */
final class AiperfProcess {

    /** The service JVMs' extra options (JvmLauncher.JAVA_OPTS_ENV); a test's own come after the leak detector's. */
    static final String SERVICE_JAVA_OPTS = "AIPERF_SERVICE_JAVA_OPTS";

    static Path repoRoot() {
        return Path.of(System.getProperty("aiperf.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** The shared real tokenizers (CI has them beside the clone); null when absent. */
    static Path sharedTokenizer(String name) {
        Path dir = Path.of(System.getProperty("aiperf.tokenizers.dir",
                repoRoot().resolve("../shared/tokenizers").toString())).resolve(name);
        return Files.exists(dir.resolve("tokenizer.json")) ? dir.toAbsolutePath().normalize() : null;
    }

    /**
     * Starts {@code bin/aiperf} with {@code env} added to this JVM's environment. Unless {@code env} says otherwise,
     * the Hugging Face hub is a closed local port and every cache lives in {@code workDir} (the class-data archives
     * in the build's {@code target/}), so no run reaches the internet or reads or writes the developer's caches.
     * A suite-wide Netty leak level goes in front of the service JVMs' options ({@link NettyLeaks}).
     */
    static Process start(Path workDir, List<String> args, Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(repoRoot().resolve("bin/aiperf").toString());
        cmd.addAll(args);
        Files.createDirectories(workDir);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> environment = pb.environment();
        environment.remove("HF_TOKEN");
        environment.remove("HUGGING_FACE_HUB_TOKEN");
        environment.remove("HF_HOME");
        // A developer's own key or TLS switch must not reach a test's run unless the test sets it.
        environment.remove("OPENAI_API_KEY");
        environment.remove("AIPERF_HTTP_SSL_VERIFY");
        environment.put("HF_ENDPOINT", closedEndpoint());
        environment.put("HF_HUB_CACHE", workDir.resolve(".hf-hub-cache").toString());
        environment.put("AIPERF_CACHE_DIR", workDir.resolve(".aiperf-cache").toString());
        // One set of class-data archives for the whole suite: only the first run records them (and exits seconds
        // later while it writes them); every other run maps them, as a user's second run does.
        environment.put("AIPERF_CDS_DIR", repoRoot().resolve("aiperf-cli/target/it-cds").toString());
        environment.putAll(env);
        String serviceOptions = NettyLeaks.withSuiteLevel(environment.get(SERVICE_JAVA_OPTS));
        if (serviceOptions.isEmpty()) {
            environment.remove(SERVICE_JAVA_OPTS);
        } else {
            environment.put(SERVICE_JAVA_OPTS, serviceOptions);
        }
        return pb.start();
    }

    /** {@code http://127.0.0.1:<port>} with nothing listening (a port that was free a moment ago). */
    static String closedEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /**
     * Service JVMs (controller, workers) still alive that were started from this checkout's jar. Runs of other
     * checkouts on the same machine are neither counted nor touched, so suites of several clones can run at once.
     */
    static List<ProcessHandle> liveServiceJvms() {
        String jar = realPath(repoRoot()).resolve("aiperf-cli/target/aiperf.jar").toString(); // bin/aiperf uses cd -P
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(h -> {
                    String args = h.info().arguments().map(a -> String.join(" ", a)).orElse("");
                    return args.contains("io.aiperf.cli.AiperfMain service") && args.contains(jar);
                })
                .toList();
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private AiperfProcess() {
    }
}
