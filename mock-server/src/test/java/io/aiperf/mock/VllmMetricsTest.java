package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /metrics} and {@code /vllm/metrics} move with the requests a real mock server serves. */
class VllmMetricsTest {

    private static final List<String> FAMILIES = List.of("vllm:num_requests_running", "vllm:num_requests_waiting",
            "vllm:kv_cache_usage_perc", "vllm:prefix_cache_queries_total", "vllm:prefix_cache_hits_total",
            "vllm:prompt_tokens_total", "vllm:generation_tokens_total", "vllm:request_success_total",
            "mock:request_failures_total", "vllm:time_to_first_token_seconds", "vllm:inter_token_latency_seconds",
            "vllm:e2e_request_latency_seconds");

    private static PromLines scrape(MockServer server, String path) {
        HttpResponse<String> response = TestHttp.get(server, path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
        return PromLines.parse(response.body());
    }

    private static PromLines scrape(MockServer server) {
        return scrape(server, "/metrics");
    }

    private static String chat(String prompt, boolean stream, int tokens) {
        return "{\"model\":\"m1\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}],\"stream\":"
                + stream + ",\"max_tokens\":" + tokens + ",\"ignore_eos\":true}";
    }

    private static double successes(PromLines lines) {
        return lines.samples("vllm:request_success_total").stream().mapToDouble(PromLines.Sample::value).sum();
    }

    /** Served requests are counted when their exchange ends, which can trail the client's last read a little. */
    private static PromLines scrapeOnce(MockServer server, double successes) {
        assertThat(TestHttp.eventually(() -> successes(scrape(server)) == successes)).isTrue();
        return scrape(server);
    }

    @Test
    void familiesStartAtZero() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            PromLines lines = scrape(server);
            assertThat(lines.types.keySet()).containsExactlyInAnyOrderElementsOf(FAMILIES);
            assertThat(lines.types.get("vllm:time_to_first_token_seconds")).isEqualTo("histogram");
            assertThat(lines.types.get("vllm:prompt_tokens_total")).isEqualTo("counter");
            assertThat(lines.samples).allSatisfy(s -> assertThat(s.label("model_name")).isEqualTo("mock-model"));
            assertThat(lines.samples).allSatisfy(s -> assertThat(s.value()).isZero());
            assertThat(scrape(server, "/vllm/metrics").types).isEqualTo(lines.types);
        }
    }

    @Test
    void countersAndHistogramsGrowWithServedRequests() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withTiming(2, 1))) {
            for (int i = 0; i < 3; i++) {
                assertThat(TestHttp.post(server, "/v1/chat/completions", chat("whole " + i, false, 10)).statusCode())
                        .isEqualTo(200);
            }
            for (int i = 0; i < 2; i++) {
                TestHttp.stream(server, "/v1/chat/completions", chat("streamed " + i, true, 10));
            }
            PromLines lines = scrapeOnce(server, 5);
            assertThat(lines.value("vllm:request_success_total", "finished_reason", "length")).isEqualTo(5);
            assertThat(lines.value("vllm:request_success_total", "finished_reason", "stop")).isZero();
            assertThat(lines.value("vllm:generation_tokens_total")).isEqualTo(50);
            // "whole 0" is 7 characters: 2 of the mock's 4-character tokens; "streamed 0" is 10: 3.
            assertThat(lines.value("vllm:prompt_tokens_total")).isEqualTo(3 * 2 + 2 * 3);
            assertThat(lines.value("vllm:time_to_first_token_seconds_count")).isEqualTo(5);
            assertThat(lines.value("vllm:time_to_first_token_seconds_bucket", "le", "0.005")).isEqualTo(5);
            assertThat(lines.value("vllm:time_to_first_token_seconds_bucket", "le", "0.001")).isZero();
            assertThat(lines.value("vllm:time_to_first_token_seconds_sum")).isCloseTo(0.010, within());
            assertThat(lines.value("vllm:inter_token_latency_seconds_count")).isEqualTo(5 * 9);
            assertThat(lines.value("vllm:e2e_request_latency_seconds_count")).isEqualTo(5);
            assertThat(lines.value("vllm:num_requests_running")).isZero();
            assertThat(lines.value("vllm:kv_cache_usage_perc")).isZero();
            assertThat(lines.samples).allSatisfy(s -> assertThat(s.label("model_name")).isEqualTo("m1"));

            TestHttp.post(server, "/v1/chat/completions", chat("one more", false, 4));
            PromLines more = scrapeOnce(server, 6);
            assertThat(more.value("vllm:generation_tokens_total")).isEqualTo(54);
            assertThat(more.value("vllm:time_to_first_token_seconds_count")).isEqualTo(6);
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    @Test
    void runningRequestsHoldTheKvCache() throws Exception {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withTiming(0, 10))) {
            Thread client = new Thread(() -> TestHttp.post(server, "/v1/chat/completions", chat("hold", false, 100)));
            client.start();
            assertThat(TestHttp.eventually(() -> scrape(server).value("vllm:num_requests_running") == 1)).isTrue();
            // 1 prompt token + 100 planned output tokens of the notional capacity.
            assertThat(scrape(server).value("vllm:kv_cache_usage_perc"))
                    .isCloseTo(101.0 / ServedTraffic.KV_CAPACITY_TOKENS, within());
            client.join(10_000);
            assertThat(TestHttp.eventually(() -> scrape(server).value("vllm:kv_cache_usage_perc") == 0)).isTrue();
        }
    }

    @Test
    void aRepeatedPromptHitsThePrefixCache() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            String prompt = "a prompt long enough to have a prefix worth caching, sent twice";
            TestHttp.post(server, "/v1/chat/completions", chat(prompt, false, 1));
            TestHttp.post(server, "/v1/chat/completions", chat("another prompt altogether", false, 1));
            PromLines first = scrapeOnce(server, 2);
            assertThat(first.value("vllm:prefix_cache_hits_total")).isZero();
            assertThat(first.value("vllm:prefix_cache_queries_total"))
                    .isEqualTo(first.value("vllm:prompt_tokens_total"));

            TestHttp.post(server, "/v1/chat/completions", chat(prompt, false, 1));
            PromLines second = scrapeOnce(server, 3);
            assertThat(second.value("vllm:prefix_cache_hits_total")).isEqualTo((prompt.length() + 3) / 4);
        }
    }

    @Test
    void resetRestartsTheCountersFromZero() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            TestHttp.post(server, "/v1/chat/completions", chat("before the reset", false, 8));
            TestHttp.post(server, "/v1/chat/completions", chat("before the reset", false, 8));
            PromLines before = scrapeOnce(server, 2);
            assertThat(before.value("vllm:generation_tokens_total")).isEqualTo(16);
            assertThat(before.value("vllm:prefix_cache_hits_total")).isPositive();

            HttpResponse<String> reset = TestHttp.post(server, MetricsResetRoute.PATH, "");
            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(TestHttp.json(reset).path("reset").asBoolean()).isTrue();
            PromLines zero = scrape(server);
            assertThat(zero.samples).allSatisfy(s -> assertThat(s.value()).as(s.name()).isZero());

            TestHttp.post(server, "/v1/chat/completions", chat("after", false, 3));
            PromLines after = scrapeOnce(server, 1);
            assertThat(after.value("vllm:generation_tokens_total")).isEqualTo(3);
            assertThat(after.value("vllm:time_to_first_token_seconds_count")).isEqualTo(1);
            assertThat(TestHttp.get(server, MetricsResetRoute.PATH).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void failuresAreCountedApart() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true).withErrorRate(100, 1L))) {
            assertThat(TestHttp.post(server, "/v1/chat/completions", chat("fails", false, 1)).statusCode())
                    .isEqualTo(500);
            assertThat(TestHttp.post(server, "/v1/chat/completions", "not json").statusCode()).isEqualTo(400);
            PromLines lines = scrape(server);
            assertThat(lines.value("mock:request_failures_total")).isEqualTo(2);
            assertThat(successes(lines)).isZero();
            assertThat(lines.value("vllm:time_to_first_token_seconds_count")).isZero();
        }
    }
}
