package io.aiperf.records.aggregate;

import io.aiperf.records.histogram.Distribution;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RecordAggregatorTest {

    private static double exactPercentile(List<Double> values, double p) {
        double[] array = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rank = p / 100 * (array.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return array[lo] + (array[hi] - array[lo]) * (rank - lo);
    }

    @Test
    void summarisesASyntheticRun() {
        SyntheticRun run = new SyntheticRun();
        RecordAggregator aggregator = new RecordAggregator();
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
                "time_to_second_token", "request_latency", "inter_token_latency");
        MetricResult duration = summary.metric("benchmark_duration").orElseThrow();
        assertThat(duration.singleValue()).isTrue();
        assertThat(duration.unit()).isEqualTo("sec");
        assertThat(duration.p50()).isNull();
    }

    @Test
    void summarizeIsRepeatableAndIncremental() {
        SyntheticRun run = new SyntheticRun();
        RecordAggregator aggregator = new RecordAggregator();
        run.records.subList(0, 10).forEach(aggregator::add);
        ProfileSummary early = aggregator.summarize();
        assertThat(aggregator.summarize()).isEqualTo(early);
        run.records.subList(10, run.records.size()).forEach(aggregator::add);
        assertThat(aggregator.summarize().requestCount()).isEqualTo(45);
    }

    @Test
    void onlyErrorsGiveNoDurationOrThroughput() {
        SyntheticRun run = new SyntheticRun();
        RecordAggregator aggregator = new RecordAggregator();
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
        ProfileSummary summary = new RecordAggregator().summarize();
        assertThat(summary.metrics()).extracting(MetricResult::tag).containsExactly("request_count");
        assertThat(summary.errors()).isEmpty();
    }
}
