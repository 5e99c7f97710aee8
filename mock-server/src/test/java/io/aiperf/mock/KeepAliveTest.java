package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiperf.mock.RawHttpConnection.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 connection reuse, pipelining and Connection: close, seen on a single raw TCP connection. */
class KeepAliveTest {

    private static final String CHAT = """
            {"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":3,"ignore_eos":true%s}""";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withTiming(1, 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twentySequentialRequestsShareOneConnection() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.port())) {
            for (int i = 0; i < 20; i++) {
                boolean stream = i % 2 == 1;
                Response response = connection.exchange("POST", "/v1/chat/completions",
                        CHAT.formatted(stream ? ",\"stream\":true" : ""));
                assertThat(response.status()).as("request %d", i).isEqualTo(200);
                if (stream) {
                    assertThat(response.header("transfer-encoding")).isEqualTo("chunked");
                    assertThat(response.body()).endsWith("data: [DONE]\n\n");
                } else {
                    assertThat(response.body()).contains("\"completion_tokens\":3");
                }
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.port())) {
            // Three requests in one write: the first answer is delayed, so the others must wait their turn.
            connection.send(RawHttpConnection.request("POST", "/v1/chat/completions", CHAT.formatted(""))
                    + RawHttpConnection.request("GET", "/health", null)
                    + RawHttpConnection.request("GET", "/v1/models", null));
            assertThat(connection.read().body()).contains("chat.completion");
            assertThat(connection.read().body()).contains("\"status\":\"ok\"");
            assertThat(connection.read().body()).contains("mock-model");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.port())) {
            Response response = connection.exchange("POST", "/v1/chat/completions",
                    CHAT.formatted(",\"stream\":true"), "Connection: close");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("connection")).isEqualTo("close");
            assertThat(connection.closedByPeer()).isTrue();
        }
    }

    @Test
    void clientHangingUpMidStreamEndsTheRequest() throws Exception {
        try (MockServer slow = MockServer.start(MockConfig.ephemeral().withTiming(10, 50))) {
            try (RawHttpConnection connection = new RawHttpConnection(slow.port())) {
                connection.send(RawHttpConnection.request("POST", "/v1/chat/completions", """
                        {"messages":[],"stream":true,"max_tokens":1000,"ignore_eos":true}"""));
                assertThat(connection.readFirstEventLine()).contains("chat.completion.chunk");
                assertThat(slow.inFlight()).isEqualTo(1);
            }
            assertThat(TestHttp.eventually(() -> slow.inFlight() == 0)).isTrue();
            assertThat(TestHttp.get(slow, "/health").statusCode()).isEqualTo(200);
        }
    }
}
