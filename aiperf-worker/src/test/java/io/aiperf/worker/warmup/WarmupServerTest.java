package io.aiperf.worker.warmup;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class WarmupServerTest {

    @Test
    void itsFirstAnswersCloseTheirConnectionsSoEachWarmUpRequestConnectsAnew() throws Exception {
        try (WarmupServer server = WarmupServer.start(false, 2)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/v1/chat/completions")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(r.headers().firstValue("connection")).as("answer %d", i).hasValue("close");
                assertThat(r.body()).contains("chat.completion");
            }
            HttpResponse<String> kept = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(kept.headers().firstValue("connection")).as("after the one-shot answers").isEmpty();
        }
    }
}
