package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --fault NAME:PCT}: each injected fault, seen on the wire by a raw socket client (so a reset or a stall is
 * observed as such, not hidden by a client library), and the seeded mix of several faults.
 */
class FaultInjectionTest {

    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"one two three four five six seven eight\"}],\"max_tokens\":8,\"ignore_eos\":true,\"stream\":%s}";

    /** What a raw client saw: the bytes read, and the failure that ended the read, if any. */
    private record Wire(String text, IOException failure) {
        String body() {
            int split = text.indexOf("\r\n\r\n");
            return split < 0 ? "" : text.substring(split + 4);
        }

        List<String> dataLines() {
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\r?\n")) {
                if (line.startsWith("data: ")) {
                    lines.add(line.substring(6));
                }
            }
            return lines;
        }
    }

    private static Wire post(MockServer server, boolean stream, int readTimeoutMs) throws IOException {
        return post(server, stream, readTimeoutMs, Integer.MAX_VALUE);
    }

    /** Reads until the server ends the answer or {@code maxBytes} have come (then closes the connection). */
    private static Wire post(MockServer server, boolean stream, int readTimeoutMs, int maxBytes) throws IOException {
        String body = String.format(CHAT, stream);
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(readTimeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while (received.size() < maxBytes && (n = in.read(buf)) > 0) {
                    received.write(buf, 0, n);
                }
                return new Wire(received.toString(StandardCharsets.UTF_8), null);
            } catch (IOException e) {
                return new Wire(received.toString(StandardCharsets.UTF_8), e);
            }
        }
    }

    private static MockServer start(Fault fault) {
        return MockServer.start(MockConfig.ephemeral().withFast(true).withFault(fault, 100));
    }

    private static boolean isJson(String text) {
        try {
            TestHttp.JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @Test
    void sseErrorStreamsHalfTheTokensThenAnErrorEventWithTheMessageInAComment() throws IOException {
        try (MockServer server = start(Fault.SSE_ERROR)) {
            Wire wire = post(server, true, 5_000);
            assertThat(wire.failure()).isNull();
            assertThat(wire.text()).startsWith("HTTP/1.1 200").contains("text/event-stream")
                    .contains("event: error\n: mock injected error\n").doesNotContain("[DONE]");
            assertThat(wire.dataLines()).hasSize(4 + 1); // 4 of 8 tokens, then the error event's data line
            assertThat(TestHttp.json(wire.dataLines().get(0)).at("/choices/0/delta/content").asText()).isNotEmpty();

            Wire whole = post(server, false, 5_000);
            assertThat(TestHttp.json(whole.body()).at("/choices/0/message/content").asText())
                    .as("no stream, no SSE error: a normal answer").isNotEmpty();
        }
    }

    @Test
    void malformedJsonIsATruncatedBodyOrDataLine() throws IOException {
        try (MockServer server = start(Fault.MALFORMED_JSON)) {
            Wire whole = post(server, false, 5_000);
            assertThat(whole.text()).startsWith("HTTP/1.1 200");
            assertThat(whole.body()).startsWith("{\"id\"");
            assertThat(isJson(whole.body())).isFalse();

            List<String> data = post(server, true, 5_000).dataLines();
            assertThat(data).hasSize(5);
            assertThat(data.subList(0, 4)).allMatch(FaultInjectionTest::isJson);
            assertThat(data.get(4)).endsWith("\"choices\":[{");
            assertThat(isJson(data.get(4))).isFalse();
        }
    }

    @Test
    void emptyChoicesAnswersWithAnEmptyListAndUsage() throws IOException {
        try (MockServer server = start(Fault.EMPTY_CHOICES)) {
            JsonNode whole = TestHttp.json(post(server, false, 5_000).body());
            assertThat(whole.path("object").asText()).isEqualTo("chat.completion");
            assertThat(whole.path("choices").isArray()).isTrue();
            assertThat(whole.path("choices")).isEmpty();
            assertThat(whole.at("/usage/completion_tokens").asInt()).isZero();

            List<String> data = post(server, true, 5_000).dataLines();
            assertThat(data).hasSize(2).last().isEqualTo("[DONE]");
            assertThat(TestHttp.json(data.get(0)).path("choices")).isEmpty();
        }
    }

    @Test
    void emptyContentAnswersWithOneChoiceOfEmptyText() throws IOException {
        try (MockServer server = start(Fault.EMPTY_CONTENT)) {
            JsonNode whole = TestHttp.json(post(server, false, 5_000).body());
            assertThat(whole.at("/choices/0/message/content").isTextual()).isTrue();
            assertThat(whole.at("/choices/0/message/content").asText()).isEmpty();

            List<String> data = post(server, true, 5_000).dataLines();
            assertThat(data).hasSize(2).last().isEqualTo("[DONE]");
            assertThat(TestHttp.json(data.get(0)).at("/choices/0/delta/content").asText()).isEmpty();
        }
    }

    @Test
    void resetDropsTheConnectionWithAnRstAtOnceOrMidStream() throws IOException {
        try (MockServer server = start(Fault.RESET)) {
            Wire whole = post(server, false, 5_000);
            assertThat(whole.text()).as("nothing before the reset").isEmpty();
            assertThat(whole.failure()).isNotNull();
            assertThat(whole.failure().getMessage()).containsIgnoringCase("reset");

            Wire stream = post(server, true, 5_000);
            assertThat(stream.failure()).isNotNull();
            assertThat(stream.failure().getMessage()).containsIgnoringCase("reset");
            assertThat(stream.text()).startsWith("HTTP/1.1 200");
            assertThat(stream.dataLines()).as("half the tokens arrived first").hasSize(4);
        }
    }

    @Test
    void http429And503CarryRetryAfterAndAnOpenAiErrorBody() throws IOException {
        for (Fault fault : List.of(Fault.HTTP_429, Fault.HTTP_503)) {
            try (MockServer server = start(fault)) {
                Wire wire = post(server, true, 5_000);
                String status = fault == Fault.HTTP_429 ? "429 Too Many Requests" : "503 Service Unavailable";
                assertThat(wire.text()).startsWith("HTTP/1.1 " + status).containsIgnoringCase("retry-after: 1\r\n");
                assertThat(TestHttp.json(wire.body()).at("/error/message").asText()).isEqualTo(Fault.MESSAGE);
                assertThat(server.requestLog()).singleElement().extracting(RequestRecord::fault).isEqualTo(fault);
            }
        }
    }

    @Test
    void oversizeSendsABodyOrADataLineThatNeverEnds() throws IOException {
        int fourMiB = 4 << 20;
        try (MockServer server = start(Fault.OVERSIZE)) {
            Wire whole = post(server, false, 5_000, fourMiB);
            assertThat(whole.text()).startsWith("HTTP/1.1 200").contains("application/json")
                    .contains("\"message\":{\"content\":\"");
            assertThat(whole.text().length()).isGreaterThanOrEqualTo(fourMiB);

            Wire stream = post(server, true, 5_000, fourMiB);
            assertThat(stream.text()).contains("text/event-stream").contains("data: {").doesNotContain("\n\n");
            assertThat(stream.text().length()).isGreaterThanOrEqualTo(fourMiB);
            // The server is not stuck: the client closed, the next request is answered.
            assertThat(TestHttp.get(server, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void endlessStreamSendsValidTokenEventsWithoutEnd() throws IOException {
        try (MockServer server = start(Fault.ENDLESS_STREAM)) {
            List<String> data = post(server, true, 5_000, 2 << 20).dataLines();
            assertThat(data.size()).isGreaterThan(5_000);
            assertThat(data.subList(0, data.size() - 1)).allSatisfy(line ->
                    assertThat(TestHttp.json(line).at("/choices/0/delta/content").asText()).isNotEmpty());
            assertThat(data).doesNotContain("[DONE]");

            Wire whole = post(server, false, 5_000);
            assertThat(TestHttp.json(whole.body()).at("/choices/0/message/content").asText()).isNotEmpty();
        }
    }

    @Test
    void malformedSseSendsJsonLinesWithoutTheDataField() throws IOException {
        try (MockServer server = start(Fault.MALFORMED_SSE)) {
            Wire wire = post(server, true, 5_000);
            assertThat(wire.text()).startsWith("HTTP/1.1 200").contains("text/event-stream");
            assertThat(wire.dataLines()).isEmpty();
            assertThat(wire.text()).contains("{\"id\":").contains("[DONE]");
        }
    }

    @Test
    void stallNeverAnswers() throws IOException {
        try (MockServer server = start(Fault.STALL)) {
            Wire wire = post(server, true, 700);
            assertThat(wire.text()).isEmpty();
            assertThat(wire.failure()).isInstanceOf(SocketTimeoutException.class);
            // The server is not stuck: a health check on another connection still answers.
            assertThat(TestHttp.get(server, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void faultsOnOtherRoutesFallBackToTheSharedOnes() {
        try (MockServer server = start(Fault.EMPTY_CHOICES)) {
            // Embeddings have no choices to empty: the answer is normal.
            assertThat(TestHttp.post(server, "/v1/embeddings", "{\"model\":\"m\",\"input\":[\"a\"]}").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aSeededMixGivesEachFaultItsShareReproducibly() throws IOException {
        MockConfig config = MockConfig.ephemeral().withFast(true).withErrorRate(20, 42L)
                .withFault(Fault.EMPTY_CHOICES, 30);
        List<String> first = outcomes(config, 200);
        long errors = first.stream().filter("500"::equals).count();
        long empty = first.stream().filter("empty"::equals).count();
        assertThat(first).containsOnly("500", "empty", "ok");
        assertThat(errors).isBetween(20L, 60L);
        assertThat(empty).isBetween(35L, 85L);
        assertThat(outcomes(config, 200)).as("same seed, same faults").isEqualTo(first);
    }

    private static List<String> outcomes(MockConfig config, int requests) throws IOException {
        List<String> outcomes = new ArrayList<>();
        try (MockServer server = MockServer.start(config)) {
            for (int i = 0; i < requests; i++) {
                Wire wire = post(server, false, 5_000);
                if (wire.text().startsWith("HTTP/1.1 500")) {
                    outcomes.add("500");
                } else if (TestHttp.json(wire.body()).path("choices").isEmpty()) {
                    outcomes.add("empty");
                } else {
                    outcomes.add("ok");
                }
            }
        }
        return outcomes;
    }

    @Test
    void ratesAreValidated() {
        assertThatThrownBy(() -> MockConfig.ephemeral().withErrorRate(60, null).withFault(Fault.RESET, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 100");
        assertThatThrownBy(() -> MockConfig.ephemeral().withFault(Fault.STALL, -1))
                .hasMessageContaining("stall rate must be in [0, 100]");
        assertThat(MockConfig.ephemeral().withFault(Fault.HTTP_500, 12).errorRatePct()).isEqualTo(12);
    }

    @Test
    void commandLine() throws Exception {
        MockConfig config = MockServerMain.parse("--fault", "sse-error:10", "--fault=RESET:5", "--error-rate", "1")
                .config();
        assertThat(config.faultsPct()).containsEntry(Fault.SSE_ERROR, 10.0).containsEntry(Fault.RESET, 5.0);
        assertThat(config.faultRatesPct()).containsEntry(Fault.HTTP_500, 1.0);
        assertThatThrownBy(() -> MockServerMain.parse("--fault", "explode:5"))
                .hasMessageContaining("unknown fault 'explode'").hasMessageContaining("sse-error");
        assertThatThrownBy(() -> MockServerMain.parse("--fault", "reset"))
                .hasMessageContaining("is not NAME:PCT");
    }
}
