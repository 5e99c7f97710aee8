package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.RequestContentType;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.TurnContents;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** image_generation, image_retrieval and video_generation through the transport against the mock server. */
class GenerationEndpointsTransportTest {

    /** A 1x1 PNG. */
    private static final String PIXEL = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    private static final long VIDEO_JOB_MS = 350;

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withTiming(5, 2).withLatencies(
                new MockConfig.ItemLatencies(0, 0, 0, 0, 1, 1, VIDEO_JOB_MS)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static EndpointConfig config(EndpointType type, boolean streaming, RequestContentType contentType,
                                         boolean download) {
        return new EndpointConfig(List.of("mock-model"), type, streaming, List.of(server.baseUrl()), null, 10, null,
                false, false, Map.of(), Map.of(), ConnectionReuse.POOLED, null, null, null, contentType, download);
    }

    private static RequestRecord run(EndpointConfig cfg, TurnInput in, int images) throws Exception {
        String body = PayloadFormatter.format(cfg, in, null, null);
        Credit credit = new Credit(1, CreditPhase.PROFILING, "c", "x", 0, 1, body, 0, null, null, 3L, -1, null,
                false, -1, 1, images);
        CompletableFuture<RequestRecord> done = new CompletableFuture<>();
        try (HttpTransport transport = new HttpTransport(cfg, "w", 1, false, false)) {
            transport.send(credit, body, null, System.nanoTime(), (c, record) -> done.complete(record));
            RequestRecord record = done.get(10, TimeUnit.SECONDS);
            assertThat(record.error()).as(cfg.type() + " error").isNull();
            return record;
        }
    }

    @Test
    void aGeneratedImageIsOneResponseAndAStreamedOneHasOnePerPartialImage() throws Exception {
        TurnInput prompt = TurnInput.text("a lighthouse at dusk");
        RequestRecord whole = run(config(EndpointType.IMAGE_GENERATION, false, null, false), prompt, 0);
        assertThat(whole.responses()).hasSize(1);
        assertThat(whole.media()).isNull();
        RequestRecord streamed = run(config(EndpointType.IMAGE_GENERATION, true, null, false), prompt, 0);
        assertThat(streamed.responses()).hasSize(3); // the mock's two partial images, then the final one
        assertThat(streamed.usage()).isNotNull();
    }

    @Test
    void imageRetrievalSendsTheTurnsImagesAndCountsThem() throws Exception {
        TurnInput images = new TurnInput("", new TurnContents(List.of(),
                List.of(NamedContents.of("images", PIXEL, PIXEL, PIXEL)), List.of(), List.of()), null, null);
        RequestRecord record = run(config(EndpointType.IMAGE_RETRIEVAL, false, null, false), images, 3);
        assertThat(record.responses()).hasSize(1);
        assertThat(record.inputImages()).isEqualTo(3);
        assertThat(server.requestLog().stream().filter(r -> r.path().equals("/v1/infer"))
                .anyMatch(r -> r.body().path("input").size() == 3)).isTrue();
    }

    @Test
    void aVideoJobIsOneRecordFromSubmitToCompletedWithTheServersFigures() throws Exception {
        String correlation = "video-json";
        RequestRecord record = runVideo(config(EndpointType.VIDEO_GENERATION, false, null, false), correlation);
        assertThat(record.responses()).hasSize(1);
        long latencyNs = record.responses().get(0).arrivalNs() - record.requestStartNs();
        assertThat(latencyNs).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(VIDEO_JOB_MS));
        assertThat(record.media().videoInferenceTimeSec()).isEqualTo(VIDEO_JOB_MS / 1000.0);
        assertThat(record.media().videoPeakMemoryMb()).isPositive();
        List<String> paths = pathsOf(correlation);
        assertThat(paths.get(0)).isEqualTo("/v1/videos");
        assertThat(paths.subList(1, paths.size())).isNotEmpty().allMatch(p -> p.matches("/v1/videos/[^/]+"));
    }

