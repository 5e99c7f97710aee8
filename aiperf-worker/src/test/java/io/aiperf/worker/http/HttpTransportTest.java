package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RawExchange;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.Usage;
import io.aiperf.core.time.EpochAnchor;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.aiperf.worker.http.TestHttpServer.DONE;
import static io.aiperf.worker.http.TestHttpServer.ROLE_CHUNK;
import static io.aiperf.worker.http.TestHttpServer.USAGE_CHUNK;
import static io.aiperf.worker.http.TestHttpServer.chunk;
import static org.assertj.core.api.Assertions.assertThat;

class HttpTransportTest {

    @BeforeAll
    static void watchLeaks() {
        LeakWatch.install();
    }

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakWatch.assertNoLeaks();
    }

    private static final long MS = 1_000_000L;
    private static final Pattern CANCELLED = Pattern.compile("Request cancelled (\\d+\\.\\d{3})s after being sent");
    private static final String CHAT_BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"m\",\"stream\":true}";

    private TestHttpServer server;
    private HttpTransport transport;
    private final AtomicInteger creditIds = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = new TestHttpServer();
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        server.close();
    }

    @Test
    void streamedChunksAreStampedOnArrival() throws Exception {
        List<Long> sendTimes = new CopyOnWriteArrayList<>();
        server.responder = TestHttpServer.sse(sendTimes, false,
                new TestHttpServer.Step(0, ROLE_CHUNK),
                new TestHttpServer.Step(100, chunk("a")),
                new TestHttpServer.Step(50, chunk("b")),
                new TestHttpServer.Step(50, chunk("c")),
                new TestHttpServer.Step(50, chunk("d")),
                new TestHttpServer.Step(50, chunk("e")),
                new TestHttpServer.Step(10, DONE));
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isNull();
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.responses()).extracting(ResponseChunk::text).containsExactly("a", "b", "c", "d", "e");
        List<Long> contentSends = sendTimes.subList(1, 6);
        for (int i = 0; i < 5; i++) {
            assertThat(r.responses().get(i).arrivalNs()).as("chunk %d arrives after it was sent", i)
                    .isGreaterThanOrEqualTo(contentSends.get(i));
        }
        for (int i = 1; i < 5; i++) {
            long gapNs = r.responses().get(i).arrivalNs() - r.responses().get(i - 1).arrivalNs();
            assertThat(gapNs).as("gap %d", i).isBetween(30 * MS, 1_000 * MS);
        }
        long spanNs = r.responses().get(4).arrivalNs() - r.responses().get(0).arrivalNs();
        assertThat(spanNs).isGreaterThanOrEqualTo(contentSends.get(4) - contentSends.get(1)).isLessThan(2_000 * MS);
        assertThat(r.responses().get(0).arrivalNs() - r.requestStartNs()).as("TTFT").isGreaterThanOrEqualTo(100 * MS);
        assertThat(r.responseHeadersNs()).isGreaterThan(r.requestStartNs())
                .isLessThanOrEqualTo(r.responses().get(0).arrivalNs());
        assertThat(r.requestEndNs()).isGreaterThanOrEqualTo(sendTimes.get(6));
        assertThat(r.requestEndNs()).isGreaterThanOrEqualTo(r.responses().get(4).arrivalNs());
        assertThat(r.startEpochNs()).isEqualTo(EpochAnchor.process().epochNsOf(r.requestStartNs()));
        assertThat(r.cancelled()).isFalse();
        assertThat(transport.inFlight()).isZero();
    }

    @Test
    void eventsCompletedByOneReadShareItsStamp() throws Exception {
        List<Long> sendTimes = new CopyOnWriteArrayList<>();
        server.responder = TestHttpServer.sse(sendTimes, false,
                new TestHttpServer.Step(20, ROLE_CHUNK + chunk("x") + chunk("y") + chunk("z")),
                new TestHttpServer.Step(60, chunk("later") + USAGE_CHUNK + DONE));
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isNull();
        List<ResponseChunk> chunks = r.responses();
        assertThat(chunks).extracting(ResponseChunk::text).containsExactly("x", "y", "z", "later");
        assertThat(chunks.get(1).arrivalNs()).isEqualTo(chunks.get(0).arrivalNs());
        assertThat(chunks.get(2).arrivalNs()).isEqualTo(chunks.get(0).arrivalNs());
        assertThat(chunks.get(0).arrivalNs()).isGreaterThanOrEqualTo(sendTimes.get(0));
        assertThat(chunks.get(3).arrivalNs()).isGreaterThanOrEqualTo(sendTimes.get(1));
        assertThat(chunks.get(3).arrivalNs() - chunks.get(2).arrivalNs()).isGreaterThanOrEqualTo(30 * MS);
        assertThat(r.usage()).isEqualTo(new Usage(10L, 5L, 15L, null));
    }

    @Test
    void withoutRawCaptureARecordCarriesNoExchange() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("a") + DONE));
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isNull();
        assertThat(r.raw()).isNull();
    }

    @Test
    void rawCaptureKeepsPayloadRedactedHeadersAndEverySseMessageWithItsStamp() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, ROLE_CHUNK),
                new TestHttpServer.Step(30, chunk("a")),
                new TestHttpServer.Step(30, chunk("b") + USAGE_CHUNK + DONE));
        transport = rawTransport(server.baseUrl());

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isNull();
        RawExchange raw = r.raw();
        assertThat(raw).isNotNull();
        assertThat(raw.payload()).isEqualTo(CHAT_BODY);
        assertThat(raw.requestHeaders()).containsEntry("authorization", "<redacted>")
                .containsEntry("X-Api-Key", "<redacted>").containsEntry("X-Custom", "yes")
                .containsEntry("content-type", "application/json");
        assertThat(raw.requestHeaders().toString()).doesNotContain("secret-key").doesNotContain("hidden-value");
        assertThat(raw.responseHeaders()).containsEntry("content-type", "text/event-stream; charset=utf-8");
        List<String> data = new ArrayList<>();
        for (RawExchange.RawResponse response : raw.responses()) {
            assertThat(response.packets()).isNotNull();
            response.packets().forEach(p -> data.add(p.name() + "=" + p.value()));
        }
        assertThat(data).hasSize(5);
        assertThat(data.get(0)).startsWith("data=").contains("\"role\":\"assistant\"");
        assertThat(data.get(4)).isEqualTo("data=[DONE]");
        // The content messages carry the same arrival stamps as the record's chunks.
        assertThat(raw.responses().get(1).perfNs()).isEqualTo(r.responses().get(0).arrivalNs());
        assertThat(raw.responses().get(2).perfNs()).isEqualTo(r.responses().get(1).arrivalNs());
        for (RawExchange.RawResponse response : raw.responses()) {
            assertThat(response.perfNs()).isBetween(r.requestStartNs(), r.requestEndNs());
        }
    }

    @Test
    void rawCaptureKeepsANonStreamingBodyWithItsContentType() throws Exception {
        String body = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"Whole answer\"}}]}";
        server.responder = TestHttpServer.json(HttpResponseStatus.OK, body, true);
        transport = rawTransport(server.baseUrl());

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isNull();
        assertThat(r.raw().responses()).singleElement().satisfies(response -> {
            assertThat(response.packets()).isNull();
            assertThat(response.contentType()).isEqualTo("application/json");
            assertThat(response.text()).isEqualTo(body);
            assertThat(response.perfNs()).isEqualTo(r.requestEndNs());
        });
    }

    @Test
    void nonStreamingBodyIsOneChunkStampedAtTheEnd() throws Exception {
        server.responder = TestHttpServer.json(HttpResponseStatus.OK, "{\"id\":\"x\",\"object\":\"chat.completion\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Whole answer\"}}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}", true);
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isNull();
        assertThat(r.responses()).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("Whole answer");
            assertThat(c.arrivalNs()).isEqualTo(r.requestEndNs());
        });
        assertThat(r.usage()).isEqualTo(new Usage(3L, 2L, 5L, null));
        assertThat(r.responseHeadersNs()).isBetween(r.requestStartNs(), r.requestEndNs());
    }

    @Test
    void httpErrorIsARecordAndTheConnectionIsReused() throws Exception {
        server.responder = TestHttpServer.json(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                "{\"error\":\"boom\"}" + "x".repeat(3000), true);
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));
        RequestRecord again = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.httpStatus()).isEqualTo(500);
        assertThat(r.error().code()).isEqualTo(500);
        assertThat(r.error().type()).isEqualTo("Internal Server Error");
        assertThat(r.error().message()).startsWith("{\"error\":\"boom\"}").hasSize(1025).endsWith("…");
        assertThat(r.responses()).isEmpty();
        assertThat(again.error().code()).isEqualTo(500);
        assertThat(server.accepted.get()).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsAnErrorRecordWithinASecond() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        transport = transport("http://127.0.0.1:" + port, 10);
        Done done = new Done();
        long before = System.nanoTime();

        transport.send(credit(CreditPhase.PROFILING), before, done);
        RequestRecord r = done.future.get(1, TimeUnit.SECONDS);

        assertThat(r.error()).isEqualTo(new ErrorDetails(null, "ConnectionRefusedError", r.error().message()));
        assertThat(r.error().message()).doesNotContain("\n").containsIgnoringCase("refused");
        assertThat(r.httpStatus()).isZero();
        assertThat(r.responseHeadersNs()).isEqualTo(-1);
        assertThat(r.requestEndNs()).isGreaterThanOrEqualTo(r.requestStartNs());
        assertThat(r.creditReceivedNs()).isEqualTo(before);
        assertThat(done.thread).startsWith("aiperf-http");
        assertThat(transport.inFlight()).isZero();
    }

    @Test
    void garbageInsteadOfAStatusLineIsAOneLineInvalidHttpResponse() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = raw.accept()) {
                    java.io.InputStream in = s.getInputStream();
                    byte[] buf = new byte[8192];
                    // Answer once the request head has arrived, then keep the socket open until the client closes
                    // it, so the error is about the bytes and not about a closed connection.
                    String seen = "";
                    int n;
                    while (!seen.contains("\r\n\r\n") && (n = in.read(buf)) > 0) {
                        seen += new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                    }
                    s.getOutputStream().write("garbage\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.setSoTimeout(5_000);
                    while (in.read(buf) > 0) {
                        // drain until the client hangs up
                    }
                } catch (java.io.IOException ignored) {
                    // the client may reset the connection: nothing to check here
                }
            }, "garbage-server");
            answer.setDaemon(true);
            answer.start();
            transport = transport("http://127.0.0.1:" + raw.getLocalPort(), 10);

            RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

            assertThat(r.error().type()).isEqualTo("InvalidHttpResponseError");
            assertThat(r.error().code()).isNull();
            assertThat(r.error().message()).containsIgnoringCase("garbage").doesNotContain("\n")
                    .doesNotContain("\r");
            assertThat(r.responses()).isEmpty();
            assertThat(transport.inFlight()).isZero();
        }
    }

    @Test
    void sseErrorEventIs502() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("partial")),
                new TestHttpServer.Step(10, "event: error\n: upstream overloaded\n\n"),
                new TestHttpServer.Step(10, chunk("never read")));
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isEqualTo(new ErrorDetails(502, "SSEResponseError", "Error occurred in SSE response: upstream overloaded"));
        assertThat(r.httpStatus()).isEqualTo(200);
    }

    @Test
    void sseErrorEventWithoutACommentTakesItsDataAndWithNeitherSaysSo() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, "event: error\ndata: {\"error\":\"overloaded\"}\n\n"));
        transport = transport(server.baseUrl(), 10);
        assertThat(sendAndAwait(credit(CreditPhase.PROFILING)).error()).isEqualTo(new ErrorDetails(502,
                "SSEResponseError", "Error occurred in SSE response: {\"error\":\"overloaded\"}"));

        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, "event: error\n\n"));
        assertThat(sendAndAwait(credit(CreditPhase.PROFILING)).error()).isEqualTo(new ErrorDetails(502,
                "SSEResponseError", "Error occurred in SSE response: Unknown error in SSE response"));
    }

    @Test
    void sequentialRequestsReuseOneConnection() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("hi") + DONE));
        transport = transport(server.baseUrl(), 10);

        for (int i = 0; i < 5; i++) {
            assertThat(sendAndAwait(credit(CreditPhase.PROFILING)).error()).isNull();
        }
        assertThat(server.accepted.get()).isEqualTo(1);
    }

    @Test
    void connectionCloseResponseIsNotReused() throws Exception {
        server.responder = TestHttpServer.json(HttpResponseStatus.OK,
                "{\"object\":\"chat.completion\",\"choices\":[{\"message\":{\"content\":\"ok\"}}]}", false);
        transport = transport(server.baseUrl(), 10);

        assertThat(sendAndAwait(credit(CreditPhase.PROFILING)).error()).isNull();
        assertThat(sendAndAwait(credit(CreditPhase.PROFILING)).error()).isNull();
        assertThat(server.accepted.get()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsAreNotCappedByThePool() throws Exception {
        server.responder = (ctx, req) -> ctx.executor().schedule(() -> TestHttpServer.json(HttpResponseStatus.OK,
                "{\"object\":\"chat.completion\",\"choices\":[{\"message\":{\"content\":\"ok\"}}]}", true)
                .respond(ctx, req), 300, TimeUnit.MILLISECONDS);
        transport = transport(server.baseUrl(), 10);
        List<Done> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Done d = new Done();
            all.add(d);
            transport.send(credit(CreditPhase.PROFILING), System.nanoTime(), d);
        }
        for (Done d : all) {
            assertThat(d.future.get(10, TimeUnit.SECONDS).error()).isNull();
            assertThat(d.calls.get()).isEqualTo(1);
        }
        assertThat(server.accepted.get()).isEqualTo(40);
    }

    @Test
    void cancelAllCancelsOnlyThatPhase() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("first")), new TestHttpServer.Step(60_000, DONE));
        transport = transport(server.baseUrl(), 60);
        List<Done> profiling = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Done d = new Done();
            profiling.add(d);
            transport.send(credit(CreditPhase.PROFILING), System.nanoTime(), d);
        }
        Done warmup = new Done();
        transport.send(credit(CreditPhase.WARMUP), System.nanoTime(), warmup);
        for (int i = 0; i < 4; i++) {
            assertThat(server.requests.poll(5, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(transport.inFlight()).isEqualTo(4);

        transport.cancelAll(CreditPhase.PROFILING);

        for (Done d : profiling) {
            RequestRecord r = d.future.get(5, TimeUnit.SECONDS);
            assertThat(r.cancelled()).isTrue();
            assertThat(r.error().code()).isEqualTo(499);
            assertThat(r.error().type()).isEqualTo("RequestCancellationError");
            assertThat(r.error().message()).startsWith("Request cancelled ");
            assertThat(r.phase()).isEqualTo(CreditPhase.PROFILING);
        }
        assertThat(warmup.future).isNotDone();
        assertThat(transport.inFlight()).isEqualTo(1);

        Thread.sleep(300); // let the first chunk (written at once) reach the client: partial responses are kept
        transport.cancelAll(CreditPhase.WARMUP);
        RequestRecord w = warmup.future.get(5, TimeUnit.SECONDS);
        assertThat(w.cancelled()).isTrue();
        assertThat(w.responses()).extracting(ResponseChunk::text).containsExactly("first");
        assertThat(transport.inFlight()).isZero();
        assertThat(profiling).allSatisfy(d -> assertThat(d.calls.get()).isEqualTo(1));
    }

    @Test
    void headersAndV1DeduplicatedPathReachTheServer() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("ok") + DONE));
        transport = transport(server.baseUrl() + "/v1", 10);
        Credit credit = credit(CreditPhase.PROFILING);

        RequestRecord r = sendAndAwait(credit);

        TestHttpServer.Received got = server.requests.poll(1, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.uri()).isEqualTo("/v1/chat/completions");
        assertThat(got.body()).isEqualTo(CHAT_BODY);
        assertThat(r.xRequestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(got.headers().get("X-Request-ID")).isEqualTo(r.xRequestId());
        assertThat(got.headers().get("X-Correlation-ID")).isEqualTo(credit.xCorrelationId()).isEqualTo(r.xCorrelationId());
        assertThat(got.headers().get("Authorization")).isEqualTo("Bearer secret-key");
        assertThat(got.headers().get("X-Custom")).isEqualTo("yes");
        assertThat(got.headers().get("Accept")).isEqualTo("text/event-stream");
        assertThat(got.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(got.headers().get("User-Agent")).isEqualTo("aiperf-jvm/0.1");
        assertThat(got.headers().get("Host")).isEqualTo(server.baseUrl().substring("http://".length()));
        assertThat(got.headers().getInt("Content-Length")).isEqualTo(CHAT_BODY.length());

        RequestRecord second = sendAndAwait(credit(CreditPhase.PROFILING));
        assertThat(second.xRequestId()).isNotEqualTo(r.xRequestId());
    }

    @Test
    void totalRequestTimeout() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("slow")), new TestHttpServer.Step(30_000, DONE));
        transport = transport(server.baseUrl(), 0.3);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isEqualTo(new ErrorDetails(null, "TimeoutError",
                "no complete response within the request timeout of 0.300 s"));
        assertThat(r.error().code()).isNull();
        assertThat(r.cancelled()).isFalse();
        assertThat(r.requestEndNs() - r.requestStartNs()).isBetween(300 * MS, 5_000 * MS);
        assertThat(r.responses()).hasSize(1);
    }

    @Test
    void serverClosingMidStreamIsConnectionClosed() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), true,
                new TestHttpServer.Step(0, chunk("cut")));
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error().type()).isEqualTo("ConnectionClosedError");
        assertThat(r.error().code()).isNull();
    }

    @Test
    void streamWithoutContentIsInvalidInferenceResult() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, ROLE_CHUNK + ": ping\n\n" + USAGE_CHUNK + DONE));
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error()).isEqualTo(new ErrorDetails(null, "InvalidInferenceResultError",
                "No content responses were received"));
        assertThat(r.usage()).isEqualTo(new Usage(10L, 5L, 15L, null));
        assertThat(r.httpStatus()).isEqualTo(200);
    }

    @Test
    void unparseableEventIsResponseParseError() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("fine") + "data: {\"object\":\"chat.comp\n\n" + DONE));
        transport = transport(server.baseUrl(), 10);

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING));

        assertThat(r.error().type()).isEqualTo("ResponseParseError");
        assertThat(r.error().code()).isNull();
    }

    @Test
    void closeCancelsWhatIsLeftAndLaterSendsFailAtOnce() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("first")), new TestHttpServer.Step(60_000, DONE));
        transport = transport(server.baseUrl(), 60);
        Done hanging = new Done();
        transport.send(credit(CreditPhase.PROFILING), System.nanoTime(), hanging);
        assertThat(server.requests.poll(5, TimeUnit.SECONDS)).isNotNull();

        long before = System.nanoTime();
        transport.close();
        assertThat(System.nanoTime() - before).isLessThan(8_000 * MS);

        RequestRecord r = hanging.future.get(1, TimeUnit.SECONDS);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.error().code()).isEqualTo(499);

        Done late = new Done();
        transport.send(credit(CreditPhase.PROFILING), System.nanoTime(), late);
        assertThat(late.future.getNow(null)).isNotNull();
        assertThat(late.future.getNow(null).error().type()).isEqualTo("TransportClosedError");
    }

    @Test
    void invalidUrlIndexIsAnErrorRecord() throws Exception {
        transport = transport(server.baseUrl(), 10);
        Credit bad = new Credit(1, CreditPhase.PROFILING, "conv", "corr", 0, 1, CHAT_BODY, 3, null, null, null, -1,
                null, false);
        Done d = new Done();
        transport.send(bad, System.nanoTime(), d);
        assertThat(d.future.get(1, TimeUnit.SECONDS).error().type()).isEqualTo("InvalidUrlIndexError");
    }

    @Test
    void cancelAfterDelayAbortsThatLongAfterTheBodyWasSentAndClosesTheConnection() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("first")), new TestHttpServer.Step(60_000, DONE));
        transport = transport(server.baseUrl(), 60);
        long delayNs = 300 * MS;

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING, delayNs, false, 0));

        assertThat(r.cancelled()).isTrue();
        assertThat(r.error().code()).isEqualTo(499);
        assertThat(r.error().type()).isEqualTo("RequestCancellationError");
        Matcher m = CANCELLED.matcher(r.error().message());
        assertThat(m.matches()).as(r.error().message()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(0.3).isLessThan(5.0);
        assertThat(r.requestEndNs() - r.requestWriteNs()).as("not before the delay, counted from the write")
                .isGreaterThanOrEqualTo(delayNs).isLessThan(5_000 * MS);
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(transport.inFlight()).isZero();

        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("ok") + DONE));
        assertThat(sendAndAwait(credit(CreditPhase.PROFILING)).error()).isNull();
        assertThat(server.accepted.get()).as("the cancelled connection was not reused").isEqualTo(2);
    }

    @Test
    void cancelDelayZeroCancelsRightAfterTheBodyIsWritten() throws Exception {
        transport = transport(server.baseUrl(), 60); // the server never answers

        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING, 0L, false, 0));

        assertThat(r.cancelled()).isTrue();
        assertThat(r.error().code()).isEqualTo(499);
        assertThat(r.error().message()).matches(CANCELLED);
        assertThat(r.responseHeadersNs()).isEqualTo(-1);
        assertThat(r.requestEndNs() - r.requestWriteNs()).isLessThan(5_000 * MS);
        TestHttpServer.Received got = server.requests.poll(5, TimeUnit.SECONDS);
        assertThat(got).as("the whole request reached the server before the disconnect").isNotNull();
        assertThat(got.body()).isEqualTo(CHAT_BODY);
    }

    @Test
    void responseEndingBeforeTheDelayIsANormalRecordAndDisarmsTheTimer() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("quick") + DONE));
        transport = transport(server.baseUrl(), 60);

        // Generous: an immediate loopback answer must beat it even on a loaded 2-core machine.
        RequestRecord r = sendAndAwait(credit(CreditPhase.PROFILING, 1_500 * MS, false, 0));

        assertThat(r.error()).isNull();
        assertThat(r.cancelled()).isFalse();
        assertThat(r.responses()).extracting(ResponseChunk::text).containsExactly("quick");

        // The next request on the same connection outlives the first one's delay untouched.
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(1_700, chunk("slow") + DONE));
        RequestRecord next = sendAndAwait(credit(CreditPhase.PROFILING));
        assertThat(next.error()).isNull();
        assertThat(next.cancelled()).isFalse();
        assertThat(server.accepted.get()).isEqualTo(1);
    }

    @Test
    void firstTokenIsReportedOnceBeforeTheRecordAndOnlyWhenAsked() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, ROLE_CHUNK),
                new TestHttpServer.Step(50, chunk("a")),
                new TestHttpServer.Step(20, chunk("b") + USAGE_CHUNK + DONE));
        transport = transport(server.baseUrl(), 10);

        Events asked = new Events();
        Credit credit = credit(CreditPhase.PROFILING, null, true, 0);
        transport.send(credit, CHAT_BODY, null, System.nanoTime(), asked);
        RequestRecord r = asked.record.get(10, TimeUnit.SECONDS);

        assertThat(asked.log).containsExactly("first-token " + credit.creditId(), "done " + credit.creditId());
        assertThat(asked.firstTokenNs).isEqualTo(r.responses().get(0).arrivalNs());
        assertThat(asked.threads).allSatisfy(t -> assertThat(t).startsWith("aiperf-http")).hasSize(2);

        Events notAsked = new Events();
        Credit plain = credit(CreditPhase.PROFILING, null, false, 0);
        transport.send(plain, CHAT_BODY, null, System.nanoTime(), notAsked);
        notAsked.record.get(10, TimeUnit.SECONDS);
        assertThat(notAsked.log).containsExactly("done " + plain.creditId());
    }

    @Test
    void firstTokenOfANonStreamingResponseComesWithItsBody() throws Exception {
        server.responder = TestHttpServer.json(HttpResponseStatus.OK,
                "{\"object\":\"chat.completion\",\"choices\":[{\"message\":{\"content\":\"ok\"}}]}", true);
        transport = transport(server.baseUrl(), 10);
        Events events = new Events();
        Credit credit = credit(CreditPhase.PROFILING, null, true, 0);

        transport.send(credit, CHAT_BODY, null, System.nanoTime(), events);
        RequestRecord r = events.record.get(10, TimeUnit.SECONDS);

        assertThat(events.log).containsExactly("first-token " + credit.creditId(), "done " + credit.creditId());
        assertThat(events.firstTokenNs).isEqualTo(r.requestEndNs());
    }

    @Test
    void noFirstTokenWithoutContent() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, ROLE_CHUNK + USAGE_CHUNK + DONE));
        transport = transport(server.baseUrl(), 10);
        Events events = new Events();
        Credit credit = credit(CreditPhase.PROFILING, null, true, 0);

        transport.send(credit, CHAT_BODY, null, System.nanoTime(), events);

        assertThat(events.record.get(10, TimeUnit.SECONDS).error().type()).isEqualTo("InvalidInferenceResultError");
        assertThat(events.log).containsExactly("done " + credit.creditId());
    }

    @Test
    void recordCarriesTheScheduleAndTheGivenBodyAndInputText() throws Exception {
        server.responder = TestHttpServer.sse(new CopyOnWriteArrayList<>(), false,
                new TestHttpServer.Step(0, chunk("ok") + DONE));
        transport = transport(server.baseUrl(), 10);
        long intendedNs = System.nanoTime() - 5 * MS;
        Credit credit = credit(CreditPhase.PROFILING, null, false, intendedNs);
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"rendered\"}],\"model\":\"m\"}";

        Events events = new Events();
        transport.send(credit, body, "rendered", System.nanoTime(), events);
        RequestRecord r = events.record.get(10, TimeUnit.SECONDS);

        assertThat(r.error()).isNull();
        assertThat(r.scheduledNs()).isEqualTo(intendedNs);
        assertThat(r.inputText()).isEqualTo("rendered");
        assertThat(server.requests.poll(1, TimeUnit.SECONDS).body()).isEqualTo(body);

        RequestRecord plain = sendAndAwait(credit(CreditPhase.PROFILING));
        assertThat(plain.scheduledNs()).as("unscheduled credit").isEqualTo(-1);
        assertThat(plain.inputText()).as("pre-rendered body").isNull();
    }

    @Test
    void missingBodyIsAnErrorRecord() throws Exception {
        transport = transport(server.baseUrl(), 10);
        Events events = new Events();
        transport.send(credit(CreditPhase.PROFILING), null, null, System.nanoTime(), events);
        RequestRecord r = events.record.get(5, TimeUnit.SECONDS);
        assertThat(r.error().type()).isEqualTo("MissingPayloadError");
        assertThat(r.cancelled()).isFalse();
        assertThat(server.accepted.get()).isZero();
    }

    private RequestRecord sendAndAwait(Credit credit) throws Exception {
        Done done = new Done();
        transport.send(credit, System.nanoTime(), done);
        RequestRecord r = done.future.get(10, TimeUnit.SECONDS);
        assertThat(done.thread).startsWith("aiperf-http");
        assertThat(r.creditId()).isEqualTo(credit.creditId());
        assertThat(r.workerId()).isEqualTo("worker-test");
        return r;
    }

    private Credit credit(CreditPhase phase) {
        return Credit.unscheduled(creditIds.getAndIncrement(), phase, "conv-1", "corr-" + creditIds.get(), CHAT_BODY);
    }

    private Credit credit(CreditPhase phase, Long cancelAfterNs, boolean reportFirstToken, long intendedNs) {
        long id = creditIds.getAndIncrement();
        return new Credit(id, phase, "conv-1", "corr-" + id, 0, 1, CHAT_BODY, 0, null, null, null,
                intendedNs == 0 ? -1 : intendedNs, cancelAfterNs, reportFirstToken);
    }

    private static HttpTransport transport(String baseUrl, double timeoutSeconds) {
        EndpointConfig cfg = new EndpointConfig(List.of("m"), EndpointType.CHAT, true, List.of(baseUrl), null,
                timeoutSeconds, "secret-key", false, false, Map.of("X-Custom", "yes"), Map.of(),
                ConnectionReuse.POOLED);
        return new HttpTransport(cfg, "worker-test", 2, false, false);
    }

    private static HttpTransport rawTransport(String baseUrl) {
        EndpointConfig cfg = new EndpointConfig(List.of("m"), EndpointType.CHAT, true, List.of(baseUrl), null, 10,
                "secret-key", false, false, Map.of("X-Custom", "yes", "X-Api-Key", "hidden-value"), Map.of(),
                ConnectionReuse.POOLED);
        return new HttpTransport(cfg, "worker-test", 2, true, false);
    }

    /** Records what the transport reported, in order, with the reporting threads. */
    private static final class Events implements RequestCallbacks {
        final List<String> log = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CompletableFuture<RequestRecord> record = new CompletableFuture<>();
        volatile long firstTokenNs = -1;

        @Override
        public void firstToken(Credit credit, long arrivalNs) {
            firstTokenNs = arrivalNs;
            threads.add(Thread.currentThread().getName());
            log.add("first-token " + credit.creditId());
        }

        @Override
        public void done(Credit credit, RequestRecord r) {
            threads.add(Thread.currentThread().getName());
            log.add("done " + r.creditId());
            record.complete(r);
        }
    }

    private static final class Done implements Consumer<RequestRecord> {
        final CompletableFuture<RequestRecord> future = new CompletableFuture<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile String thread;

        @Override
        public void accept(RequestRecord record) {
            thread = Thread.currentThread().getName();
            calls.incrementAndGet();
            future.complete(record);
        }
    }
}
