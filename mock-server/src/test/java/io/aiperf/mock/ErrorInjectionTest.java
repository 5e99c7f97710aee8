package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --error-rate: a share of inference requests fail with HTTP 500, reproducibly when seeded. */
class ErrorInjectionTest {

    private static final String CHAT = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1}";

    private static List<Integer> statuses(MockConfig config, int requests) {
        try (MockServer server = MockServer.start(config.withFast(true))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(TestHttp.post(server, "/v1/chat/completions", CHAT).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void everyRequestFailsAtOneHundredPercent() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withErrorRate(100, null))) {
            for (String streamFlag : new String[] {"false", "true"}) {
                HttpResponse<String> response = TestHttp.post(server, "/v1/chat/completions",
                        "{\"messages\":[],\"stream\":" + streamFlag + "}");
                assertThat(response.statusCode()).isEqualTo(500);
                JsonNode error = TestHttp.json(response).path("error");
                assertThat(error.path("message").asText()).isEqualTo("mock injected error");
                assertThat(error.path("type").asText()).isEqualTo("server_error");
                assertThat(error.path("code").asInt()).isEqualTo(500);
            }
            // Only inference routes fail.
            assertThat(TestHttp.get(server, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void noRequestFailsAtZeroPercent() {
        assertThat(statuses(MockConfig.ephemeral(), 50)).containsOnly(200);
    }

    @Test
    void seededThirtyPercentIsRoughlyThirtyPercentAndReproducible() {
        MockConfig config = MockConfig.ephemeral().withErrorRate(30, 42L);
        List<Integer> first = statuses(config, 200);
        long failures = first.stream().filter(s -> s == 500).count();

        assertThat(first).containsOnly(200, 500);
        assertThat(failures).isBetween(30L, 90L);
        assertThat(statuses(config, 200)).as("same seed, same failing requests").isEqualTo(first);
    }
}
