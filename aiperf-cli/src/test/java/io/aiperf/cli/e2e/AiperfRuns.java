package io.aiperf.cli.e2e;

import io.aiperf.worker.WorkerService;

import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import io.netty.handler.ssl.SslContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test's runs of the real {@code bin/aiperf}, typed as a user types them, and the real mock server they go to.
 * Register one per test class ({@code @RegisterExtension final AiperfRuns aiperf = new AiperfRuns();}): each test
 * gets its own directory (the runs' working directory), at most one in-process {@link MockServer} on an ephemeral
 * port, and afterwards its mock is closed, any run still alive is killed and its directory is deleted.
 *
 * <p>{@link #profile} adds to the test's arguments only what a run against the mock needs and the test does not
 * care about: {@code -u 127.0.0.1:<mock port>} (unless the test names its own {@code -u}/{@code --url} or started
 * no mock), {@code --tokenizer builtin} (unless the test names its own) and a fresh {@code --artifact-dir} (unless
 * the test names its own).
 * {@link #run} runs exactly the argv it is given.
 *
 * <p>{@link #within}, {@link #withEnv} and {@link #inDir} return views of the same test (same directory, same mock)
 * whose runs differ in that one respect.
 *
 * <p>A test whose runs' logs report a Netty leak fails afterwards; {@link #withParanoidLeakDetection} makes the
 * detector track every buffer ({@link NettyLeaks}).
 */
final class AiperfRuns implements BeforeEachCallback, AfterEachCallback {

    /** Enough for every JVM's cold start on a loaded 2-core machine; a run that hangs still fails its test. */
    private static final long DEFAULT_TIMEOUT_SECONDS = 180;

    /** What the views of one test share. */
    private static final class TestState {
        Path dir;
        MockServer mock;
        int artifactDirs;
        final List<RunningAiperf> launched = new ArrayList<>();
    }

    private final TestState test;
    private final String workDirName;
    private final Map<String, String> env;
    private final long timeoutSeconds;

    AiperfRuns() {
        this(new TestState(), null, Map.of(), DEFAULT_TIMEOUT_SECONDS);
    }

    private AiperfRuns(TestState test, String workDirName, Map<String, String> env, long timeoutSeconds) {
        this.test = test;
        this.workDirName = workDirName;
        this.env = Map.copyOf(env);
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Runs that must finish within {@code seconds} (default 180). */
    AiperfRuns within(long seconds) {
        return new AiperfRuns(test, workDirName, env, seconds);
    }

    /** Runs with {@code vars} added to their environment (see {@link AiperfProcess#start}). */
    AiperfRuns withEnv(Map<String, String> vars) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(vars);
        return new AiperfRuns(test, workDirName, merged, timeoutSeconds);
    }

    /**
     * Runs whose service JVMs track every Netty buffer ({@code -Dio.netty.leakDetection.level=paranoid}); register
     * the extension as {@code new AiperfRuns().withParanoidLeakDetection()} for a whole test class.
     */
    AiperfRuns withParanoidLeakDetection() {
        String own = env.get(AiperfProcess.SERVICE_JAVA_OPTS);
        return withEnv(Map.of(AiperfProcess.SERVICE_JAVA_OPTS,
                own == null ? NettyLeaks.PARANOID : NettyLeaks.PARANOID + " " + own));
    }

    /**
     * Runs whose workers skip their loopback warm-up ({@code -Daiperf.worker.warmup=false}), for classes that check
     * what is sent and exported, not how fast (EndpointsIT's 11 runs: 67.4 s with it, 49.8 s without, clean-clone
     * {@code .ci/run}). A class that asserts timing keeps it.
     */
    AiperfRuns withoutWorkerWarmup() {
        String own = env.get(AiperfProcess.SERVICE_JAVA_OPTS);
        String skip = "-D" + WorkerService.WARMUP_PROPERTY + "=false";
        return withEnv(Map.of(AiperfProcess.SERVICE_JAVA_OPTS, own == null ? skip : own + " " + skip));
    }

    /** Runs whose working directory (and so default caches) is {@code name} inside the test's directory. */
    AiperfRuns inDir(String name) {
        return new AiperfRuns(test, name, env, timeoutSeconds);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        test.dir = Files.createTempDirectory("aiperf-e2e-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (RunningAiperf run : test.launched) {
            if (run.process().isAlive()) {
                run.destroyWithDescendants();
                run.process().onExit().join();
            }
        }
        stopMock();
        List<String> leaks = NettyLeaks.reportedUnder(test.dir);
        deleteTree(test.dir);
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leak(s) in the service JVMs' logs; the first:\n"
                    + String.join("\n", leaks.subList(0, Math.min(3, leaks.size()))));
        }
    }

    /** The test's own directory: for the files it writes (traces, datasets, templates) and relative paths. */
    Path dir() {
        return test.dir;
    }

    /** Starts the test's mock server, closing the one it had: every later {@link #profile} run goes to it. */
    MockServer startMock(MockConfig config) {
        return startMock(config, null);
    }

    /**
     * {@link #startMock(MockConfig)} serving HTTPS with {@code tls} (null: plain HTTP); then {@link #profile} runs go
     * to its {@code https://} URL.
     */
    MockServer startMock(MockConfig config, SslContext tls) {
        stopMock();
        test.mock = MockServer.start(config, tls);
        return test.mock;
    }

    /** The mock server {@link #startMock} started. */
    MockServer mock() {
        if (test.mock == null) {
            throw new IllegalStateException("this test started no mock server");
        }
        return test.mock;
    }

    /** Closes the mock server now, as a server going away mid-run would. */
    void stopMock() {
        if (test.mock != null) {
            test.mock.close();
            test.mock = null;
        }
    }

    /** The requests the mock received by {@code X-Request-ID} (a repeated ID keeps its last request). */
    Map<String, RequestRecord> requestsById() {
        Map<String, RequestRecord> byId = new LinkedHashMap<>();
        for (RequestRecord request : mock().requestLog()) {
            byId.put(request.xRequestId(), request);
        }
        return byId;
    }

    /** {@code bin/aiperf profile} with {@code args} after the common ones (see the class comment); waits for it. */
    AiperfRun profile(String... args) throws Exception {
        return profile(List.of(args));
    }

    AiperfRun profile(List<String> args) throws Exception {
        return startProfile(args).awaitExit(timeoutSeconds);
    }

    /** {@link #profile} without waiting, for tests that act on the run while it goes. */
    RunningAiperf startProfile(String... args) throws IOException {
        return startProfile(List.of(args));
    }

    /** The {@code --artifact-dir} the next {@link #profile} run will get, for a test that prepares it. */
    Path nextArtifactDir() {
        int next = test.artifactDirs + 1;
        return workDir().resolve(next == 1 ? "run" : "run-" + next);
    }

    private RunningAiperf startProfile(List<String> args) throws IOException {
        Path artifacts = nextArtifactDir();
        test.artifactDirs++;
        List<String> argv = new ArrayList<>(List.of("profile"));
        if (test.mock != null && !names(args, "-u", "--url")) {
            argv.addAll(List.of("-u", test.mock.baseUrl().startsWith("https://") ? test.mock.baseUrl()
                    : "127.0.0.1:" + test.mock.port()));
        }
        if (!names(args, "--tokenizer")) {
            argv.addAll(List.of("--tokenizer", "builtin"));
        }
        String ownDir = valueOf(args, "--artifact-dir");
        if (ownDir != null) {
            artifacts = workDir().resolve(ownDir);
        } else {
            argv.addAll(List.of("--artifact-dir", artifacts.toString()));
        }
        argv.addAll(args);
        return launch(argv, artifacts);
    }

    /** {@code bin/aiperf} with exactly {@code argv}; waits for it. */
    AiperfRun run(String... argv) throws Exception {
        return launch(List.of(argv), null).awaitExit(timeoutSeconds);
    }

    private RunningAiperf launch(List<String> argv, Path artifacts) throws IOException {
        Path workDir = workDir();
        RunningAiperf run = new RunningAiperf(AiperfProcess.start(workDir, argv, env), argv, workDir, artifacts);
        test.launched.add(run);
        return run;
    }

    private Path workDir() {
        if (test.dir == null) {
            throw new IllegalStateException("register AiperfRuns with @RegisterExtension on an instance field");
        }
        return workDirName == null ? test.dir : test.dir.resolve(workDirName);
    }

    private static boolean names(List<String> args, String... options) {
        for (String arg : args) {
            for (String option : options) {
                if (arg.equals(option) || arg.startsWith(option + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value the test gave {@code option} ({@code --opt value} or {@code --opt=value}), or null. */
    private static String valueOf(List<String> args, String option) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(option) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(option + "=")) {
                return args.get(i).substring(option.length() + 1);
            }
        }
        return null;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
