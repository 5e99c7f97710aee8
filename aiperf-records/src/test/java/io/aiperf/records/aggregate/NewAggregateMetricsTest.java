package io.aiperf.records.aggregate;

import io.aiperf.core.config.MetricsConfig;
import io.aiperf.records.export.ConsoleTableRenderer;
import io.aiperf.records.metric.GoodputSlos;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import static io.aiperf.records.testing.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Usage discrepancy and OSL mismatch counts with their warnings, usage totals, and goodput. */
class NewAggregateMetricsTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    private static MetricRegistry registry(String goodput) {
        return MetricRegistry.standard(new MetricSettings(true, true, false,
                goodput == null ? null : GoodputSlos.parse(goodput), false));
    }

    @Test
    void usageDiscrepancyCountsDiffsStrictlyAboveTenPercentAndWarns() {
        MetricRegistry registry = registry(null);
        RecordMetrics metrics = new RecordMetrics(TestRecords.wordTokenizer(), registry);
        RecordAggregator aggregator = new RecordAggregator(true, registry);
        // ISL 100 each; output "a b c d e f g h i j" = 10 tokens.
        String tenTokens = "a b c d e f g h i j";
        aggregator.add(metrics.compute(request().credit(1).text(10 * MS, tenTokens).usage(110L, 10L, null).build(), 100L)); // 10 %: no
        aggregator.add(metrics.compute(request().credit(2).text(10 * MS, tenTokens).usage(111L, 10L, null).build(), 100L)); // 11 %: yes
        aggregator.add(metrics.compute(request().credit(3).text(10 * MS, tenTokens).usage(100L, 12L, null).build(), 100L)); // 20 %: yes
        aggregator.add(metrics.compute(request().credit(4).text(10 * MS, tenTokens).build(), 100L));                        // no usage
        ProfileSummary summary = aggregator.summarize();

        assertThat(summary.metric("usage_discrepancy_count").orElseThrow().avg()).isEqualTo(2.0);
        assertThat(summary.metric("total_usage_prompt_tokens").orElseThrow().avg()).isEqualTo(321.0);
        assertThat(summary.metric("total_usage_completion_tokens").orElseThrow().avg()).isEqualTo(32.0);
        assertThat(summary.metric("total_usage_total_tokens").orElseThrow().avg()).isEqualTo(353.0);
        assertThat(summary.metric("usage_prompt_tokens_diff_pct").orElseThrow().max()).isEqualTo(11.0);
        assertThat(summary.warnings()).singleElement().asString()
                .startsWith("Token count discrepancy: 2 of 4 requests have server usage token counts more than 10% "
                        + "away from the client-side counts");
    }

    @Test
    void noDiscrepancyNoWarningAndNoUsageNoCount() {
        MetricRegistry registry = registry(null);
        RecordMetrics metrics = new RecordMetrics(TestRecords.wordTokenizer(), registry);
        RecordAggregator aggregator = new RecordAggregator(true, registry);
        aggregator.add(metrics.compute(request().text(10 * MS, "a b").build(), 10L));
        ProfileSummary summary = aggregator.summarize();

        assertThat(summary.metric("usage_discrepancy_count")).isEmpty();
        assertThat(summary.metric("total_usage_prompt_tokens")).isEmpty();
        assertThat(summary.warnings()).isEmpty();
    }

    @Test
    void oslMismatchCountUsesTheSmallerThresholdAndWarns() {
        MetricRegistry registry = registry(null);
        RecordMetrics metrics = new RecordMetrics(TestRecords.wordTokenizer(), registry);
        RecordAggregator aggregator = new RecordAggregator(true, registry);
        // requested 20: threshold min(1, 50) = 1 token.
        aggregator.add(metrics.compute(request().credit(1).text(10 * MS, words(19)).build(), 5L, 20L)); // 1: no
        aggregator.add(metrics.compute(request().credit(2).text(10 * MS, words(18)).build(), 5L, 20L)); // 2: yes
        aggregator.add(metrics.compute(request().credit(3).text(10 * MS, words(21)).build(), 5L, 20L)); // 1: no
        // requested 2000: threshold min(100, 50) = 50 tokens.
        aggregator.add(metrics.compute(request().credit(4).text(10 * MS, words(1950)).build(), 5L, 2000L)); // 50: no
        aggregator.add(metrics.compute(request().credit(5).text(10 * MS, words(1949)).build(), 5L, 2000L)); // 51: yes
        aggregator.add(metrics.compute(request().credit(6).text(10 * MS, words(5)).build(), 5L));           // none asked
        ProfileSummary summary = aggregator.summarize();

        assertThat(summary.metric("osl_mismatch_count").orElseThrow().avg()).isEqualTo(2.0);
        assertThat(summary.metric("requested_osl")).isEmpty(); // internal
        assertThat(summary.metric("osl_mismatch_diff_pct").orElseThrow().count()).isEqualTo(5);
        assertThat(summary.warnings()).singleElement().asString()
                .startsWith("Output sequence length mismatch: 2 of 6 requests produced an OSL more than "
                        + "min(5% of requested, 50) tokens away from the requested max_tokens");
    }

    @Test
    void theWarningThresholdsOfTheEnvironmentChangeWhatCountsAndWhatTheWarningsSay() {
        // AIPERF_METRICS_OSL_MISMATCH_PCT_THRESHOLD=20, _MAX_TOKEN_THRESHOLD=3, AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD=25
        MetricRegistry registry = MetricRegistry.standard(new MetricSettings(true, true, false, null, false,
                new MetricsConfig.WarningThresholds(20, 3, 25)));
        RecordMetrics metrics = new RecordMetrics(TestRecords.wordTokenizer(), registry);
        RecordAggregator aggregator = new RecordAggregator(true, registry);
        String tenTokens = "a b c d e f g h i j";
        // requested 10: threshold min(2, 3) = 2 tokens; usage 11 % and 20 % off: under 25 %.
        aggregator.add(metrics.compute(request().credit(1).text(10 * MS, words(8)).usage(111L, 8L, null).build(),
                100L, 10L)); // 2: no
        aggregator.add(metrics.compute(request().credit(2).text(10 * MS, words(7)).usage(120L, 7L, null).build(),
                100L, 10L)); // 3: yes
        // requested 100: threshold min(20, 3) = 3 tokens; usage 30 % off.
        aggregator.add(metrics.compute(request().credit(3).text(10 * MS, words(96)).usage(130L, 96L, null).build(),
                100L, 100L)); // 4: yes
        aggregator.add(metrics.compute(request().credit(4).text(10 * MS, tenTokens).build(), 100L));
        ProfileSummary summary = aggregator.summarize();

        assertThat(summary.metric("osl_mismatch_count").orElseThrow().avg()).isEqualTo(2.0);
        assertThat(summary.metric("usage_discrepancy_count").orElseThrow().avg()).isEqualTo(1.0);
        assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).startsWith("Token count discrepancy: 1 of 4 "
                + "requests have server usage token counts more than 25% away"));
        assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).startsWith("Output sequence length mismatch: "
                + "2 of 4 requests produced an OSL more than min(20% of requested, 3) tokens away"));
    }

    @Test
    void goodputCountsRequestsMeetingEverySloOverTheBenchmarkDuration() {
        MetricRegistry registry = registry("ttft:100 e2el:500");
        RecordMetrics metrics = new RecordMetrics(TestRecords.wordTokenizer(), registry);
        RecordAggregator aggregator = new RecordAggregator(true, registry);
        long epoch = TestRecords.EPOCH_NS;
        aggregator.add(metrics.compute(request().credit(1).startEpochNs(epoch)
                .text(100 * MS, "a").text(500 * MS, " b").build(), 5L));                          // both at the limit
        aggregator.add(metrics.compute(request().credit(2).startEpochNs(epoch)
                .text(101 * MS, "a").text(200 * MS, " b").build(), 5L));                          // TTFT too slow
        aggregator.add(metrics.compute(request().credit(3).startEpochNs(epoch + S)
                .text(50 * MS, "a").text(1000 * MS, " b").build(), 5L));                          // too long overall
        aggregator.add(metrics.compute(request().credit(4).startEpochNs(epoch + S)
                .error(500, "HTTPError", "boom").build(), 5L));                                   // never good
        ProfileSummary summary = aggregator.summarize();

        assertThat(summary.metric("good_request_count").orElseThrow().avg()).isEqualTo(1.0);
        assertThat(summary.benchmarkDurationSeconds()).contains(2.0);
        assertThat(summary.metric("goodput").orElseThrow().avg()).isCloseTo(0.5, within(1e-12));
        assertThat(summary.metric("goodput").orElseThrow().unit()).isEqualTo("requests/sec");
        assertThat(summary.metric("good_request_fraction").orElseThrow().avg()).isEqualTo(0.25);
        assertThat(ConsoleTableRenderer.consoleRows(summary).stream().map(MetricResult::tag).toList()).contains("goodput")
                .doesNotContain("good_request_count", "good_request_fraction");
    }

    @Test
    void withoutSlosThereIsNoGoodput() {
        RecordAggregator aggregator = TestMetrics.aggregator();
        aggregator.add(TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false)
                .compute(request().text(10 * MS, "a").build(), 5L));

        assertThat(aggregator.summarize().metrics()).extracting(MetricResult::tag)
                .doesNotContain("goodput", "good_request_count", "good_request_fraction");
    }

    @Test
    void allFailedRunHasAZeroGoodFractionAndNoGoodput() {
        MetricRegistry registry = registry("e2el:500");
        RecordAggregator aggregator = new RecordAggregator(true, registry);
        aggregator.add(new RecordMetrics(TestRecords.wordTokenizer(), registry)
                .compute(request().error(500, "HTTPError", "boom").build(), 5L));
        ProfileSummary summary = aggregator.summarize();

        assertThat(summary.metric("good_request_fraction").orElseThrow().avg()).isZero();
        assertThat(summary.metric("goodput")).isEmpty();
        assertThat(summary.metric("good_request_count")).isEmpty();
    }

    private static String words(int n) {
        return "w ".repeat(n).strip();
    }
}
