package io.aiperf.mock;

import static io.aiperf.mock.TestHttp.millis;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.TestHttp.SseEvent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streaming chat: one SSE event per token on the ttft + i * itl schedule, then optional usage, then [DONE]. */
class StreamingChatTest {

    private static final String TEN_TOKENS = """
            {"model":"test-model","stream":true,"max_completion_tokens":10,"ignore_eos":true,
             "messages":[{"role":"user","content":"hello there"}]%s}""";

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withTiming(100, 20));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tenTokensArriveOnTheTtftItlSchedule() {
        long sentNs = System.nanoTime();
        List<SseEvent> events = TestHttp.stream(server, "/v1/chat/completions", TEN_TOKENS.formatted(""));

        assertThat(events).last().matches(SseEvent::isDone);
        List<SseEvent> tokens = events.subList(0, events.size() - 1);
        assertThat(tokens).hasSize(10);

        // The server cannot write before its schedule, and it started the clock after we sent: tight lower bounds.
        double firstMs = millis(tokens.get(0).receivedNs() - sentNs);
        double lastMs = millis(tokens.get(9).receivedNs() - sentNs);
        assertThat(firstMs).isGreaterThanOrEqualTo(99.0).isLessThan(2_000.0);
        assertThat(lastMs).isGreaterThanOrEqualTo(279.0).isLessThan(3_000.0);
        double meanGapMs = millis(tokens.get(9).receivedNs() - tokens.get(0).receivedNs()) / 9;
        assertThat(meanGapMs).isBetween(10.0, 60.0);
    }

    @Test
    void chunksCarryRoleFirstContentEachTimeAndFinishReasonLast() {
        List<SseEvent> events = TestHttp.stream(server, "/v1/chat/completions", TEN_TOKENS.formatted(""));
        List<SseEvent> tokens = events.subList(0, events.size() - 1);

        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode chunk = tokens.get(i).json();
            assertThat(chunk.path("id").asText()).startsWith("chatcmpl-");
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("model").asText()).isEqualTo("test-model");
            JsonNode choice = chunk.path("choices").path(0);
            assertThat(choice.path("delta").has("role")).isEqualTo(i == 0);
            assertThat(choice.path("finish_reason").isNull()).isEqualTo(i < 9);
            text.append(choice.path("delta").path("content").asText());
        }
        assertThat(tokens.get(9).json().path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        // Ten words: no leading space on the first, exactly one space before each of the others.
        assertThat(text.toString()).doesNotStartWith(" ").doesNotContain("  ");
        assertThat(text.toString().split(" ")).hasSize(10);
    }

    @Test
    void usageChunkOnlyWhenRequested() {
        List<SseEvent> without = TestHttp.stream(server, "/v1/chat/completions", TEN_TOKENS.formatted(""));
        assertThat(without).noneMatch(e -> !e.isDone() && e.json().has("usage"));

        List<SseEvent> with = TestHttp.stream(server, "/v1/chat/completions",
                TEN_TOKENS.formatted(",\"stream_options\":{\"include_usage\":true}"));
        assertThat(with).hasSize(12).last().matches(SseEvent::isDone);
        JsonNode usageChunk = with.get(10).json();
        assertThat(usageChunk.path("choices").isArray()).isTrue();
        assertThat(usageChunk.path("choices")).isEmpty();
        JsonNode usage = usageChunk.path("usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(10);
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(3); // ceil(11 chars / 4)
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(13);
    }

    @Test
    void completionsStreamText() {
        List<SseEvent> events = TestHttp.stream(server, "/v1/completions", """
                {"model":"m","prompt":"once upon a time","stream":true,"max_tokens":3,"ignore_eos":true}""");
        assertThat(events).hasSize(4).last().matches(SseEvent::isDone);
        JsonNode first = events.get(0).json();
        assertThat(first.path("object").asText()).isEqualTo("text_completion");
        assertThat(first.path("id").asText()).startsWith("cmpl-");
        assertThat(first.path("choices").path(0).path("text").asText()).isNotEmpty().doesNotStartWith(" ");
        assertThat(events.get(1).json().path("choices").path(0).path("text").asText()).startsWith(" ");
    }
}
