package io.aiperf.records.metric;

import io.aiperf.core.model.ResponseChunk;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.aiperf.records.testing.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RecordMetricsTest {

    private static final long MS = 1_000_000L;

    private final RecordMetrics streaming = new RecordMetrics(TestRecords.wordTokenizer(), true, false);
    private final RecordMetrics nonStreaming = new RecordMetrics(TestRecords.wordTokenizer(), false, false);
    private final RecordMetrics serverCounts = new RecordMetrics(null, true, true);

    @Test
    void streamingRecordHasEveryMetricWithAiperfFormulas() {
        MetricRecord m = streaming.compute(request()
                .text(100 * MS, "a").text(120 * MS, " b").text(150 * MS, " c").text(200 * MS, " d").build(), 50L);

        assertThat(m.valid()).isTrue();
        assertThat(m.count(MetricCatalog.TIME_TO_FIRST_TOKEN)).isEqualTo(100 * MS);
        assertThat(m.count(MetricCatalog.TIME_TO_SECOND_TOKEN)).isEqualTo(20 * MS);
        assertThat(m.count(MetricCatalog.REQUEST_LATENCY)).isEqualTo(200 * MS);
        assertThat(m.number(MetricCatalog.INTER_TOKEN_LATENCY)).isCloseTo(100.0 * MS / 3, within(1e-6));
        assertThat(m.number(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER)).isCloseTo(30.0, within(1e-9));
        assertThat(m.number(MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT)).isCloseTo(20.0, within(1e-9));
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(4);
        assertThat(m.count(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isEqualTo(50);
        assertThat(m.list(MetricCatalog.INTER_CHUNK_LATENCY)).containsExactly(20.0 * MS, 30.0 * MS, 50.0 * MS);
        assertThat(m.count(MetricCatalog.OUTPUT_TOKEN_COUNT)).isEqualTo(4);
        assertThat(m.has(MetricCatalog.REASONING_TOKEN_COUNT)).isFalse();
        assertThat(m.has(MetricCatalog.ERROR_ISL)).isFalse();
        assertThat(List.copyOf(m.values().keySet())).containsExactly("time_to_first_token", "time_to_second_token",
                "request_latency", "inter_token_latency", "output_token_throughput_per_user",
                "e2e_output_token_throughput", "output_sequence_length", "input_sequence_length",
                "inter_chunk_latency", "output_token_count");
        assertThat(m.values().get("request_latency")).isInstanceOf(Long.class);
        assertThat(m.values().get("inter_token_latency")).isInstanceOf(Double.class);
    }

    @Test
    void outputIsCountedOnTheConcatenatedTextNotPerChunk() {
        MetricRecord m = streaming.compute(request()
                .text(10 * MS, "hel").text(20 * MS, "lo wor").text(30 * MS, "ld").build(), null);

        assertThat(m.count(MetricCatalog.OUTPUT_TOKEN_COUNT)).isEqualTo(2);
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(2);
        assertThat(m.number(MetricCatalog.INTER_TOKEN_LATENCY)).isEqualTo(20.0 * MS);
        assertThat(m.has(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isFalse();
    }

    @Test
    void oneChunkHasNoSecondTokenNoItlNoIcl() {
        MetricRecord m = streaming.compute(request().text(80 * MS, "one two three").build(), 10L);

        assertThat(m.count(MetricCatalog.TIME_TO_FIRST_TOKEN)).isEqualTo(80 * MS);
        assertThat(m.count(MetricCatalog.REQUEST_LATENCY)).isEqualTo(80 * MS);
        assertThat(m.has(MetricCatalog.TIME_TO_SECOND_TOKEN)).isFalse();
        assertThat(m.has(MetricCatalog.INTER_CHUNK_LATENCY)).isFalse();
        // OSL 3 ≥ 2, so ITL exists, but it is (latency − TTFT)/(OSL − 1) = 0 and per-user throughput is undefined
        assertThat(m.number(MetricCatalog.INTER_TOKEN_LATENCY)).isEqualTo(0.0);
        assertThat(m.has(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER)).isFalse();
        assertThat(m.number(MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT)).isCloseTo(3 / 0.08, within(1e-9));
    }

    @Test
    void oneChunkOneTokenHasNoItl() {
        MetricRecord m = streaming.compute(request().text(80 * MS, "one").build(), 10L);

        assertThat(m.has(MetricCatalog.INTER_TOKEN_LATENCY)).isFalse();
        assertThat(m.has(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER)).isFalse();
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(1);
    }

    @Test
    void zeroOutputTokens() {
        MetricRecord m = streaming.compute(request().text(10 * MS, " ").text(30 * MS, "  ").build(), 7L);

        assertThat(m.valid()).isTrue();
        assertThat(m.count(MetricCatalog.OUTPUT_TOKEN_COUNT)).isZero();
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isZero();
        assertThat(m.number(MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT)).isZero();
        assertThat(m.has(MetricCatalog.INTER_TOKEN_LATENCY)).isFalse();
        assertThat(m.has(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER)).isFalse();
        assertThat(m.count(MetricCatalog.TIME_TO_SECOND_TOKEN)).isEqualTo(20 * MS);
    }

    @Test
    void reasoningOnly() {
        MetricRecord m = streaming.compute(request()
                .reasoning(10 * MS, "let me").reasoning(20 * MS, " think").build(), 5L);

        assertThat(m.count(MetricCatalog.OUTPUT_TOKEN_COUNT)).isZero();
        assertThat(m.count(MetricCatalog.REASONING_TOKEN_COUNT)).isEqualTo(3);
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(3);
        assertThat(m.count(MetricCatalog.TIME_TO_FIRST_TOKEN)).isEqualTo(10 * MS);
        assertThat(m.number(MetricCatalog.INTER_TOKEN_LATENCY)).isEqualTo(5.0 * MS);
    }

    @Test
    void reasoningThenTextCountsBothInOsl() {
        MetricRecord m = streaming.compute(request()
                .reasoning(10 * MS, "hmm ok").text(40 * MS, "answer is 42").build(), 5L);

        assertThat(m.count(MetricCatalog.OUTPUT_TOKEN_COUNT)).isEqualTo(3);
        assertThat(m.count(MetricCatalog.REASONING_TOKEN_COUNT)).isEqualTo(2);
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(5);
    }

    @Test
    void nonStreamingHasLatencyButNoStreamingMetrics() {
        MetricRecord m = nonStreaming.compute(request().text(250 * MS, "a b c d e").build(), 100L);

        assertThat(m.count(MetricCatalog.REQUEST_LATENCY)).isEqualTo(250 * MS);
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(5);
        assertThat(m.number(MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT)).isCloseTo(20.0, within(1e-9));
        assertThat(m.values().keySet()).doesNotContain("time_to_first_token", "time_to_second_token",
                "inter_token_latency", "inter_chunk_latency", "output_token_throughput_per_user");
    }

    @Test
    void trailingEmptyChunksDoNotExtendLatency() {
        MetricRecord m = streaming.compute(request().text(10 * MS, "a").text(20 * MS, " b")
                .chunk(new ResponseChunk(1_000_000_000L + 90 * MS, "", null)).build(), 1L);

        assertThat(m.count(MetricCatalog.REQUEST_LATENCY)).isEqualTo(20 * MS);
        assertThat(m.list(MetricCatalog.INTER_CHUNK_LATENCY)).containsExactly(10.0 * MS);
    }

    @Test
    void errorRecordHasOnlyErrorIsl() {
        MetricRecord m = streaming.compute(request().text(10 * MS, "partial")
                .error(500, "Internal Server Error", "boom").build(), 550L);

        assertThat(m.valid()).isFalse();
        assertThat(m.error().code()).isEqualTo(500);
        assertThat(m.values()).containsOnlyKeys("error_isl");
        assertThat(m.count(MetricCatalog.ERROR_ISL)).isEqualTo(550);
    }

    @Test
    void noContentResponsesIsAnError() {
        MetricRecord m = streaming.compute(request().chunk(new ResponseChunk(1_000_000_000L + MS, null, null)).build(),
                42L);

        assertThat(m.valid()).isFalse();
        assertThat(m.error().type()).isEqualTo("InvalidInferenceResultError");
        assertThat(m.values()).containsOnlyKeys("error_isl");
    }

    @Test
    void cancelledWithoutErrorIsA499() {
        MetricRecord m = streaming.compute(request().text(10 * MS, "a").cancelled().build(), null);

        assertThat(m.valid()).isFalse();
        assertThat(m.error().code()).isEqualTo(499);
        assertThat(m.values()).isEmpty();
    }

    @Test
    void responseBeforeStartIsAnError() {
        MetricRecord m = streaming.compute(request().text(-5, "a").build(), 3L);

        assertThat(m.valid()).isFalse();
        assertThat(m.error().message()).contains("Invalid timestamps");
    }

    @Test
    void serverTokenCountsComeFromUsage() {
        MetricRecord m = serverCounts.compute(request().text(10 * MS, "whatever text").text(30 * MS, " more")
                .usage(120L, 10L, 3L).build(), 999L);

        assertThat(m.count(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isEqualTo(120);
        assertThat(m.count(MetricCatalog.REASONING_TOKEN_COUNT)).isEqualTo(3);
        assertThat(m.count(MetricCatalog.OUTPUT_TOKEN_COUNT)).isEqualTo(7);
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(10);
        assertThat(m.number(MetricCatalog.INTER_TOKEN_LATENCY)).isCloseTo(20.0 * MS / 9, within(1e-6));
    }

    @Test
    void serverOutputIsClampedAtZero() {
        MetricRecord m = serverCounts.compute(request().text(10 * MS, "x").usage(5L, 2L, 4L).build(), null);

        assertThat(m.count(MetricCatalog.OUTPUT_TOKEN_COUNT)).isZero();
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(4);
    }

    @Test
    void serverCountsWithoutUsageGiveNoTokenMetrics() {
        MetricRecord m = serverCounts.compute(request().text(10 * MS, "x").text(20 * MS, "y").build(), 12L);

        assertThat(m.valid()).isTrue();
        assertThat(m.values().keySet()).containsExactly("time_to_first_token", "time_to_second_token",
                "request_latency", "inter_chunk_latency");
    }

    @Test
    void serverCountsErrorKeepsTheCallersIsl() {
        MetricRecord m = serverCounts.compute(request().error(null, "ConnectionRefused", "refused").build(), 77L);

        assertThat(m.count(MetricCatalog.ERROR_ISL)).isEqualTo(77);
    }

    @Test
    void tokenizerIsRequiredForClientCounts() {
        assertThatThrownBy(() -> new RecordMetrics(null, true, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogueIsConsistent() {
        List<String> tags = new ArrayList<>();
        for (MetricSpec spec : MetricCatalog.ALL) {
            tags.add(spec.tag());
            assertThat(MetricCatalog.get(spec.tag())).isSameAs(spec);
        }
        assertThat(tags).doesNotHaveDuplicates();
        assertThat(MetricCatalog.recordMetrics()).allMatch(s -> s.kind() == MetricKind.RECORD);
        assertThat(MetricCatalog.TIME_TO_FIRST_TOKEN.toDisplay(1_500_000)).isEqualTo(1.5);
        assertThat(MetricCatalog.BENCHMARK_DURATION.toDisplay(2_500_000_000L)).isEqualTo(2.5);
        assertThat(MetricCatalog.BENCHMARK_DURATION.label()).isEqualTo("Benchmark Duration (sec)");
        assertThat(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER.label())
                .isEqualTo("Output Token Throughput Per User (tokens/sec/user)");
        assertThat(MetricCatalog.find("nope")).isEmpty();
    }
}
