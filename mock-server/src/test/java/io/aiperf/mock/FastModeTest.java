package io.aiperf.mock;

import static io.aiperf.mock.TestHttp.millis;
import static org.assertj.core.api.Assertions.assertThat;

import io.aiperf.mock.TestHttp.SseEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --fast overrides ttft and itl: every token goes out at once, still one SSE event per token. */
class FastModeTest {

    @Test
    void streamsAllTokensWithoutDelay() {
        // Without --fast these settings would take over three minutes.
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withTiming(1_000, 1_000).withFast(true))) {
            TestHttp.stream(server, "/v1/completions", "{\"prompt\":\"warm up\",\"stream\":true,\"max_tokens\":5}");

            long sentNs = System.nanoTime();
            List<SseEvent> events = TestHttp.stream(server, "/v1/chat/completions", """
                    {"messages":[{"role":"user","content":"go"}],"stream":true,"max_tokens":200,"ignore_eos":true}""");
            double elapsedMs = millis(System.nanoTime() - sentNs);

            assertThat(events).hasSize(201).last().matches(SseEvent::isDone);
            assertThat(elapsedMs).isLessThan(1_000.0);
        }
    }
}
