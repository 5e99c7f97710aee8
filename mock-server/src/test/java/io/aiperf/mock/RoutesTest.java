package io.aiperf.mock;

import static io.aiperf.mock.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixed routes, and the JSON errors for everything else. */
class RoutesTest {

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withFast(true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void health() {
        HttpResponse<String> response = TestHttp.get(server, "/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void modelsListsTheMockModel() {
        JsonNode body = json(TestHttp.get(server, "/v1/models"));
        assertThat(body.path("object").asText()).isEqualTo("list");
        JsonNode model = body.path("data").path(0);
        assertThat(model.path("id").asText()).isEqualTo("mock-model");
        assertThat(model.path("object").asText()).isEqualTo("model");
        assertThat(model.path("owned_by").asText()).isEqualTo("aiperf-mock");
    }

    @Test
    void unknownPathIs404() {
        for (String path : new String[] {"/v1/embedding", "/chat/completions", "/", "/v1/chat/completions/"}) {
            HttpResponse<String> response = TestHttp.post(server, path, "{}");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).path("error").path("type").asText()).isEqualTo("not_found");
            assertThat(json(response).path("error").path("message").asText()).contains(path);
        }
    }

    @Test
    void queryStringDoesNotChangeTheRoute() {
        assertThat(TestHttp.get(server, "/health?verbose=1").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> response = TestHttp.get(server, "/v1/chat/completions");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("POST");
        assertThat(json(response).path("error").path("type").asText()).isEqualTo("method_not_allowed");

        HttpResponse<String> put = TestHttp.send(TestHttp.request(server, "/mock/requests")
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("allow")).hasValue("DELETE, GET");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = TestHttp.post(server, "/v1/chat/completions", "{\"messages\": [");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).startsWith("invalid JSON: ");

        assertThat(TestHttp.post(server, "/v1/completions", "").statusCode()).isEqualTo(400);
    }

    @Test
    void wellFormedButInvalidFieldsAre400() {
        HttpResponse<String> notObject = TestHttp.post(server, "/v1/completions", "[1,2]");
        assertThat(notObject.statusCode()).isEqualTo(400);
        assertThat(json(notObject).path("error").path("message").asText()).contains("JSON object");

        HttpResponse<String> badMax = TestHttp.post(server, "/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":\"ten\"}");
        assertThat(badMax.statusCode()).isEqualTo(400);
        assertThat(json(badMax).path("error").path("message").asText()).contains("max_tokens");
    }
}
