package io.aiperf.records.aggregate;

import io.aiperf.core.stats.LinearPercentile;
import io.aiperf.records.histogram.Distribution;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RecordAggregatorTest {

    private static double exactPercentile(List<Double> values, double p) {
        return LinearPercentile.of(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), p);
    }

    @Test
    void summarisesASyntheticRun() {
        SyntheticRun run = new SyntheticRun();
        RecordAggregator aggregator = TestMetrics.aggregator();
        int accepted = 0;
        for (MetricRecord record : run.records) {
            if (aggregator.add(record)) {
                accepted++;
            }
        }
        ProfileSummary summary = aggregator.summarize();

        assertThat(accepted).isEqualTo(50);
        assertThat(aggregator.ignoredCount()).isEqualTo(3);
        assertThat(summary.requestCount()).isEqualTo(45);
        assertThat(summary.errorRequestCount()).isEqualTo(5);
        assertThat(summary.metric("request_count").orElseThrow().avg()).isEqualTo(45.0);
        assertThat(summary.metric("error_request_count").orElseThrow().avg()).isEqualTo(5.0);

        MetricResult ttft = summary.metric(MetricCatalog.TIME_TO_FIRST_TOKEN).orElseThrow();
        assertThat(ttft.unit()).isEqualTo("ms");
        assertThat(ttft.count()).isEqualTo(45);
        double exactAvgMs = run.ttftNs.stream().mapToDouble(Double::doubleValue).average().orElseThrow() / 1e6;
        assertThat(ttft.avg()).isCloseTo(exactAvgMs, within(1e-9));
        assertThat(ttft.min()).isEqualTo(run.ttftNs.stream().mapToDouble(Double::doubleValue).min().orElseThrow() / 1e6);
        assertThat(ttft.max()).isEqualTo(run.ttftNs.stream().mapToDouble(Double::doubleValue).max().orElseThrow() / 1e6);
        for (double p : Distribution.PERCENTILES) {
            double exact = exactPercentile(run.ttftNs, p) / 1e6;
            assertThat(ttft.stat("p" + (int) p)).as("p%s", p).isCloseTo(exact, within(exact * 0.001));
        }
        double mean = run.ttftNs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double std = Math.sqrt(run.ttftNs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / 45) / 1e6;
        assertThat(ttft.std()).isCloseTo(std, within(1e-9));

        double durationS = (run.maxEndEpochNs - run.minStartEpochNs) / 1e9;
        assertThat(summary.benchmarkDurationSeconds()).hasValueSatisfying(d -> assertThat(d).isCloseTo(durationS, within(1e-12)));
        assertThat(summary.metric("request_throughput").orElseThrow().avg()).isCloseTo(45 / durationS, within(1e-9));
        assertThat(summary.metric("output_token_throughput").orElseThrow().avg())
                .isCloseTo(run.totalOsl / durationS, within(1e-9));
        assertThat(summary.metric("total_token_throughput").orElseThrow().avg())
                .isCloseTo((run.totalOsl + run.totalIsl) / durationS, within(1e-9));
        assertThat(summary.metric("total_osl").orElseThrow().avg()).isEqualTo((double) run.totalOsl);
        assertThat(summary.metric("total_output_tokens").orElseThrow().avg()).isEqualTo((double) run.totalOsl);
        assertThat(summary.metric("total_isl").orElseThrow().avg()).isEqualTo((double) run.totalIsl);
        assertThat(summary.metric("total_error_isl").orElseThrow().avg()).isEqualTo(5_000.0);
        assertThat(summary.metric("error_isl").orElseThrow().count()).isEqualTo(5);
        assertThat(summary.metric("total_reasoning_tokens")).isEmpty();
        assertThat(summary.minRequestEpochNs()).isEqualTo(run.minStartEpochNs);
        assertThat(summary.maxResponseEpochNs()).isEqualTo(run.maxEndEpochNs);

        MetricResult icl = summary.metric("inter_chunk_latency").orElseThrow();
        assertThat(icl.count()).isEqualTo(run.chunkGaps);
        assertThat(icl.min()).isEqualTo(10.0);
        assertThat(icl.max()).isEqualTo(10.0);
        assertThat(icl.p50()).isEqualTo(10.0);

        assertThat(summary.errors()).hasSize(2);
        assertThat(summary.errors().get(0).details().code()).isEqualTo(500);
        assertThat(summary.errors().get(0).count()).isEqualTo(3);
        assertThat(summary.errors().get(1).details().type()).isEqualTo("ConnectionRefused");
        assertThat(summary.errors().get(1).count()).isEqualTo(2);

        // catalogue order, single values only avg
        assertThat(summary.metrics()).extracting(MetricResult::tag).startsWith("time_to_first_token",
                "time_to_second_token", "time_to_first_output_token", "request_latency", "inter_token_latency");
        MetricResult duration = summary.metric("benchmark_duration").orElseThrow();
        assertThat(duration.singleValue()).isTrue();
        assertThat(duration.unit()).isEqualTo("sec");
        assertThat(duration.p50()).isNull();
    }

    @Test
    void summarizeIsRepeatableAndIncremental() {
        SyntheticRun run = new SyntheticRun();
        RecordAggregator aggregator = TestMetrics.aggregator();
        run.records.subList(0, 10).forEach(aggregator::add);
        ProfileSummary early = aggregator.summarize();
        assertThat(aggregator.summarize()).isEqualTo(early);
        run.records.subList(10, run.records.size()).forEach(aggregator::add);
        assertThat(aggregator.summarize().requestCount()).isEqualTo(45);
    }

    @Test
    void onlyErrorsGiveNoDurationOrThroughput() {
        SyntheticRun run = new SyntheticRun();
        RecordAggregator aggregator = TestMetrics.aggregator();
        run.records.stream().filter(r -> !r.valid()).forEach(aggregator::add);
        ProfileSummary summary = aggregator.summarize();

        assertThat(summary.requestCount()).isZero();
        assertThat(summary.metric("request_count").orElseThrow().avg()).isZero();
        assertThat(summary.metric("benchmark_duration")).isEmpty();
        assertThat(summary.metric("request_throughput")).isEmpty();
        assertThat(summary.minRequestEpochNs()).isNull();
        assertThat(summary.errorRequestCount()).isEqualTo(5);
    }

    @Test
    void emptyRun() {
        ProfileSummary summary = TestMetrics.aggregator().summarize();
        assertThat(summary.metrics()).extracting(MetricResult::tag).containsExactly("request_count");
        assertThat(summary.errors()).isEmpty();
    }

    // ---- coordinated omission (ours) ----

    private static final long MS = 1_000_000L;

    /** Valid streaming requests with the given send lags (ns); each sent at its start, first token 20 ms later. */
    @Test
    void aClosedLoopBurstExportsItsLagButDoesNotWarn() {
        RecordAggregator burst = scheduledRun(TestMetrics.aggregator(false), 5 * MS, 5 * MS, 5 * MS);
        ProfileSummary summary = burst.summarize();
        assertThat(summary.metric(MetricCatalog.SEND_LAG)).isPresent();
        assertThat(summary.warnings()).isEmpty();
    }

    private static RecordAggregator scheduledRun(long... lagsNs) {
        return scheduledRun(TestMetrics.aggregator(), lagsNs);
    }

    private static RecordAggregator scheduledRun(RecordAggregator aggregator, long... lagsNs) {
        RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
        for (int i = 0; i < lagsNs.length; i++) {
            aggregator.add(metrics.compute(TestRecords.request().credit(i).startNs(1_000_000_000L + i * 100 * MS)
                    .scheduledAt(-lagsNs[i]).writeAt(0L).text(20 * MS, "a").text(30 * MS, " b").build(), 10L));
        }
        return aggregator;
    }

    @Test
    void scheduleMetricsAreSummarisedLikeTheOthers() {
        // lags below 2048 ns are exact in the histogram; one request left 2 µs early
        long[] lags = {-2_000, 0, 1_000, 1_500, 2_000};
        ProfileSummary summary = scheduledRun(lags).summarize();

        MetricResult lag = summary.metric(MetricCatalog.SEND_LAG).orElseThrow();
        assertThat(lag.unit()).isEqualTo("ms");
        assertThat(lag.count()).isEqualTo(5);
        assertThat(lag.min()).isEqualTo(-0.002);
        assertThat(lag.max()).isEqualTo(0.002);
        assertThat(lag.avg()).isCloseTo(0.0005, within(1e-15));
        assertThat(lag.sum()).isCloseTo(0.0025, within(1e-15));
        assertThat(lag.p50()).isEqualTo(0.001);
        assertThat(lag.p25()).isEqualTo(0.0);
        assertThat(lag.p10()).isCloseTo(-0.0012, within(1e-15)); // numpy: -2000 + 0.4 * 2000 ns
        assertThat(lag.p99()).isCloseTo(0.00198, within(1e-15)); // numpy: 1500 + 0.96 * 500 ns

        MetricResult ttft = summary.metric(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN).orElseThrow();
        assertThat(ttft.count()).isEqualTo(5);
        assertThat(ttft.min()).isEqualTo(19.998); // 20 ms - 2 µs early
        assertThat(ttft.max()).isEqualTo(20.002);
        assertThat(ttft.avg()).isCloseTo(20.0005, within(1e-12));
        MetricResult latency = summary.metric(MetricCatalog.SCHEDULED_REQUEST_LATENCY).orElseThrow();
        assertThat(latency.min()).isEqualTo(29.998);
        assertThat(latency.max()).isEqualTo(30.002);
        assertThat(latency.avg()).isCloseTo(30.0005, within(1e-12));
        assertThat(summary.metric(MetricCatalog.TIME_TO_FIRST_TOKEN).orElseThrow().max()).isEqualTo(20.0);

        // last in catalogue order, after every AIPerf metric
        List<String> tags = summary.metrics().stream().map(MetricResult::tag).toList();
        assertThat(tags.subList(tags.size() - 3, tags.size())).containsExactly("send_lag",
                "scheduled_time_to_first_token", "scheduled_request_latency");
        assertThat(summary.warnings()).isEmpty();
    }

    @Test
    void runWithoutScheduleHasNoScheduleMetricsAndNoWarnings() {
        RecordAggregator aggregator = TestMetrics.aggregator();
        new SyntheticRun().records.forEach(aggregator::add);
        ProfileSummary summary = aggregator.summarize();

        assertThat(summary.metrics()).extracting(MetricResult::tag).doesNotContain("send_lag",
                "scheduled_time_to_first_token", "scheduled_request_latency");
        assertThat(summary.warnings()).isEmpty();
    }

    @Test
    void sendLagP99JustBelowTheThresholdGivesNoWarning() {
        long[] lags = new long[100];
        java.util.Arrays.fill(lags, 990_000); // 0.99 ms
        ProfileSummary summary = scheduledRun(lags).summarize();

        assertThat(summary.metric(MetricCatalog.SEND_LAG).orElseThrow().p99()).isEqualTo(0.99);
        assertThat(summary.warnings()).isEmpty();
    }

    @Test
    void sendLagP99JustAboveTheThresholdWarns() {
        long[] lags = new long[100];
        java.util.Arrays.fill(lags, 1_010_000); // 1.01 ms
        ProfileSummary summary = scheduledRun(lags).summarize();

        assertThat(summary.warnings()).containsExactly("Send lag p99 is 1.01 ms (> 1 ms): the client sent requests "
                + "later than scheduled, so latencies measured from the actual send understate what a user would "
                + "see; see the scheduled_* metrics");
    }

    @Test
    void aLateTailWarnsWithItsP99() {
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 98; i++) {
            lags.add(10_000L); // 10 µs
        }
        lags.add(5 * MS);
        lags.add(5 * MS);
        ProfileSummary summary = scheduledRun(lags.stream().mapToLong(Long::longValue).toArray()).summarize();

        // numpy: rank 0.99 * 99 = 98.01 → between the two 5 ms values; the histogram is within 0.1 %
        assertThat(summary.metric(MetricCatalog.SEND_LAG).orElseThrow().p99()).isCloseTo(5.0, within(0.005));
        assertThat(summary.warnings()).singleElement().asString().startsWith("Send lag p99 is 5.00 ms (> 1 ms)");
    }

    @Test
    void earlySendsDoNotWarn() {
        long[] lags = new long[100];
        java.util.Arrays.fill(lags, -3 * MS);
        ProfileSummary summary = scheduledRun(lags).summarize();

        assertThat(summary.metric(MetricCatalog.SEND_LAG).orElseThrow().p99()).isEqualTo(-3.0);
        assertThat(summary.warnings()).isEmpty();
    }
}
