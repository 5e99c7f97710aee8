package io.aiperf.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.core.error.UsageException;
import io.aiperf.core.message.Message.RunStage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final LiveRunState state = new LiveRunState();

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesEachRouteAsJsonOnTheBoundPort() throws Exception {
        try (ApiServer server = ApiServer.start("127.0.0.1", 0, state)) {
            assertThat(server.url()).startsWith("http://127.0.0.1:").doesNotEndWith(":0");

            HttpResponse<String> health = get(server.url() + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(ApiJson.MAPPER.readTree(health.body()).get("status").asText()).isEqualTo("ok");

            state.accept(new RunStage(RunStage.GRACE, 5L, 3_000_000_000L));
            JsonNode progress = ApiJson.MAPPER.readTree(get(server.url() + "/api/progress").body());
            assertThat(progress.get("stage").asText()).isEqualTo("grace");

            for (String route : ApiJson.ROUTES) {
                assertThat(get(server.url() + route).statusCode()).as(route).isEqualTo(200);
            }
            JsonNode index = ApiJson.MAPPER.readTree(get(server.url() + "/").body());
            assertThat(index.get("routes")).hasSize(ApiJson.ROUTES.size());
        }
    }

    @Test
    void anUnknownPathIs404AndAPostIs405() throws Exception {
        try (ApiServer server = ApiServer.start("127.0.0.1", 0, state)) {
            HttpResponse<String> missing = get(server.url() + "/api/nothing");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(ApiJson.MAPPER.readTree(missing.body()).get("error").asText()).isEqualTo("not found");

            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/status"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
    }

    @Test
    void closedItNoLongerAnswers() throws Exception {
        ApiServer server = ApiServer.start("127.0.0.1", 0, state);
        String url = server.url();
        assertThat(get(url + "/health").statusCode()).isEqualTo(200);

        server.close();

        assertThatThrownBy(() -> get(url + "/health")).isInstanceOf(IOException.class);
    }

    @Test
    void aPortInUseIsOneLineNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ApiServer.start("127.0.0.1", taken.getLocalPort(), state))
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--api-port: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageNotContaining("\n");
        }
    }
}
