package io.aiperf.records.metric;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.MetricsConfig;
import io.aiperf.core.config.TokenizerConfig;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.records.testing.TestConfigs;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.aiperf.records.testing.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RecordMetricsTest {

    private static final long MS = 1_000_000L;

    private final RecordMetrics streaming = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
    private final RecordMetrics nonStreaming = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), false, false);
    private final RecordMetrics serverCounts = TestMetrics.recordMetrics(null, true, true);

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
                "time_to_first_output_token", "request_latency", "inter_token_latency", "output_token_throughput_per_user",
                "e2e_output_token_throughput", "output_sequence_length", "input_sequence_length",
                "inter_chunk_latency", "output_token_count", "prefill_throughput_per_user");
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
        // No answer text at all: nothing to time the first output token by.
        assertThat(m.has(MetricCatalog.TIME_TO_FIRST_OUTPUT_TOKEN)).isFalse();
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
    void firstOutputTokenIsTheFirstTextAfterTheReasoning() {
        MetricRecord m = streaming.compute(request().reasoning(10 * MS, "hmm").reasoning(25 * MS, " ok")
                .chunk(30 * MS, "", " and")
                .text(40 * MS, "answer").text(55 * MS, " is 42").build(), 5L);

        assertThat(m.count(MetricCatalog.TIME_TO_FIRST_TOKEN)).isEqualTo(10 * MS);
        assertThat(m.count(MetricCatalog.TIME_TO_FIRST_OUTPUT_TOKEN)).isEqualTo(40 * MS);
    }

    @Test
    void aChunkWithReasoningAndTextIsTheFirstOutput() {
        MetricRecord m = streaming.compute(request().reasoning(10 * MS, "hmm")
                .chunk(20 * MS, "yes", " so")
                .text(30 * MS, " indeed").build(), 5L);

        assertThat(m.count(MetricCatalog.TIME_TO_FIRST_OUTPUT_TOKEN)).isEqualTo(20 * MS);
    }

    @Test
    void withoutReasoningFirstOutputTokenEqualsTtftAndNonStreamingHasNeither() {
        MetricRecord s = streaming.compute(request().text(15 * MS, "a").text(30 * MS, " b").build(), 5L);
        assertThat(s.count(MetricCatalog.TIME_TO_FIRST_OUTPUT_TOKEN)).isEqualTo(15 * MS)
                .isEqualTo(s.count(MetricCatalog.TIME_TO_FIRST_TOKEN));

        MetricRecord whole = nonStreaming.compute(request().reasoning(15 * MS, "hmm").text(15 * MS, "a").build(), 5L);
        assertThat(whole.has(MetricCatalog.TIME_TO_FIRST_OUTPUT_TOKEN)).isFalse();
    }

    @Test
    void nonStreamingHasLatencyButNoStreamingMetrics() {
        MetricRecord m = nonStreaming.compute(request().text(250 * MS, "a b c d e").build(), 100L);

        assertThat(m.count(MetricCatalog.REQUEST_LATENCY)).isEqualTo(250 * MS);
        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(5);
        assertThat(m.number(MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT)).isCloseTo(20.0, within(1e-9));
        assertThat(m.values().keySet()).doesNotContain("time_to_first_token", "time_to_second_token",
                "time_to_first_output_token", "inter_token_latency", "inter_chunk_latency", "output_token_throughput_per_user");
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
                "time_to_first_output_token", "request_latency", "inter_chunk_latency");
    }

    @Test
    void serverCountsErrorKeepsTheCallersIsl() {
        MetricRecord m = serverCounts.compute(request().error(null, "ConnectionRefused", "refused").build(), 77L);

        assertThat(m.count(MetricCatalog.ERROR_ISL)).isEqualTo(77);
    }

    // ---- ISL of worker-rendered turns ----

    @Test
    void workerRenderedTextIsTokenizedWhenTheCallerHasNoIsl() {
        MetricRecord m = streaming.compute(request().inputText("system prompt hello there earlier reply again")
                .text(10 * MS, "a").build(), null);

        assertThat(m.count(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isEqualTo(7);
    }

    @Test
    void theCallersIslWinsOverRenderedText() {
        MetricRecord m = streaming.compute(request().inputText("one two three").text(10 * MS, "a").build(), 550L);

        assertThat(m.count(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isEqualTo(550);
    }

    @Test
    void renderedTextGivesTheErrorIslOfAFailedTurn() {
        MetricRecord m = streaming.compute(request().inputText("one two three four")
                .error(500, "Internal Server Error", "boom").build(), null);

        assertThat(m.values()).containsOnlyKeys("error_isl");
        assertThat(m.count(MetricCatalog.ERROR_ISL)).isEqualTo(4);
    }

    @Test
    void serverCountModeStillTakesIslFromUsage() {
        RecordMetrics serverCountsWithTokenizer = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, true);
        MetricRecord m = serverCountsWithTokenizer.compute(request().inputText("one two three")
                .text(10 * MS, "a").usage(120L, 1L, null).build(), null);
        MetricRecord noUsage = serverCountsWithTokenizer.compute(request().inputText("one two three")
                .text(10 * MS, "a").build(), null);
        MetricRecord noTokenizer = serverCounts.compute(request().inputText("one two three")
                .text(10 * MS, "a").usage(120L, 1L, null).build(), null);

        assertThat(m.count(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isEqualTo(120);
        assertThat(noUsage.has(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isFalse();
        assertThat(noTokenizer.count(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isEqualTo(120);
    }

    // ---- coordinated omission (ours) ----

    @Test
    void lateSendShowsAsPositiveLagAndScheduleRelativeTimes() {
        // scheduled 3 ms before the start (the client fell behind), bytes written 2 ms after it
        MetricRecord m = streaming.compute(request().scheduledAt(-3 * MS).writeAt(2 * MS)
                .text(100 * MS, "a").text(200 * MS, " b").build(), 10L);

        assertThat(m.count(MetricCatalog.SEND_LAG)).isEqualTo(5 * MS);
        assertThat(m.count(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN)).isEqualTo(103 * MS);
        assertThat(m.count(MetricCatalog.SCHEDULED_REQUEST_LATENCY)).isEqualTo(203 * MS);
        // AIPerf's own latencies still measure from the start
        assertThat(m.count(MetricCatalog.TIME_TO_FIRST_TOKEN)).isEqualTo(100 * MS);
        assertThat(m.count(MetricCatalog.REQUEST_LATENCY)).isEqualTo(200 * MS);
        assertThat(m.values().get("send_lag")).isInstanceOf(Long.class);
        // ours come after every AIPerf metric
        assertThat(List.copyOf(m.values().keySet())).endsWith("prefill_throughput_per_user", "send_lag",
                "scheduled_time_to_first_token", "scheduled_request_latency");
    }

    @Test
    void earlySendKeepsItsNegativeLag() {
        MetricRecord m = streaming.compute(request().scheduledAt(7_000).writeAt(2_000L)
                .text(50 * MS, "a").build(), 10L);

        assertThat(m.count(MetricCatalog.SEND_LAG)).isEqualTo(-5_000);
        assertThat(m.count(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN)).isEqualTo(50 * MS - 7_000);
        assertThat(m.count(MetricCatalog.SCHEDULED_REQUEST_LATENCY)).isEqualTo(50 * MS - 7_000);
    }

    @Test
    void lagFallsBackToTheStartWhenTheWriteWasNotStamped() {
        MetricRecord m = streaming.compute(request().scheduledAt(-4 * MS).writeAt(null)
                .text(10 * MS, "a").build(), 10L);

        assertThat(m.count(MetricCatalog.SEND_LAG)).isEqualTo(4 * MS);
    }

    @Test
    void scheduleAtTheStartGivesZeroLagAndAiperfEqualTimes() {
        MetricRecord m = streaming.compute(request().scheduledAt(0).text(30 * MS, "a").build(), 10L);

        assertThat(m.count(MetricCatalog.SEND_LAG)).isZero();
        assertThat(m.count(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN))
                .isEqualTo(m.count(MetricCatalog.TIME_TO_FIRST_TOKEN));
        assertThat(m.count(MetricCatalog.SCHEDULED_REQUEST_LATENCY)).isEqualTo(m.count(MetricCatalog.REQUEST_LATENCY));
    }

    @Test
    void unscheduledRequestHasNoScheduleMetrics() {
        MetricRecord m = streaming.compute(request().writeAt(2 * MS).text(10 * MS, "a").build(), 10L);

        assertThat(m.values().keySet()).doesNotContain("send_lag", "scheduled_time_to_first_token",
                "scheduled_request_latency");
    }

    @Test
    void nonStreamingHasNoScheduleRelativeTtft() {
        MetricRecord m = nonStreaming.compute(request().scheduledAt(-10 * MS).writeAt(1 * MS)
                .text(250 * MS, "a b").build(), 10L);

        assertThat(m.count(MetricCatalog.SEND_LAG)).isEqualTo(11 * MS);
        assertThat(m.count(MetricCatalog.SCHEDULED_REQUEST_LATENCY)).isEqualTo(260 * MS);
        assertThat(m.has(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN)).isFalse();
    }

    @Test
    void failedRequestHasNoScheduleMetrics() {
        MetricRecord m = streaming.compute(request().scheduledAt(-3 * MS).writeAt(null)
                .error(null, "ConnectionRefused", "refused").build(), 10L);

        assertThat(m.values()).containsOnlyKeys("error_isl");
    }

    @Test
    void scheduleMetricsAreOursAndShownAfterAiperfs() {
        for (MetricSpec spec : List.of(MetricCatalog.SEND_LAG, MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN,
                MetricCatalog.SCHEDULED_REQUEST_LATENCY)) {
            assertThat(spec.onConsole()).as(spec.tag()).isTrue();
            assertThat(spec.exported()).isTrue();
            assertThat(spec.perRecordExported()).isTrue();
            assertThat(spec.displayOrder()).isGreaterThan(MetricCatalog.REQUEST_COUNT.displayOrder());
            assertThat(spec.displayUnit()).isEqualTo(MetricUnit.MILLISECONDS);
            assertThat(spec.has(MetricFlag.EXTENSION)).isTrue();
        }
        assertThat(MetricCatalog.ALL.stream().filter(spec -> spec.has(MetricFlag.EXTENSION)))
                .containsExactly(MetricCatalog.SEND_LAG, MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN,
                        MetricCatalog.SCHEDULED_REQUEST_LATENCY, MetricCatalog.GOOD_REQUEST_FRACTION);
        assertThat(MetricCatalog.SEND_LAG.label()).isEqualTo("Send Lag (ms)");
        assertThat(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN.has(MetricFlag.STREAMING_ONLY)).isTrue();
        assertThat(MetricCatalog.ALL.subList(MetricCatalog.ALL.size() - 4, MetricCatalog.ALL.size()))
                .containsExactly(MetricCatalog.SEND_LAG, MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN,
                        MetricCatalog.SCHEDULED_REQUEST_LATENCY, MetricCatalog.GOOD_REQUEST_FRACTION);
    }

    @Test
    void tokenizerIsRequiredForClientCounts() {
        assertThatThrownBy(() -> TestMetrics.recordMetrics(null, true, false)).isInstanceOf(IllegalArgumentException.class);
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

    @Test
    void nonTokenEndpointKeepsLatencyAndIslButNoTokenMetrics() {
        RecordMetrics embeddings = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), false, false, false);
        MetricRecord m = embeddings.compute(request().text(30 * MS, null).scheduledAt(0).build(), 12L);

        assertThat(m.valid()).isTrue();
        assertThat(m.count(MetricCatalog.REQUEST_LATENCY)).isEqualTo(30 * MS);
        assertThat(m.count(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isEqualTo(12);
        for (MetricSpec dropped : List.of(MetricCatalog.OUTPUT_TOKEN_COUNT, MetricCatalog.REASONING_TOKEN_COUNT,
                MetricCatalog.OUTPUT_SEQUENCE_LENGTH, MetricCatalog.INTER_TOKEN_LATENCY,
                MetricCatalog.TIME_TO_FIRST_TOKEN, MetricCatalog.TIME_TO_SECOND_TOKEN,
                MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN, MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER,
                MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT)) {
            assertThat(m.has(dropped)).as(dropped.tag()).isFalse();
        }
        assertThat(m.has(MetricCatalog.SCHEDULED_REQUEST_LATENCY)).isTrue();
    }

    @Test
    void nonTokenEndpointWithoutAnyResponseIsStillInvalid() {
        RecordMetrics rankings = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), false, false, false);
        MetricRecord m = rankings.compute(request().build(), 5L);

        assertThat(m.valid()).isFalse();
        assertThat(m.error().type()).isEqualTo(RecordMetrics.INVALID_RESULT_TYPE);
    }

    @Test
    void forConfigTakesProducesTokensFromTheEndpointType() {
        for (EndpointType type : EndpointType.values()) {
            BenchmarkConfig config = new BenchmarkConfig("b", "cmd",
                    new EndpointConfig(List.of("m"), type, false, List.of("http://h:1"), null,
                            10, null, false, false, Map.of(), Map.of(), ConnectionReuse.POOLED),
                    TestConfigs.input(10, 0.0, 10, 0.0, 1L, 10),
                    TestConfigs.load(1, 1, 0),
                    new TokenizerConfig(null, "main"),
                    TestConfigs.output("/tmp/x"),
                    TestConfigs.service(1, "none", "INFO"),
                    MetricsConfig.NONE);
            RecordMetrics forConfig = new RecordMetrics(TestRecords.wordTokenizer(),
                    MetricRegistry.standard(MetricSettings.forConfig(config)));
            MetricRecord m = forConfig
                    .compute(request().text(10 * MS, type.producesTokens() ? "a b" : null).build(), 3L);
            assertThat(m.valid()).as(type.cliName()).isTrue();
            assertThat(m.has(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).as(type.cliName()).isEqualTo(type.producesTokens());
        }
    }
}
