package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the server saw arrive, in process and over GET/DELETE /mock/requests, and peak concurrency. */
class RequestLogTest {

    @Test
    void recordsEveryInferenceArrivalWithItsHeaders() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            long beforeNs = System.nanoTime();
            long beforeEpochNs = System.currentTimeMillis() * 1_000_000L;
            TestHttp.send(TestHttp.request(server, "/v1/chat/completions")
                    .header("X-Request-ID", "req-1")
                    .header("X-Correlation-ID", "corr-1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"a\",\"messages\":[],\"stream\":true}"))
                    .build());
            TestHttp.post(server, "/v1/completions", "{\"model\":\"b\",\"prompt\":\"x\"}");
            TestHttp.get(server, "/health"); // not an inference request: not logged
            long afterNs = System.nanoTime();

            List<RequestRecord> log = server.requestLog();
            assertThat(log).hasSize(2);
            RequestRecord chat = log.get(0);
            assertThat(chat.path()).isEqualTo("/v1/chat/completions");
            assertThat(chat.model()).isEqualTo("a");
            assertThat(chat.stream()).isTrue();
            assertThat(chat.xRequestId()).isEqualTo("req-1");
            assertThat(chat.xCorrelationId()).isEqualTo("corr-1");
            assertThat(chat.arrivalNs()).isBetween(beforeNs, afterNs);
            assertThat(chat.arrivalEpochNs()).isGreaterThanOrEqualTo(beforeEpochNs - 1_000_000L);
            RequestRecord completion = log.get(1);
            assertThat(completion).extracting(RequestRecord::path, RequestRecord::model, RequestRecord::stream,
                    RequestRecord::xRequestId).containsExactly("/v1/completions", "b", false, null);
            assertThat(completion.arrivalNs()).isGreaterThan(chat.arrivalNs());
            assertThat(chat.body().path("messages").isArray()).isTrue();
            assertThat(completion.body().path("prompt").asText()).isEqualTo("x");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsLoggedWithoutOne() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            assertThat(TestHttp.post(server, "/v1/completions", "{oops").statusCode()).isEqualTo(400);
            assertThat(server.requestLog()).singleElement().extracting(RequestRecord::body).isNull();
            assertThat(TestHttp.json(TestHttp.get(server, "/mock/requests")).at("/requests/0/body").isNull())
                    .isTrue();
        }
    }

    @Test
    void servedAsJsonAndClearedByDelete() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            TestHttp.send(TestHttp.request(server, "/v1/completions")
                    .header("X-Request-ID", "r-42")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"prompt\":\"x\"}"))
                    .build());

            JsonNode listed = TestHttp.json(TestHttp.get(server, "/mock/requests"));
            assertThat(listed.path("peak_concurrency").asInt()).isEqualTo(1);
            JsonNode record = listed.path("requests").path(0);
            assertThat(record.path("arrival_epoch_ns").asLong())
                    .isEqualTo(server.requestLog().get(0).arrivalEpochNs());
            assertThat(record.path("path").asText()).isEqualTo("/v1/completions");
            assertThat(record.path("model").asText()).isEqualTo("m");
            assertThat(record.path("stream").asBoolean()).isFalse();
            assertThat(record.path("x_request_id").asText()).isEqualTo("r-42");
            assertThat(record.path("x_correlation_id").isNull()).isTrue();
            assertThat(record.path("body")).isEqualTo(TestHttp.json("{\"model\":\"m\",\"prompt\":\"x\"}"));

            assertThat(TestHttp.eventually(() -> server.inFlight() == 0)).isTrue();
            HttpResponse<String> deleted = TestHttp.send(TestHttp.request(server, "/mock/requests").DELETE().build());
            assertThat(deleted.statusCode()).isEqualTo(200);
            assertThat(server.requestLog()).isEmpty();
            assertThat(TestHttp.json(TestHttp.get(server, "/mock/requests")).path("requests")).isEmpty();
            assertThat(server.peakConcurrency()).isZero();
        }
    }

    @Test
    void peakConcurrencyCountsOverlappingRequests() throws Exception {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withTiming(1_000, 0))) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                responses.add(TestHttp.client().sendAsync(
                        TestHttp.postRequest(server, "/v1/completions", "{\"prompt\":\"p" + i + "\",\"max_tokens\":1}"),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(server.peakConcurrency()).isEqualTo(5);
            // A request leaves flight when the server's write completes, which can trail the client's read.
            assertThat(TestHttp.eventually(() -> server.inFlight() == 0)).isTrue();
            assertThat(server.requestLog()).hasSize(5);
        }
    }
}
