package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.core.message.BusProtocol;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.Heartbeat;
import io.aiperf.core.message.Message.JoinRefused;
import io.aiperf.core.message.Message.WorkerJoin;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.service.AiperfVersion;
import io.aiperf.mock.MockConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers that join a run from other hosts ({@code aiperf profile --remote-workers N --zmq-port BASE} and
 * {@code aiperf worker --controller HOST:BASE}), with the real processes and the real mock: they share the run as
 * local workers do, another build is refused, a joined worker that dies or is cut off is lost like a dead local one,
 * and a port in use is one line. When the suite runs as root with {@code ip netns}, the joined workers of the
 * first test run in network namespaces (a veth pair each, the mock and the bus on the host end's address), so their
 * traffic crosses a real interface; elsewhere they run over loopback. The class says which on its output.
 */
class ScaleOutIT {

    /** The same benchmark in every run: fixed seed, fixed ISL/OSL (the mock answers every token). */
    private static final List<String> BENCHMARK = List.of("-m", "m", "--streaming", "--isl", "16", "--osl", "10",
            "--extra-inputs", "ignore_eos:true", "--random-seed", "7");

    private static boolean namespaces;
    private static final List<NetworkNamespace> made = new ArrayList<>();

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(90).withoutWorkerWarmup();

    private final List<JoiningWorker> workers = new ArrayList<>();

    @BeforeAll
    static void chooseNetwork() throws IOException {
        namespaces = NetworkNamespace.available();
        if (namespaces) {
            made.add(NetworkNamespace.create(1));
            made.add(NetworkNamespace.create(2));
            System.out.println("ScaleOutIT: joined workers run in network namespaces " + made);
        } else {
            System.out.println("ScaleOutIT: joined workers run over loopback (network namespaces need root and "
                    + "`ip netns`)");
        }
    }

    @AfterAll
    static void removeNamespaces() {
        made.forEach(NetworkNamespace::close);
        made.clear();
    }

    @AfterEach
    void stopEverything() {
        workers.forEach(JoiningWorker::close);
        AiperfProcess.liveServiceJvms().forEach(ProcessHandle::destroyForcibly);
    }

    private JoiningWorker startWorker(String id, String controller, NetworkNamespace ns) throws IOException {
        JoiningWorker w = JoiningWorker.start(aiperf.dir().resolve("workers"), id, controller, ns);
        workers.add(w);
        return w;
    }

    @Test
    void joinedWorkersShareTheRunAndItsTotalsEqualALocalRuns() throws Exception {
        String host = namespaces ? made.get(0).hostAddress() : "127.0.0.1";
        NetworkNamespace nsA = namespaces ? made.get(0) : null;
        NetworkNamespace nsB = namespaces ? made.get(1) : null;
        List<String> load = new ArrayList<>(BENCHMARK);
        load.addAll(List.of("--request-count", "120", "--concurrency", "6"));

        aiperf.startMock(MockConfig.ephemeral().withHost(host).withTiming(20, 5));
        String url = host + ":" + aiperf.mock().port();
        List<String> local = new ArrayList<>(load);
        local.addAll(List.of("-u", url, "--workers-max", "3"));
        AiperfRun allLocal = aiperf.profile(local);
        assertThat(allLocal.exitCode()).as(allLocal.stderr()).isZero();
        int localServed = aiperf.mock().requestLog().size();

        aiperf.startMock(MockConfig.ephemeral().withHost(host).withTiming(20, 5));
        url = host + ":" + aiperf.mock().port();
        int base = freeBase(host);
        String controller = host + ":" + base;
        JoiningWorker early = startWorker("joined-a", controller, nsA);
        early.awaitLine("waiting for the run at " + controller, 30);
        List<String> joined = new ArrayList<>(load);
        joined.addAll(List.of("-u", url, "--workers-max", "1", "--remote-workers", "2", "--zmq-host", host,
                "--zmq-port", String.valueOf(base)));
        long launchedEpochNs = epochNowNs();
        RunningAiperf cli = aiperf.startProfile(joined.toArray(String[]::new));
        awaitStdout("waiting up to", 60);
        JoiningWorker late = startWorker("joined-b", controller, nsB);
        AiperfRun r = cli.awaitExit(90);
        long exitedEpochNs = epochNowNs();

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("run: aiperf worker --controller " + controller)
                .contains("worker joined-a joined from").contains("worker joined-b joined from")
                .contains(": 2 of 2");
        for (JoiningWorker w : List.of(early, late)) {
            assertThat(w.awaitExit(30)).as(w.stderr()).isZero();
            assertThat(w.stderr()).as(w.id())
                    .containsPattern(w.id() + " joined the run at " + controller.replace(".", "\\.")
                            + "; the controller's clock is known to ±[0-9.]+ ms")
                    .contains("the run is over");
        }

        JsonNode localSummary = allLocal.summary();
        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asLong()).isEqualTo(120)
                .isEqualTo(localSummary.at("/request_count/avg").asLong());
        assertThat(summary.at("/error_request_count/avg").asLong())
                .isEqualTo(localSummary.at("/error_request_count/avg").asLong());
        List<JsonNode> records = r.records();
        assertThat(sum(records, "input_sequence_length")).isEqualTo(sum(allLocal.records(), "input_sequence_length"));
        assertThat(sum(records, "output_sequence_length"))
                .isEqualTo(sum(allLocal.records(), "output_sequence_length")).isEqualTo(120 * 10);
        assertThat(localServed).isEqualTo(120);
        assertThat(aiperf.mock().requestLog()).as("the server saw every request once").hasSize(120);

        Map<String, List<JsonNode>> byWorker = records.stream()
                .collect(Collectors.groupingBy(n -> n.at("/metadata/worker_id").asText(), TreeMap::new,
                        Collectors.toList()));
        assertThat(byWorker.keySet()).containsExactly("joined-a", "joined-b", "worker-0");
        // Epoch stamps on one clock: every request started inside the run, after its credit was issued, and the
        // joined workers' requests went out alongside the local worker's, not before or after them.
        assertThat(records).allSatisfy(n -> {
            long issued = n.at("/metadata/credit_issued_ns").asLong();
            long start = n.at("/metadata/request_start_ns").asLong();
            long end = n.at("/metadata/request_end_ns").asLong();
            assertThat(start).as(n.at("/metadata/worker_id").asText())
                    .isBetween(launchedEpochNs, exitedEpochNs).isGreaterThanOrEqualTo(issued).isLessThan(end);
        });
        long localFirst = first(byWorker.get("worker-0"));
        long localLast = last(byWorker.get("worker-0"));
        for (String id : List.of("joined-a", "joined-b")) {
            assertThat(first(byWorker.get(id))).as(id).isLessThan(localLast);
            assertThat(last(byWorker.get(id))).as(id).isGreaterThan(localFirst);
        }
    }

    @Test
    void aWorkerOfAnotherBuildIsRefusedWithOneLineOnBothSides() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1));
        int base = freeBase("127.0.0.1");
        List<String> args = new ArrayList<>(BENCHMARK);
        args.addAll(List.of("--request-count", "20", "--concurrency", "2", "--workers-max", "1",
                "--remote-workers", "1", "--zmq-port", String.valueOf(base)));
        RunningAiperf cli = aiperf.startProfile(args.toArray(String[]::new));

        Message answer;
        try (ZContext zmq = new ZContext()) {
            ZMQ.Socket events = zmq.createSocket(SocketType.SUB);
            events.subscribe(new byte[0]);
            events.connect("tcp://127.0.0.1:" + (base + 1));
            awaitHeartbeat(events);
            ZMQ.Socket credits = zmq.createSocket(SocketType.DEALER);
            credits.setIdentity("other-build".getBytes(ZMQ.CHARSET));
            credits.connect("tcp://127.0.0.1:" + base);
            credits.send(MessageCodec.encode(new WorkerJoin("other-build", "0.0.0-other", BusProtocol.FINGERPRINT,
                    "elsewhere", 4242)), 0);
            credits.setReceiveTimeOut(30_000);
            byte[] reply = credits.recv(0);
            assertThat(reply).as("an answer to the join").isNotNull();
            answer = MessageCodec.decode(reply);
        }
        assertThat(answer).isInstanceOf(JoinRefused.class);
        assertThat(((JoinRefused) answer).reason()).contains("0.0.0-other").contains(AiperfVersion.VERSION);

        JoiningWorker real = startWorker("same-build", "127.0.0.1:" + base, null);
        AiperfRun r = cli.awaitExit(90);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> refused = linesWith(r.stderr(), "refused worker");
        assertThat(refused).as(r.stderr()).hasSize(1);
        assertThat(refused.get(0)).startsWith("aiperf: warning: refused worker other-build from elsewhere: ")
                .contains("0.0.0-other").contains(AiperfVersion.VERSION);
        assertThat(r.stdout()).contains("worker same-build joined from");
        assertThat(real.awaitExit(30)).as(real.stderr()).isZero();
        assertThat(r.records()).hasSize(20);
    }

    @Test
    void aJoinedWorkerKilledMidRunIsLostAndTheRunFinishesOnTheLocalOne() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(40, 10));
        int base = freeBase("127.0.0.1");
        JoiningWorker victim = startWorker("joined-k", "127.0.0.1:" + base, null);
        List<String> args = new ArrayList<>(BENCHMARK);
        args.addAll(List.of("--request-count", "300", "--concurrency", "8", "--workers-max", "1",
                "--remote-workers", "1", "--zmq-port", String.valueOf(base)));
        RunningAiperf cli = aiperf.startProfile(args.toArray(String[]::new));
        awaitRequests(80);
        victim.jvm().destroyForcibly();
        AiperfRun r = cli.awaitExit(90);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> told = linesWith(r.stderr(), "joined-k (pid " + victim.jvm().pid() + ")");
        assertThat(told).as(r.stderr()).hasSize(1);
        assertThat(told.get(0)).startsWith("aiperf: warning: joined-k (pid " + victim.jvm().pid() + ") on ")
                .contains("closed its connection to the controller during profiling")
                .contains("recorded as WorkerLostError").contains("going on with 1 worker");
        assertThat(r.stderr()).doesNotContain("\tat ");
        JsonNode lostWorkers = r.summary().get("lost_workers");
        assertThat(lostWorkers).as("lost_workers").isNotNull().hasSize(1);
        assertThat(lostWorkers.get(0).get("worker_id").asText()).isEqualTo("joined-k");
        int lost = lostWorkers.get(0).get("lost_requests").asInt();
        assertThat(lost).as("it held requests when it died").isPositive();
        List<JsonNode> records = r.records();
        assertThat(records).hasSize(300);
        assertThat(records).filteredOn(n -> n.at("/error/type").asText().equals("WorkerLostError")).hasSize(lost)
                .allSatisfy(n -> assertThat(n.at("/metadata/worker_id").asText()).isEqualTo("joined-k"));
    }

    @Test
    void aFrozenWorkerHostEndsTheRunCleanlyWithExportsAndTheWorkerThenExitsOnItsOwn() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(40, 10));
        int base = freeBase("127.0.0.1");
        JoiningWorker frozen = startWorker("joined-f", "127.0.0.1:" + base, null);
        List<String> args = new ArrayList<>(BENCHMARK);
        args.addAll(List.of("--request-count", "400", "--concurrency", "4", "--workers-max", "0",
                "--remote-workers", "1", "--remote-workers-silence-timeout", "2", "--zmq-port",
                String.valueOf(base)));
        RunningAiperf cli = aiperf.startProfile(args.toArray(String[]::new));
        awaitRequests(40);
        frozen.signal("STOP");
        long stoppedNs = System.nanoTime();
        AiperfRun r = cli.awaitExit(60);
        double lostAfterSeconds = (System.nanoTime() - stoppedNs) / 1e9;

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        List<String> errors = linesWith(r.stderr(), "aiperf: error:");
        assertThat(errors).as(r.stderr()).hasSize(1);
        assertThat(errors.get(0)).contains("joined-f").contains("sent nothing for 2 s").contains("no worker left");
        assertThat(r.stderr()).doesNotContain("\tat ");
        assertThat(lostAfterSeconds).as("lost after its silence timeout, not the default 10 s").isLessThan(9);
        for (String file : List.of("profile_export.jsonl", "profile_export_aiperf.json", "profile_export_aiperf.csv")) {
            assertThat(Files.exists(r.artifact(file))).as(file).isTrue();
        }
        assertThat(r.summary().get("lost_workers")).hasSize(1);

        frozen.signal("CONT");
        assertThat(frozen.awaitExit(30)).as(frozen.stderr()).isEqualTo(1);
        assertThat(frozen.stderr()).containsAnyOf("lost the controller", "lost by the controller");
        Thread.sleep(500);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    /**
     * KILL: its host's kernel closes the connection, found within a second. STOP: a frozen host, the connection
     * open and nothing on it, found by its silence.
     */
    @ParameterizedTest
    @ValueSource(strings = {"KILL", "STOP"})
    void aJoinedWorkerLostWhileTheRunWaitsForTheOthersFailsItWithOneLine(String signal) throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        int base = freeBase("127.0.0.1");
        JoiningWorker gone = startWorker("joined-g", "127.0.0.1:" + base, null);
        List<String> args = new ArrayList<>(BENCHMARK);
        args.addAll(List.of("--request-count", "20", "--workers-max", "1", "--remote-workers", "2",
                "--remote-workers-silence-timeout", "2", "--remote-workers-join-timeout", "60", "--zmq-port",
                String.valueOf(base)));
        RunningAiperf cli = aiperf.startProfile(args.toArray(String[]::new));
        awaitStdout("worker joined-g joined from", 60);
        gone.signal(signal);
        long signalledNs = System.nanoTime();
        AiperfRun r = cli.awaitExit(60);
        double failedAfterSeconds = (System.nanoTime() - signalledNs) / 1e9;

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        List<String> errors = linesWith(r.stderr(), "aiperf: error:");
        assertThat(errors).as(r.stderr()).hasSize(1);
        assertThat(errors.get(0)).contains("joined-g (pid " + gone.jvm().pid() + ") on ")
                .contains(signal.equals("KILL") ? "closed its connection to the controller" : "sent nothing for 2 s")
                .endsWith("before the load began");
        assertThat(failedAfterSeconds).as("found at once, not by the 60 s join timeout").isLessThan(30);
        gone.close();
        Thread.sleep(500);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void aBusPortInUseIsOneLineAndLeavesNothingRunning() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        int base = freeBase("127.0.0.1");
        for (int held : List.of(base, base + 2)) {
            AiperfRun r;
            try (ServerSocket holder = new ServerSocket()) {
                holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), held));
                List<String> args = new ArrayList<>(BENCHMARK);
                args.addAll(List.of("--request-count", "4", "--workers-max", "1", "--remote-workers", "1",
                        "--remote-workers-join-timeout", "20", "--zmq-port", String.valueOf(base)));
                r = aiperf.profile(args);
            }
            assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
            List<String> errors = linesWith(r.stderr(), "aiperf: error:");
            assertThat(errors).as(r.stderr()).hasSize(1);
            assertThat(errors.get(0)).contains("port " + held);
            assertThat(r.stderr()).doesNotContain("\tat ");
            Thread.sleep(500);
            assertThat(AiperfProcess.liveServiceJvms()).as("after port " + held).isEmpty();
        }
    }

    /** A port P with P, P+1 and P+2 free on {@code host}: the credits, events and records channels. */
    private static int freeBase(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0, 1, address)) {
                base = s.getLocalPort();
            }
            if (base + 2 < 65536 && free(address, base) && free(address, base + 1) && free(address, base + 2)) {
                return base;
            }
        }
        throw new IllegalStateException("no three free consecutive ports on " + host);
    }

    private static boolean free(InetAddress address, int port) {
        try (ServerSocket s = new ServerSocket(port, 1, address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitHeartbeat(ZMQ.Socket events) {
        events.setReceiveTimeOut(500);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            byte[] bytes = events.recv(0);
            if (bytes != null && MessageCodec.decode(bytes) instanceof Heartbeat) {
                return;
            }
        }
        throw new AssertionError("the controller published no heartbeat within 60 s");
    }

    private void awaitStdout(String part, long seconds) throws Exception {
        Path stdout = aiperf.dir().resolve("stdout.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!AiperfProcess.read(stdout).contains(part)) {
            assertThat(System.nanoTime()).as("aiperf printed no '" + part + "'").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (aiperf.mock().requestLog().size() < count) {
            assertThat(System.nanoTime()).as("requests did not start").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long epochNowNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long sum(List<JsonNode> records, String metric) {
        return records.stream().mapToLong(n -> n.at("/metrics/" + metric + "/value").asLong()).sum();
    }

    private static long first(List<JsonNode> records) {
        return records.stream().mapToLong(n -> n.at("/metadata/request_start_ns").asLong()).min().orElseThrow();
    }

    private static long last(List<JsonNode> records) {
        return records.stream().mapToLong(n -> n.at("/metadata/request_start_ns").asLong()).max().orElseThrow();
    }

    private static List<String> linesWith(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).toList();
    }
}
