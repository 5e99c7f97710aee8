package io.aiperf.mock;

import static io.aiperf.mock.TestHttp.json;
import static io.aiperf.mock.TestHttp.millis;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole (non-streamed) answers: body shape, usage, and the deterministic output-length rules. */
class NonStreamingTest {

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withFast(true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode chat(String prompt, String limits) {
        HttpResponse<String> response = TestHttp.post(server, "/v1/chat/completions",
                "{\"model\":\"chat-model\",\"messages\":[{\"role\":\"user\",\"content\":" + quote(prompt) + "}]"
                        + limits + "}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        return json(response);
    }

    private static String quote(String text) {
        try {
            return TestHttp.JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void chatCompletionBodyAndUsage() {
        JsonNode body = chat("twelve chars", ",\"max_tokens\":5,\"ignore_eos\":true");

        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("created").asLong()).isPositive();
        assertThat(body.path("model").asText()).isEqualTo("chat-model");
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText().split(" ", -1)).hasSize(5);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(3);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(8);
    }

    @Test
    void maxCompletionTokensWinsOverMaxTokens() {
        JsonNode body = chat("x", ",\"max_completion_tokens\":7,\"max_tokens\":3,\"ignore_eos\":true");
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void textCompletionBodyCountsEveryPromptString() {
        HttpResponse<String> response = TestHttp.post(server, "/v1/completions", """
                {"model":"base","prompt":["abcdefgh","ijklmnop"],"max_tokens":4,"ignore_eos":true}""");
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("id").asText()).startsWith("cmpl-");
        assertThat(body.path("object").asText()).isEqualTo("text_completion");
        assertThat(body.path("model").asText()).isEqualTo("base");
        assertThat(body.path("choices").path(0).path("text").asText().split(" ", -1)).hasSize(4);
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(4); // 16 chars / 4
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void onlyTextPartsOfMultimodalContentCount() {
        HttpResponse<String> response = TestHttp.post(server, "/v1/chat/completions", """
                {"model":"vlm","max_tokens":1,"messages":[{"role":"user","content":[
                  {"type":"text","text":"0123456789012345678901234567890123456789"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAAAAAAAAAAAAAAAAAAAAAA"}}]}]}""");
        assertThat(json(response).path("usage").path("prompt_tokens").asInt()).isEqualTo(10);
    }

    @Test
    void minAndMaxTokensBoundADeterministicLength() {
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            JsonNode body = chat("prompt number " + i, ",\"min_tokens\":3,\"max_tokens\":8");
            int n = body.path("usage").path("completion_tokens").asInt();
            assertThat(n).isBetween(3, 8);
            assertThat(body.path("choices").path(0).path("finish_reason").asText())
                    .isEqualTo(n == 8 ? "length" : "stop");
            lengths.add(n);
        }
        assertThat(lengths).as("different prompts should not all get the same length").hasSizeGreaterThan(1);
    }

    @Test
    void samePromptSameAnswer() {
        JsonNode first = chat("the very same prompt", ",\"max_tokens\":50");
        JsonNode second = chat("the very same prompt", ",\"max_tokens\":50");
        assertThat(second.path("choices")).isEqualTo(first.path("choices"));
        assertThat(second.path("usage")).isEqualTo(first.path("usage"));
    }

    @Test
    void withoutLimitsOutputTracksPromptLength() {
        JsonNode shortPrompt = chat("hi", "");
        assertThat(shortPrompt.path("usage").path("completion_tokens").asInt()).isEqualTo(16);

        JsonNode longPrompt = chat("a".repeat(400), ""); // 100 prompt tokens
        assertThat(longPrompt.path("usage").path("completion_tokens").asInt()).isBetween(80, 120);
        assertThat(longPrompt.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void zeroMaxTokensGivesAnEmptyAnswer() {
        JsonNode body = chat("anything", ",\"max_tokens\":0");
        assertThat(body.path("usage").path("completion_tokens").asInt()).isZero();
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEmpty();
    }

    @Test
    void missingModelFallsBackToTheMockModel() {
        HttpResponse<String> response = TestHttp.post(server, "/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}");
        assertThat(json(response).path("model").asText()).isEqualTo("mock-model");
    }

    @Test
    void wholeAnswerWaitsTtftPlusItlPerToken() {
        try (MockServer slow = MockServer.start(MockConfig.ephemeral().withTiming(50, 10))) {
            long sentNs = System.nanoTime();
            HttpResponse<String> response = TestHttp.post(slow, "/v1/completions",
                    "{\"prompt\":\"x\",\"max_tokens\":5,\"ignore_eos\":true}");
            double elapsedMs = millis(System.nanoTime() - sentNs);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(elapsedMs).isGreaterThanOrEqualTo(99.0).isLessThan(3_000.0);
        }
    }
}
