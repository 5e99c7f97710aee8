package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker sends the real credentials and keeps none: a raw capture redacts the built-in secret headers and the
 * user's {@code --secret-header} ones, and an error message in which the server echoes a credential is masked.
 */
class RedactionTransportTest {

    private static final String API_KEY = "sk-worker-4d1f9a";
    private static final String TENANT = "tenant-77aa31";
    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"m\"}";

    private TestHttpServer server;
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
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
    void userMarkedHeadersAreRedactedInTheRawCaptureButSentForReal() throws Exception {
        server.responder = TestHttpServer.json(HttpResponseStatus.OK, "{\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"ok\"}}]}", true);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Tenant", TENANT);
        headers.put("X-Plain", "visible");
        transport = new HttpTransport(endpoint(headers, List.of("x-TENANT")), "worker-test", 1, true, false);

        RequestRecord r = send();

        assertThat(r.error()).isNull();
        assertThat(r.raw().requestHeaders()).containsEntry("X-Tenant", "<redacted>")
                .containsEntry("authorization", "<redacted>").containsEntry("X-Plain", "visible");
        TestHttpServer.Received received = server.requests.poll(5, TimeUnit.SECONDS);
        assertThat(received.headers().get("X-Tenant")).isEqualTo(TENANT);
        assertThat(received.headers().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void aCredentialEchoedInAnErrorBodyIsMaskedInTheRecord() throws Exception {
        server.responder = TestHttpServer.json(HttpResponseStatus.UNAUTHORIZED,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}", true);
        transport = new HttpTransport(endpoint(Map.of(), List.of()), "worker-test", 1, false, false);

        RequestRecord r = send();

        assertThat(r.error().code()).isEqualTo(401);
        assertThat(r.error().message()).isEqualTo("{\"error\":{\"message\":\"Incorrect API key provided: <redacted>\"}}");
    }

    private EndpointConfig endpoint(Map<String, String> headers, List<String> secretHeaders) {
        return new EndpointConfig(List.of("m"), EndpointType.CHAT, false, List.of(server.baseUrl()), null, 10,
                API_KEY, false, false, headers, Map.of(), ConnectionReuse.POOLED, secretHeaders, null);
    }

    private RequestRecord send() throws Exception {
        CompletableFuture<RequestRecord> done = new CompletableFuture<>();
        transport.send(Credit.unscheduled(1, CreditPhase.PROFILING, "conv-1", "corr-1", BODY), System.nanoTime(),
                done::complete);
        return done.get(15, TimeUnit.SECONDS);
    }
}
