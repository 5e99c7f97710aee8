package io.aiperf.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.MetricsConfig;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.config.TokenizerConfig;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.Batch;
import io.aiperf.core.message.Message.CancelCredits;
import io.aiperf.core.message.Message.ConfigureWorkers;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.CreditUnsent;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.message.Message.Heartbeat;
import io.aiperf.core.message.Message.ProfileStart;
import io.aiperf.core.message.Message.Shutdown;
import io.aiperf.core.message.Message.SlotShare;
import io.aiperf.core.message.Message.WorkerReady;
import io.aiperf.core.message.Message.WorkerRegistered;
import io.aiperf.core.message.Message.WorkerStatus;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ResponseChunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker process in-process: the test plays the controller (PUB events, ROUTER credits, PULL records) over
 * loopback JeroMQ sockets and the inference server (a JDK HTTP server streaming SSE, echoing the last user message).
 */
class WorkerServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKER = "worker-t";
    private static final long MS = 1_000_000L;
    private static final int WAIT_MS = 10_000;

    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    private HttpServer http;
    private ExecutorService httpThreads;
    private ZmqBus bus;
    private ZMQ.Socket events;
    private ZMQ.Socket credits;
    private ZMQ.Socket records;
    private Thread workerThread;
    private final List<Integer> exitCodes = new ArrayList<>();
    private long nextCreditId;
    private final Deque<Message> unbatched = new ArrayDeque<>();
    private final Deque<RequestRecord> unbatchedRecords = new ArrayDeque<>();
    /** The statuses {@link #fromWorker} skipped, in arrival order. */
    private final Deque<WorkerStatus> statuses = new ArrayDeque<>();

    @BeforeEach
    void start() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(httpThreads);
        http.createContext("/v1/chat/completions", this::answer);
        http.start();

        bus = new ZmqBus();
        events = bus.bind(Channel.EVENTS);
        credits = bus.bind(Channel.CREDITS);
        records = bus.bind(Channel.RECORDS);
        WorkerService worker = new WorkerService(WORKER, new ServiceEndpoints(Map.of(
                Channel.EVENTS, ZmqBus.endpointOf(events), Channel.CREDITS, ZmqBus.endpointOf(credits))), false);
        workerThread = new Thread(() -> {
            try {
                int code = worker.serve();
                synchronized (exitCodes) {
                    exitCodes.add(code);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, "worker-under-test");
        workerThread.setDaemon(true);
        workerThread.start();

        long deadline = System.nanoTime() + WAIT_MS * MS;
        Message first = null;
        while (first == null && System.nanoTime() < deadline) {
            ZmqBus.send(events, new Heartbeat(System.currentTimeMillis()));
            first = fromWorker(100);
        }
        assertThat(first).isInstanceOf(WorkerRegistered.class);
        ZmqBus.send(events, new ConfigureWorkers(config("http://127.0.0.1:" + http.getAddress().getPort()),
                ZmqBus.endpointOf(records)));
        assertThat(fromWorker(WAIT_MS)).isEqualTo(new WorkerReady(WORKER));
        ZmqBus.send(events, new ProfileStart(CreditPhase.PROFILING, 10));
    }

    @AfterEach
    void stop() throws Exception {
        ZmqBus.send(events, new Shutdown("test over"));
        workerThread.join(15_000);
        assertThat(workerThread.isAlive()).isFalse();
        synchronized (exitCodes) {
            assertThat(exitCodes).containsExactly(0);
        }
        bus.close();
        http.stop(0);
        httpThreads.shutdownNow();
    }

    @Test
    void laterTurnsCarryTheLiveRepliesAndFirstTokenPrecedesTheReturn() throws Exception {
        long intendedNs = System.nanoTime();
        Credit t0 = turn("conv-1", 0, 2, "hello there", true, null, intendedNs);
        ZmqBus.sendTo(credits, WORKER, t0);

        assertThat(fromWorker(WAIT_MS)).isEqualTo(new FirstToken(WORKER, t0.creditId(), CreditPhase.PROFILING));
        assertThat(fromWorker(WAIT_MS)).isEqualTo(new CreditReturn(WORKER, t0.creditId(), CreditPhase.PROFILING,
                false, false, true));
        RequestRecord r0 = record();
        assertThat(r0.error()).isNull();
        assertThat(r0.scheduledNs()).isEqualTo(intendedNs);
        assertThat(r0.inputText()).isEqualTo("hello there");
        assertThat(reply(r0)).isEqualTo("echo: hello there");
        assertThat(contents(bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS))).containsExactly("hello there");

        Credit t1 = turn("conv-1", 1, 2, "and again", false, null, -1);
        ZmqBus.sendTo(credits, WORKER, t1);

        assertThat(fromWorker(WAIT_MS)).as("no FirstToken unless asked").isEqualTo(new CreditReturn(WORKER,
                t1.creditId(), CreditPhase.PROFILING, false, false, true));
        RequestRecord r1 = record();
        assertThat(r1.inputText()).isEqualTo("hello there echo: hello there and again");
        String body1 = bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        assertThat(roles(body1)).containsExactly("user", "assistant", "user");
        assertThat(contents(body1)).containsExactly("hello there", "echo: hello there", "and again");
        JsonNode tree = JSON.readTree(body1);
        assertThat(tree.get("model").asText()).isEqualTo("m");
        assertThat(tree.get("stream").asBoolean()).isTrue();
        assertThat(tree.get("max_completion_tokens").asInt()).isEqualTo(16);

        // The final turn evicted the session: a stray later turn would start over.
        Credit stray = turn("conv-1", 1, 3, "stray", false, null, -1);
        ZmqBus.sendTo(credits, WORKER, stray);
        assertThat(fromWorker(WAIT_MS)).isInstanceOf(CreditReturn.class);
        assertThat(record().inputText()).isEqualTo("stray");
    }

    @Test
    void theStatusCarriesTheWorkersCpuAndResidentMemory() {
        long deadline = System.nanoTime() + 3_000 * MS;
        while (statuses.isEmpty() && System.nanoTime() < deadline) {
            assertThat(fromWorker(100)).isNull();
        }
        assertThat(statuses).as("a status within 3 s").isNotEmpty();
        WorkerStatus first = statuses.getFirst();
        // Measured from the registration on, so even the first status has a CPU figure; this JVM is the test's too.
        assertThat(first.cpuPercent()).isGreaterThanOrEqualTo(0.0);
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status"))) {
            assertThat(first.memoryBytes()).isGreaterThan(0);
        } else {
            assertThat(first.memoryBytes()).isEqualTo(-1);
        }
    }

    @Test
    void aRequestCancelledOnPurposeIsRecordedAndEndsItsSession() throws Exception {
        Credit t0 = turn("conv-2", 0, 3, "slow question", false, 200 * MS, -1);
        ZmqBus.sendTo(credits, WORKER, t0);

        assertThat(fromWorker(WAIT_MS)).isEqualTo(new CreditReturn(WORKER, t0.creditId(), CreditPhase.PROFILING,
                true, true, true));
        RequestRecord r = record();
        assertThat(r.cancelled()).isTrue();
        assertThat(r.error().code()).isEqualTo(499);
        assertThat(r.error().type()).isEqualTo("RequestCancellationError");
        assertThat(r.error().message()).matches("Request cancelled \\d+\\.\\d{3}s after being sent");
        assertThat(r.requestEndNs() - r.requestWriteNs()).isGreaterThanOrEqualTo(200 * MS);
        bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS);

        Credit t1 = turn("conv-2", 1, 3, "next", false, null, -1);
        ZmqBus.sendTo(credits, WORKER, t1);
        assertThat(fromWorker(WAIT_MS)).isInstanceOf(CreditReturn.class);
        assertThat(record().inputText()).isEqualTo("next");
        assertThat(contents(bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS))).containsExactly("next");
    }

    @Test
    void abandonedRequestsAreReturnedWithoutARecord() throws Exception {
        Credit kept = turn("conv-3", 0, 1, "slow but cancelled on purpose", false, 100 * MS, -1);
        ZmqBus.sendTo(credits, WORKER, kept);
        assertThat(fromWorker(WAIT_MS)).isEqualTo(new CreditReturn(WORKER, kept.creditId(), CreditPhase.PROFILING,
                true, true, true));
        assertThat(record().creditId()).isEqualTo(kept.creditId());

        Credit hanging = turn("conv-4", 0, 1, "slow forever", false, null, -1);
        ZmqBus.sendTo(credits, WORKER, hanging);
        assertThat(bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isNotNull(); // it is on the wire
        ZmqBus.send(events, new CancelCredits(CreditPhase.PROFILING));

        assertThat(fromWorker(WAIT_MS)).isEqualTo(new CreditReturn(WORKER, hanging.creditId(),
                CreditPhase.PROFILING, true, true, false));
        records.setReceiveTimeOut(300);
        assertThat(records.recv(0)).as("no record for an abandoned request").isNull();
    }

    @Test
    void withAShareOfOneSlotAFirstTurnWaitsUntilTheSessionBeforeItEnds() throws Exception {
        ZmqBus.sendTo(credits, WORKER, new SlotShare(CreditPhase.PROFILING, 1, Long.MAX_VALUE));
        Credit a0 = turn("conv-a", 0, 2, "first of two", false, null, -1);
        Credit b0 = turn("conv-b", 0, 1, "waits for the slot", false, null, -1);
        ZmqBus.sendTo(credits, WORKER, a0);
        ZmqBus.sendTo(credits, WORKER, b0);
        assertThat(contents(bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS))).containsExactly("first of two");
        assertThat(fromWorker(WAIT_MS)).isEqualTo(new CreditReturn(WORKER, a0.creditId(), CreditPhase.PROFILING,
                false, false, true));
        assertThat(bodies.poll(300, TimeUnit.MILLISECONDS)).as("session a still holds the slot").isNull();

        Credit a1 = turn("conv-a", 1, 2, "second of two", false, null, -1);
        ZmqBus.sendTo(credits, WORKER, a1);
        assertThat(contents(bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS))).as("a later turn does not wait")
                .endsWith("second of two");
        assertThat(contents(bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS))).as("a's end starts b")
                .containsExactly("waits for the slot");
        List<Message> returns = List.of(fromWorker(WAIT_MS), fromWorker(WAIT_MS));
        assertThat(returns).containsExactly(
                new CreditReturn(WORKER, a1.creditId(), CreditPhase.PROFILING, false, false, true),
                new CreditReturn(WORKER, b0.creditId(), CreditPhase.PROFILING, false, false, true));
        RequestRecord a0Record = record();
        record();
        RequestRecord b0Record = record();
        assertThat(b0Record.creditId()).isEqualTo(b0.creditId());
        assertThat(b0Record.scheduledNs()).as("intended when its slot was granted, after a0 was sent")
                .isGreaterThan(a0Record.requestStartNs());
        assertThat(b0Record.creditReceivedNs()).isEqualTo(b0Record.scheduledNs());
    }

    @Test
    void aWaitingTurnOfAnAbandonedPhaseComesBackUnsent() throws Exception {
        ZmqBus.sendTo(credits, WORKER, new SlotShare(CreditPhase.PROFILING, 1, Long.MAX_VALUE));
        Credit hanging = turn("conv-h", 0, 1, "slow forever", false, null, -1);
        Credit waiting = turn("conv-w", 0, 1, "never sent", false, null, -1);
        ZmqBus.sendTo(credits, WORKER, hanging);
        ZmqBus.sendTo(credits, WORKER, waiting);
        assertThat(bodies.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isNotNull();
        ZmqBus.send(events, new CancelCredits(CreditPhase.PROFILING));
        assertThat(List.of(fromWorker(WAIT_MS), fromWorker(WAIT_MS))).containsExactlyInAnyOrder(
                new CreditUnsent(WORKER, waiting.creditId(), CreditPhase.PROFILING),
                new CreditReturn(WORKER, hanging.creditId(), CreditPhase.PROFILING, true, true, false));
        assertThat(bodies.poll(300, TimeUnit.MILLISECONDS)).as("the waiting turn never went out").isNull();
    }

    // --- the fake inference server -------------------------------------------------------------------------------

    /** Streams "echo: " + the last user message in two SSE chunks; "slow…" messages wait 5 s before any data. */
    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        List<String> contents;
        try {
            contents = contents(body);
        } catch (Exception e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        String last = contents.get(contents.size() - 1);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (last.startsWith("slow")) {
                sleep(5_000);
            }
            out.write(sse("echo: ").getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(30);
            out.write((sse(last) + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientWentAway) {
            // cancelled requests close the connection
        }
    }

    private static String sse(String content) throws IOException {
        String delta = JSON.writeValueAsString(Map.of("content", content));
        return "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + "}]}\n\n";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the fake controller -------------------------------------------------------------------------------------

    /**
     * The next message from the worker on the ROUTER (one at a time, out of its batches), skipping periodic status
     * reports; null on timeout.
     */
    private Message fromWorker(int timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * MS;
        while (true) {
            Message m = unbatched.poll();
            if (m == null) {
                long leftMs = (deadline - System.nanoTime()) / MS;
                if (leftMs <= 0) {
                    return null;
                }
                credits.setReceiveTimeOut((int) leftMs);
                byte[] identity = credits.recv(0);
                if (identity == null) {
                    return null;
                }
                assertThat(new String(identity, ZMQ.CHARSET)).isEqualTo(WORKER);
                m = MessageCodec.decode(credits.recv(0));
                if (m instanceof Batch batch) {
                    unbatched.addAll(batch.messages());
                    continue;
                }
            }
            if (!(m instanceof WorkerStatus status)) {
                return m;
            }
            statuses.add(status);
        }
    }

    /** Records from the worker, one at a time out of its batches. */
    private RequestRecord record() {
        RequestRecord next = unbatchedRecords.poll();
        if (next != null) {
            return next;
        }
        records.setReceiveTimeOut(WAIT_MS);
        byte[] bytes = records.recv(0);
        assertThat(bytes).as("a record").isNotNull();
        Message m = MessageCodec.decode(bytes);
        if (m instanceof Batch batch) {
            batch.messages().forEach(r -> unbatchedRecords.add((RequestRecord) r));
            return unbatchedRecords.poll();
        }
        return (RequestRecord) m;
    }


    private Credit turn(String corr, int index, int turns, String text, boolean firstToken, Long cancelAfterNs,
                        long intendedNs) {
        return new Credit(nextCreditId++, CreditPhase.PROFILING, "template", corr, index, turns, null, 0,
                text == null ? null : TurnInput.text(text), 16, null, intendedNs, cancelAfterNs, firstToken);
    }

    private static String reply(RequestRecord r) {
        StringBuilder sb = new StringBuilder();
        for (ResponseChunk c : r.responses()) {
            sb.append(c.text());
        }
        return sb.toString();
    }

    private static List<String> roles(String body) throws IOException {
        List<String> out = new ArrayList<>();
        JSON.readTree(body).get("messages").forEach(m -> out.add(m.get("role").asText()));
        return out;
    }

    private static List<String> contents(String body) throws IOException {
        List<String> out = new ArrayList<>();
        JSON.readTree(body).get("messages").forEach(m -> out.add(m.get("content").asText()));
        return out;
    }

    private static BenchmarkConfig config(String url) {
        EndpointConfig endpoint = new EndpointConfig(List.of("m"), EndpointType.CHAT, true, List.of(url), null, 60,
                null, false, false, Map.of(), Map.of(), ConnectionReuse.POOLED);
        InputConfig input = new InputConfig(10, 0, 16, 0, 1L, 10, null, null, null, null, null, null, null, null);
        LoadConfig load = new LoadConfig(TimingMode.REQUEST_RATE, PhaseLoad.burst(4, 10), null, null, 0.0, null, null);
        return new BenchmarkConfig("bench", "aiperf profile", endpoint, input, load, new TokenizerConfig(null, "main"),
                new OutputConfig("/tmp/aiperf-test", ExportLevel.RECORDS, null, null, false, false),
                new ServiceConfig(1, "none", "INFO", 1), MetricsConfig.NONE);
    }
}
