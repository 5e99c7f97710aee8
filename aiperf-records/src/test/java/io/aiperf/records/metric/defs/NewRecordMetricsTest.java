package io.aiperf.records.metric.defs;

import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricKind;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.MetricUnit;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.aiperf.records.testing.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The metrics added with the registry: prefill throughput, usage and its diffs, OSL mismatch, credit drop. */
class NewRecordMetricsTest {

    private static final long MS = 1_000_000L;

    private final RecordMetrics streaming = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
    private final RecordMetrics nonStreaming = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), false, false);
    private final RecordMetrics serverCounts = TestMetrics.recordMetrics(null, true, true);

    @Test
    void prefillThroughputIsIslOverTtftInSeconds() {
        MetricRecord m = streaming.compute(request().text(100 * MS, "a").text(150 * MS, " b").build(), 50L);

        assertThat(m.number(MetricCatalog.PREFILL_THROUGHPUT_PER_USER)).isCloseTo(500.0, within(1e-9));
        assertThat(nonStreaming.compute(request().text(100 * MS, "a").build(), 50L)
                .has(MetricCatalog.PREFILL_THROUGHPUT_PER_USER)).isFalse();
        // Unknown ISL: nothing to divide.
        assertThat(streaming.compute(request().text(100 * MS, "a").build(), null)
                .has(MetricCatalog.PREFILL_THROUGHPUT_PER_USER)).isFalse();
    }

    @Test
    void usageFieldsAreReportedAsTheServerSentThemInBothModes() {
        MetricRecord client = nonStreaming.compute(request().text(10 * MS, "a b c").usage(7L, 4L, 1L).build(), 7L);
        MetricRecord server = serverCounts.compute(request().text(10 * MS, "a b c").usage(7L, 4L, 1L).build(), 7L);

        for (MetricRecord m : new MetricRecord[] {client, server}) {
            assertThat(m.count(MetricCatalog.USAGE_PROMPT_TOKENS)).isEqualTo(7);
            assertThat(m.count(MetricCatalog.USAGE_COMPLETION_TOKENS)).isEqualTo(4);
            assertThat(m.count(MetricCatalog.USAGE_TOTAL_TOKENS)).isEqualTo(11);
            assertThat(m.count(MetricCatalog.USAGE_REASONING_TOKENS)).isEqualTo(1);
        }
        // USAGE_DIFF_ONLY: with server counts both sides are the server's, so no diffs.
        assertThat(server.values().keySet()).noneMatch(tag -> tag.startsWith("usage_") && tag.endsWith("_diff_pct"));
    }

    @Test
    void noUsageMeansNoUsageMetricsAndNoDiffs() {
        MetricRecord m = nonStreaming.compute(request().text(10 * MS, "a b c").build(), 7L);

        assertThat(m.values().keySet()).noneMatch(tag -> tag.startsWith("usage_"));
    }

    @Test
    void diffsCompareServerWithClientCounts() {
        // Client: ISL 100, output 4 + reasoning 2 = OSL 6. Server: prompt 110 (+10 %), completion 9 (+50 %), reasoning 1.
        MetricRecord m = nonStreaming.compute(request().reasoning(5 * MS, "r1 r2").text(10 * MS, "a b c d")
                .usage(110L, 9L, 1L).build(), 100L);

        assertThat(m.number(MetricCatalog.USAGE_PROMPT_TOKENS_DIFF_PCT)).isEqualTo(10.0);
        assertThat(m.number(MetricCatalog.USAGE_COMPLETION_TOKENS_DIFF_PCT)).isEqualTo(50.0);
        assertThat(m.number(MetricCatalog.USAGE_REASONING_TOKENS_DIFF_PCT)).isEqualTo(50.0);
        // Below the client count is a positive diff too.
        MetricRecord below = nonStreaming.compute(request().text(10 * MS, "a b c d").usage(90L, 4L, null).build(),
                100L);
        assertThat(below.number(MetricCatalog.USAGE_PROMPT_TOKENS_DIFF_PCT)).isEqualTo(10.0);
        assertThat(below.number(MetricCatalog.USAGE_COMPLETION_TOKENS_DIFF_PCT)).isEqualTo(0.0);
        assertThat(below.has(MetricCatalog.USAGE_REASONING_TOKENS_DIFF_PCT)).isFalse();
    }

    @Test
    void zeroClientTokensGiveNoDiff() {
        MetricRecord m = nonStreaming.compute(request().text(10 * MS, " ").usage(5L, 1L, null).build(), 0L);

        assertThat(m.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH)).isEqualTo(0);
        assertThat(m.has(MetricCatalog.USAGE_PROMPT_TOKENS_DIFF_PCT)).isFalse();
        assertThat(m.has(MetricCatalog.USAGE_COMPLETION_TOKENS_DIFF_PCT)).isFalse();
    }

    @Test
    void reasoningOnlyAnswerHasReasoningDiffButNoOutputToken() {
        MetricRecord m = streaming.compute(request().reasoning(10 * MS, "x y").reasoning(20 * MS, " z")
                .usage(3L, 3L, 3L).build(), 3L);

        assertThat(m.count(MetricCatalog.OUTPUT_TOKEN_COUNT)).isEqualTo(0);
        assertThat(m.count(MetricCatalog.REASONING_TOKEN_COUNT)).isEqualTo(3);
        assertThat(m.has(MetricCatalog.TIME_TO_FIRST_OUTPUT_TOKEN)).isFalse();
        assertThat(m.number(MetricCatalog.USAGE_REASONING_TOKENS_DIFF_PCT)).isEqualTo(0.0);
        assertThat(m.number(MetricCatalog.USAGE_COMPLETION_TOKENS_DIFF_PCT)).isEqualTo(0.0);
    }

    @Test
    void oslMismatchIsSignedAgainstTheRequestedMaxTokens() {
        MetricRecord shorter = nonStreaming.compute(request().text(10 * MS, "a b c").build(), 5L, 4L);
        assertThat(shorter.count(MetricCatalog.REQUESTED_OSL)).isEqualTo(4);
        assertThat(shorter.number(MetricCatalog.OSL_MISMATCH_DIFF_PCT)).isEqualTo(-25.0);
        MetricRecord longer = nonStreaming.compute(request().text(10 * MS, "a b c d e").build(), 5L, 4L);
        assertThat(longer.number(MetricCatalog.OSL_MISMATCH_DIFF_PCT)).isEqualTo(25.0);

        MetricRecord notRequested = nonStreaming.compute(request().text(10 * MS, "a b c").build(), 5L);
        assertThat(notRequested.has(MetricCatalog.REQUESTED_OSL)).isFalse();
        assertThat(notRequested.has(MetricCatalog.OSL_MISMATCH_DIFF_PCT)).isFalse();
        // requested_osl is bookkeeping: kept on the record for the mismatch count, never exported.
        assertThat(MetricCatalog.REQUESTED_OSL.exported()).isFalse();
        assertThat(MetricCatalog.REQUESTED_OSL.perRecordExported()).isFalse();
    }

    @Test
    void mismatchThresholdIsTheSmallerOfFivePercentAndFiftyTokens() {
        assertThat(OslMismatchMetrics.thresholdTokens(100)).isEqualTo(5.0);
        assertThat(OslMismatchMetrics.thresholdTokens(1000)).isEqualTo(50.0);
        assertThat(OslMismatchMetrics.thresholdTokens(2000)).isEqualTo(50.0);
        assertThat(OslMismatchMetrics.thresholdTokens(10)).isEqualTo(0.5);
    }

    @Test
    void creditDropLatencyIsInternalAndComputedOnlyWhenSomethingReadsIt() {
        MetricRecord m = nonStreaming.compute(request().text(10 * MS, "a").build(), 1L);
        assertThat(m.has(MetricCatalog.CREDIT_DROP_LATENCY)).isFalse();
        assertThat(MetricCatalog.CREDIT_DROP_LATENCY.exported()).isFalse();

        // A metric that reads it gets start − credit receipt (TestRecords stamps the credit 5 µs before the start).
        MetricSpec probeSpec = new MetricSpec("probe", "Probe", MetricKind.RECORD, MetricUnit.NANOSECONDS,
                MetricUnit.NANOSECONDS, MetricSpec.NO_DISPLAY_ORDER, Set.of(), false);
        RecordMetricDefinition probe = new RecordMetricDefinition(probeSpec, MetricCatalog.CREDIT_DROP_LATENCY.tag()) {
            @Override
            public Object compute(RecordInputs in) {
                return in.count(MetricCatalog.CREDIT_DROP_LATENCY.tag());
            }
        };
        RecordMetrics withProbe = new RecordMetrics(TestRecords.wordTokenizer(), MetricRegistry.of(
                MetricSettings.ALL_BUT_GOODPUT, List.of(new ScheduleMetrics.CreditDropLatency(), probe)));
        MetricRecord probed = withProbe.compute(request().text(10 * MS, "a").build(), 1L);
        assertThat(probed.values()).containsEntry("credit_drop_latency", 5_000L).containsEntry("probe", 5_000L);
    }

    @Test
    void failedRequestGetsNoneOfTheNewMetrics() {
        MetricRecord m = streaming.compute(request().text(10 * MS, "a").usage(1L, 1L, null)
                .error(500, "HTTPError", "boom").build(), 4L, 10L);

        assertThat(m.values()).containsOnlyKeys("error_isl");
    }
}