    @Test
    void aMultipartSubmitWithDownloadEndsWithTheContent() throws Exception {
        String correlation = "video-form";
        RequestRecord record = runVideo(config(EndpointType.VIDEO_GENERATION, false,
                RequestContentType.MULTIPART_FORM_DATA, true), correlation);
        assertThat(record.httpStatus()).isEqualTo(200);
        List<String> paths = pathsOf(correlation);
        assertThat(paths.get(paths.size() - 1)).endsWith("/content");
        assertThat(server.requestLog().stream().filter(r -> correlation.equals(r.xCorrelationId()))
                .filter(r -> r.path().equals("/v1/videos")).findFirst().orElseThrow().header("Content-Type"))
                .startsWith("multipart/form-data");
        assertThat(server.requestLog().stream().filter(r -> correlation.equals(r.xCorrelationId()))
                .filter(r -> r.path().equals("/v1/videos")).findFirst().orElseThrow().body().path("prompt").asText())
                .isEqualTo("a slow pan over hills");
    }

    private static RequestRecord runVideo(EndpointConfig cfg, String correlation) throws Exception {
        String body = PayloadFormatter.format(cfg, TurnInput.text("a slow pan over hills"), null, null);
        Credit credit = new Credit(1, CreditPhase.PROFILING, "c", correlation, 0, 1, body, 0, null, null, 3L, -1,
                null, false, -1, 1, 0);
        CompletableFuture<RequestRecord> done = new CompletableFuture<>();
        try (HttpTransport transport = new HttpTransport(cfg, "w", 1, false, false)) {
            transport.send(credit, body, null, System.nanoTime(), (c, record) -> done.complete(record));
            RequestRecord record = done.get(10, TimeUnit.SECONDS);
            assertThat(record.error()).isNull();
            return record;
        }
    }

    /** A video server that answers every request with {@code answer}: one record, with the cause as its error. */
    private static RequestRecord videoAgainst(int status, String answer) throws Exception {
        HttpServer bad = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bad.createContext("/", exchange -> {
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (exchange) {
                exchange.getResponseBody().write(bytes);
            }
        });
        bad.start();
        try {
            EndpointConfig cfg = new EndpointConfig(List.of("mock-model"), EndpointType.VIDEO_GENERATION, false,
                    List.of("http://127.0.0.1:" + bad.getAddress().getPort()), null, 10, null, false, false, Map.of(),
                    Map.of(), ConnectionReuse.POOLED, null, null, null, null, false);
            String body = PayloadFormatter.format(cfg, TurnInput.text("hills"), null, null);
            Credit credit = new Credit(1, CreditPhase.PROFILING, "c", "bad", 0, 1, body, 0, null, null, 3L, -1,
                    null, false, -1, 1, 0);
            CompletableFuture<RequestRecord> done = new CompletableFuture<>();
            try (HttpTransport transport = new HttpTransport(cfg, "w", 1, false, false)) {
                transport.send(credit, body, null, System.nanoTime(), (c, record) -> done.complete(record));
                return done.get(10, TimeUnit.SECONDS);
            }
        } finally {
            bad.stop(0);
        }
    }

    @Test
    void aVideoServerThatAnswersGarbageFailsTheJobWithTheCauseOnTheRecord() throws Exception {
        RequestRecord html = videoAgainst(200, "<html>not a job</html>");
        assertThat(html.error()).isNotNull();
        assertThat(html.error().type()).isEqualTo("ResponseParseError");

        RequestRecord noId = videoAgainst(200, "{\"status\":\"queued\"}");
        assertThat(noId.error().message()).isEqualTo("the video job has no 'id'");

        RequestRecord failed = videoAgainst(200, "{\"id\":\"v9\",\"status\":\"failed\",\"error\":{\"message\":\"OOM\"}}");
        assertThat(failed.error().type()).isEqualTo(VideoJobs.FAILED_TYPE);
        assertThat(failed.error().message()).isEqualTo("OOM");

        RequestRecord refused = videoAgainst(503, "overloaded");
        assertThat(refused.error().code()).isEqualTo(503);
        assertThat(refused.error().message()).isEqualTo("overloaded");
    }

    private static List<String> pathsOf(String correlation) {
        return server.requestLog().stream().filter(r -> correlation.equals(r.xCorrelationId()))
                .map(r -> r.path()).toList();
    }
}
