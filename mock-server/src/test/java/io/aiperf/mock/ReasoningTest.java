package io.aiperf.mock;

import static io.aiperf.mock.TestHttp.millis;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.TestHttp.SseEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reasoning mode: which requests reason, and how the reasoning is streamed, paced, returned whole and counted in
 * {@code usage}, for chat and for the Responses API.
 */
class ReasoningTest {

    private static final double TTFT_MS = 50;
    private static final double ITL_MS = 2;

    /** Ten answer tokens from a reasoning model at low effort: 100 reasoning tokens come first. */
    private static final String CHAT = """
            {"model":"Qwen/Qwen3-0.6B","reasoning_effort":"low","max_completion_tokens":10,"ignore_eos":true,
             "messages":[{"role":"user","content":"hello there"}]%s}""";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withTiming(TTFT_MS, ITL_MS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "qwen3-8b, low, 100",
        "Qwen/Qwen3-0.6B, medium, 250",
        "openai/gpt-oss-20b, HIGH, 500",
        "meta/llama-3, low, 0",
        "qwen3-8b, minimal, 0",
        "qwen3-8b, , 0",
        ", low, 0"})
    void aiperfsTriggerIsModelNamePlusEffort(String model, String effort, int expected) {
        assertThat(Reasoning.tokens(MockConfig.ephemeral(), model, effort)).isEqualTo(expected);
    }

    @Test
    void theConfiguredCountOverridesTheTrigger() {
        MockConfig forced = MockConfig.ephemeral().withReasoningTokens(7);
        assertThat(Reasoning.tokens(forced, "meta/llama-3", null)).isEqualTo(7);
        assertThat(Reasoning.tokens(forced, "qwen3", "high")).isEqualTo(7);
    }

    @Test
    void streamingChatSendsReasoningFirstOnTheSameSchedule() {
        long sentNs = System.nanoTime();
        List<SseEvent> events = TestHttp.stream(server, "/v1/chat/completions",
                CHAT.formatted(",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

        // 100 reasoning chunks, 10 answer chunks, the usage chunk, [DONE].
        assertThat(events).hasSize(112).last().matches(SseEvent::isDone);
        StringBuilder reasoning = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 110; i++) {
            JsonNode delta = events.get(i).json().path("choices").path(0).path("delta");
            assertThat(delta.has("role")).as("role on the first chunk only").isEqualTo(i == 0);
            assertThat(delta.has("reasoning_content")).isEqualTo(i < 100);
            assertThat(delta.has("content")).isEqualTo(i >= 100);
            reasoning.append(delta.path("reasoning_content").asText(""));
            text.append(delta.path("content").asText(""));
        }
        assertThat(reasoning.toString().split(" ")).hasSize(100);
        assertThat(text.toString().split(" ")).hasSize(10);

        JsonNode usage = events.get(110).json().path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(110);
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(100);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(113); // 3 prompt tokens: ceil(11 chars / 4)

        // TTFT is the first reasoning token's; the answer starts 100 itl later. The server never writes early.
        assertThat(millis(events.get(0).receivedNs() - sentNs)).isGreaterThanOrEqualTo(TTFT_MS - 1).isLessThan(2_000);
        assertThat(millis(events.get(100).receivedNs() - sentNs)).isGreaterThanOrEqualTo(TTFT_MS + 100 * ITL_MS - 1);
        assertThat(millis(events.get(109).receivedNs() - sentNs)).isGreaterThanOrEqualTo(TTFT_MS + 109 * ITL_MS - 1)
                .isLessThan(5_000);
    }

    @Test
    void wholeChatAnswerCarriesReasoningContentAndWaitsForEveryToken() {
        long sentNs = System.nanoTime();
        HttpResponse<String> response = TestHttp.post(server, "/v1/chat/completions", CHAT.formatted(""));
        double elapsedMs = millis(System.nanoTime() - sentNs);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        JsonNode message = body.path("choices").path(0).path("message");
        assertThat(message.path("reasoning_content").asText().split(" ")).hasSize(100);
        assertThat(message.path("content").asText().split(" ")).hasSize(10);
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(110);
        assertThat(body.at("/usage/completion_tokens_details/reasoning_tokens").asInt()).isEqualTo(100);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(TTFT_MS + 110 * ITL_MS - 1);
    }

    @Test
    void noReasoningWithoutTheTriggerAndNoneForCompletions() {
        JsonNode plain = TestHttp.json(TestHttp.post(server, "/v1/chat/completions",
                CHAT.formatted("").replace("Qwen/Qwen3-0.6B", "llama")));
        assertThat(plain.at("/choices/0/message").has("reasoning_content")).isFalse();
        assertThat(plain.at("/usage/completion_tokens").asInt()).isEqualTo(10);
        assertThat(plain.path("usage").has("completion_tokens_details")).isFalse();

        JsonNode completion = TestHttp.json(TestHttp.post(server, "/v1/completions", """
                {"model":"qwen3","reasoning_effort":"high","prompt":"hi","max_tokens":4,"ignore_eos":true}"""));
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void streamingResponsesSendReasoningTextDeltasThenOutputText() {
        long sentNs = System.nanoTime();
        List<SseEvent> events = TestHttp.stream(server, "/v1/responses", """
                {"model":"gpt-oss-20b","reasoning":{"effort":"low"},"input":"hello there","stream":true,
                 "max_output_tokens":10}""");

        List<String> types = new ArrayList<>();
        StringBuilder reasoning = new StringBuilder();
        long firstReasoningNs = -1;
        long firstTextNs = -1;
        for (SseEvent event : events) {
            JsonNode json = event.json();
            String type = json.path("type").asText();
            types.add(type);
            if (type.equals("response.reasoning_text.delta")) {
                reasoning.append(json.path("delta").asText());
                firstReasoningNs = firstReasoningNs < 0 ? event.receivedNs() : firstReasoningNs;
            } else if (type.equals("response.output_text.delta")) {
                assertThat(json.path("output_index").asInt()).isEqualTo(1);
                firstTextNs = firstTextNs < 0 ? event.receivedNs() : firstTextNs;
            }
        }
        int answer = (int) types.stream().filter("response.output_text.delta"::equals).count();
        assertThat(answer).isBetween(1, 10);
        List<String> expected = new ArrayList<>();
        expected.add("response.created");
        expected.addAll(Collections.nCopies(100, "response.reasoning_text.delta"));
        expected.add("response.reasoning_text.done");
        expected.addAll(Collections.nCopies(answer, "response.output_text.delta"));
        expected.add("response.output_text.done");
        expected.add("response.completed");
        assertThat(types).isEqualTo(expected);
        assertThat(reasoning.toString().split(" ")).hasSize(100);

        JsonNode completed = events.get(events.size() - 1).json().path("response");
        assertThat(completed.at("/usage/output_tokens").asInt()).isEqualTo(100 + answer);
        assertThat(completed.at("/usage/output_tokens_details/reasoning_tokens").asInt()).isEqualTo(100);
        assertThat(completed.at("/output/0/type").asText()).isEqualTo("reasoning");
        assertThat(completed.at("/output/0/summary/0/text").asText()).isEqualTo(reasoning.toString());
        assertThat(completed.at("/output/1/type").asText()).isEqualTo("message");

        assertThat(millis(firstReasoningNs - sentNs)).isGreaterThanOrEqualTo(TTFT_MS - 1);
        assertThat(millis(firstTextNs - sentNs)).isGreaterThanOrEqualTo(TTFT_MS + 100 * ITL_MS - 1);
    }

    @Test
    void wholeResponsesBodyHasAReasoningItemBeforeTheMessage() {
        JsonNode body = TestHttp.json(TestHttp.post(server, "/v1/responses", """
                {"model":"qwen3","reasoning_effort":"medium","input":"hello there","max_output_tokens":5}"""));

        JsonNode output = body.path("output");
        assertThat(output).hasSize(2);
        assertThat(output.at("/0/type").asText()).isEqualTo("reasoning");
        assertThat(output.at("/0/summary/0/type").asText()).isEqualTo("summary_text");
        assertThat(output.at("/0/summary/0/text").asText().split(" ")).hasSize(250);
        assertThat(output.at("/1/type").asText()).isEqualTo("message");
        int answer = output.at("/1/content/0/text").asText().split(" ").length;
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(250 + answer);
        assertThat(body.at("/usage/output_tokens_details/reasoning_tokens").asInt()).isEqualTo(250);
    }

    @Test
    void configuredReasoningAndUsageOffsetApplyToAnyModel() {
        try (MockServer forced = MockServer.start(MockConfig.ephemeral().withFast(true).withReasoningTokens(3)
                .withUsageTokenOffset(7))) {
            List<SseEvent> events = TestHttp.stream(forced, "/v1/chat/completions", """
                    {"model":"m","stream":true,"max_tokens":4,"ignore_eos":true,
                     "stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hello there"}]}""");
            assertThat(events).hasSize(9); // 3 reasoning, 4 answer, usage, [DONE]
            assertThat(events.get(2).json().at("/choices/0/delta").has("reasoning_content")).isTrue();
            assertThat(events.get(3).json().at("/choices/0/delta").has("content")).isTrue();
            JsonNode usage = events.get(7).json().path("usage");
            // What was sent: 3 prompt tokens, 3 + 4 generated. What is reported: 7 more of each.
            assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(3 + 7);
            assertThat(usage.path("completion_tokens").asInt()).isEqualTo(7 + 7);
            assertThat(usage.at("/completion_tokens_details/reasoning_tokens").asInt()).isEqualTo(3);
            assertThat(usage.path("total_tokens").asInt()).isEqualTo(24);

            JsonNode whole = TestHttp.json(TestHttp.post(forced, "/v1/responses",
                    "{\"model\":\"m\",\"input\":\"hello there\",\"max_output_tokens\":2}"));
            assertThat(whole.at("/output/0/summary/0/text").asText().split(" ")).hasSize(3);
            assertThat(whole.at("/usage/input_tokens").asInt()).isEqualTo(3 + 7);
        }
    }
}
