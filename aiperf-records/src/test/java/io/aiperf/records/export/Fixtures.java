package io.aiperf.records.export;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.MetricsConfig;
import io.aiperf.core.config.TokenizerConfig;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.records.aggregate.ErrorSummaryEntry;
import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricSpec;

import io.aiperf.records.testing.TestConfigs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared inputs for the exporter tests. */
final class Fixtures {

    static final String API_KEY = "sk-very-secret-key";

    private Fixtures() {
    }

    static BenchmarkConfig config() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + API_KEY);
        headers.put("X-Trace", "on");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("ignore_eos", true);
        extra.put("min_tokens", 100L);
        return new BenchmarkConfig("3f1c2f0e-bench", "aiperf profile -m Qwen/Qwen3-0.6B --streaming",
                new EndpointConfig(List.of("Qwen/Qwen3-0.6B"), EndpointType.CHAT, true,
                        List.of("http://localhost:8000"), null, 600.0, API_KEY, false, false, headers, extra,
                        ConnectionReuse.POOLED),
                TestConfigs.input(550, 0.0, 100, 0.0, 42L, 100),
                TestConfigs.load(4, 50, 3),
                new TokenizerConfig(null, "main"),
                TestConfigs.output("artifacts/Qwen_Qwen3-0.6B-openai-chat-concurrency4"),
                TestConfigs.service(2, "none", "INFO"),
                MetricsConfig.NONE);
    }

    static MetricResult dist(MetricSpec spec, long count, double avg, double min, double max, double p50, double p90,
                             double p99, double std) {
        return new MetricResult(spec, count, avg, avg * count, min, max, min, min, min, (min + p50) / 2, p50,
                (p50 + p90) / 2, p90, (p90 + p99) / 2, p99, std);
    }

    /** The warning the aggregator writes for a send-lag p99 of 2.31 ms. */
    static final String LAG_WARNING = "Send lag p99 is 2.31 ms (> 1 ms): the client sent requests later than "
            + "scheduled, so latencies measured from the actual send understate what a user would see; see the "
            + "scheduled_* metrics";

    /**
     * A hand-made summary with round numbers, for golden outputs: AIPerf's metrics of a scheduled streaming run,
     * our schedule metrics (one request left 10 µs early, the p99 lag is 2.31 ms) and the warning that goes with
     * them.
     */
    static ProfileSummary handMadeSummary() {
        return new ProfileSummary(List.of(
                dist(MetricCatalog.TIME_TO_FIRST_TOKEN, 10, 7463.28, 7125.81, 9484.24, 7240.23, 7596.62, 9295.48, 677.23),
                dist(MetricCatalog.TIME_TO_SECOND_TOKEN, 10, 68.73, 32.01, 102.86, 67.37, 99.80, 102.55, 24.95),
                dist(MetricCatalog.REQUEST_LATENCY, 10, 13829.40, 12001.5, 15999.25, 13800.0, 15500.0, 15990.0, 1200.5),
                dist(MetricCatalog.INTER_TOKEN_LATENCY, 10, 65.31, 60.0, 70.5, 65.0, 69.0, 70.4, 3.21),
                dist(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER, 10, 15.6, 14.2, 16.67, 15.5, 16.5, 16.6, 0.7),
                dist(MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT, 10, 6.9, 5.9, 7.9, 6.85, 7.5, 7.88, 0.5),
                dist(MetricCatalog.OUTPUT_SEQUENCE_LENGTH, 10, 95.2, 90, 100, 95, 99, 100, 3.1),
                dist(MetricCatalog.INPUT_SEQUENCE_LENGTH, 10, 550, 550, 550, 550, 550, 550, 0),
                dist(MetricCatalog.INTER_CHUNK_LATENCY, 940, 65.0, 1.0, 300.0, 64.0, 80.0, 200.0, 10.0),
                MetricResult.single(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT, 6.85),
                MetricResult.single(MetricCatalog.REQUEST_THROUGHPUT, 0.0723),
                MetricResult.single(MetricCatalog.REQUEST_COUNT, 10),
                MetricResult.single(MetricCatalog.ERROR_REQUEST_COUNT, 2),
                MetricResult.single(MetricCatalog.BENCHMARK_DURATION, 138.2943),
                MetricResult.single(MetricCatalog.TOTAL_OSL, 952),
                MetricResult.single(MetricCatalog.TOTAL_ISL, 5500),
                MetricResult.single(MetricCatalog.TOTAL_ERROR_ISL, 1100),
                dist(MetricCatalog.SEND_LAG, 10, 0.42, -0.01, 2.35, 0.12, 1.05, 2.31, 0.61),
                dist(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN, 10, 7463.70, 7125.83, 9486.59, 7240.35, 7597.67,
                        9297.79, 677.4),
                dist(MetricCatalog.SCHEDULED_REQUEST_LATENCY, 10, 13829.82, 12001.52, 16001.6, 13800.12, 15501.05,
                        15992.31, 1200.6)),
                List.of(new ErrorSummaryEntry(new ErrorDetails(500, "Internal Server Error",
                                "upstream model crashed, please retry"), 1),
                        new ErrorSummaryEntry(new ErrorDetails(null, "ConnectionRefused", "connection refused"), 1)),
                10, 2, 1_759_813_207_532_900_363L, 1_759_813_345_827_200_363L, List.of(LAG_WARNING));
    }
}
