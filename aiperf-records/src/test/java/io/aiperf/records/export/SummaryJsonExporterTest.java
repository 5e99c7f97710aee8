package io.aiperf.records.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.InputConfig;
import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.aggregate.SyntheticRun;
import io.aiperf.records.testing.TestMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryJsonExporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static RunInfo utcRun(boolean cancelled) {
        return new RunInfo(Fixtures.config(), "0.1.0-SNAPSHOT", cancelled, null, null, ZoneOffset.UTC);
    }

    @Test
    void topLevelKeysFollowAiperfOrder() throws Exception {
        JsonNode root = MAPPER.readTree(SummaryJsonExporter.toJson(Fixtures.handMadeSummary(), utcRun(false)));

        assertThat(keys(root)).containsExactly("schema_version", "aiperf_version", "benchmark_id",
                "request_throughput", "request_latency", "request_count", "time_to_first_token",
                "time_to_second_token", "inter_token_latency", "output_token_throughput",
                "output_token_throughput_per_user", "output_sequence_length", "input_sequence_length",
                "inter_chunk_latency", "benchmark_duration", "total_isl", "total_osl", "error_request_count",
                "total_error_isl", "e2e_output_token_throughput", "send_lag", "scheduled_time_to_first_token",
                "scheduled_request_latency", "input_config", "was_cancelled", "error_summary", "warnings",
                "start_time", "end_time");
        assertThat(root.get("schema_version").asText()).isEqualTo("1.0");
        assertThat(root.get("aiperf_version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(root.get("benchmark_id").asText()).isEqualTo("3f1c2f0e-bench");
        assertThat(root.get("was_cancelled").asBoolean()).isFalse();
        assertThat(root.get("start_time").asText()).isEqualTo("2025-10-07T05:00:07.532900");
        assertThat(root.get("end_time").asText()).isEqualTo("2025-10-07T05:02:25.827200");
    }

    @Test
    void metricObjectsCarryDisplayValuesInAiperfKeyOrder() throws Exception {
        ProfileSummary summary = Fixtures.handMadeSummary();
        JsonNode root = MAPPER.readTree(SummaryJsonExporter.toJson(summary, utcRun(false)));

        JsonNode ttft = root.get("time_to_first_token");
        assertThat(keys(ttft)).containsExactly("unit", "avg", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
                "p99", "min", "max", "std");
        MetricResult expected = summary.metric("time_to_first_token").orElseThrow();
        assertThat(ttft.get("unit").asText()).isEqualTo("ms");
        for (String stat : MetricResult.JSON_STATS) {
            assertThat(ttft.get(stat).asDouble()).as(stat).isEqualTo(expected.stat(stat));
        }
        JsonNode count = root.get("request_count");
        assertThat(keys(count)).containsExactly("unit", "avg");
        assertThat(count.get("unit").asText()).isEqualTo("requests");
        assertThat(count.get("avg").asDouble()).isEqualTo(10.0);
        assertThat(root.get("benchmark_duration").get("unit").asText()).isEqualTo("sec");
        assertThat(root.get("output_token_throughput_per_user").get("unit").asText()).isEqualTo("tokens/sec/user");
    }

    @Test
    void scheduleMetricsAndWarningsAreExported() throws Exception {
        JsonNode root = MAPPER.readTree(SummaryJsonExporter.toJson(Fixtures.handMadeSummary(), utcRun(false)));

        JsonNode lag = root.get("send_lag");
        assertThat(keys(lag)).containsExactly("unit", "avg", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
                "p99", "min", "max", "std");
        assertThat(lag.get("unit").asText()).isEqualTo("ms");
        assertThat(lag.get("min").asDouble()).isEqualTo(-0.01);
        assertThat(lag.get("p99").asDouble()).isEqualTo(2.31);
        assertThat(root.get("scheduled_time_to_first_token").get("p50").asDouble()).isEqualTo(7240.35);
        assertThat(root.get("scheduled_request_latency").get("max").asDouble()).isEqualTo(16001.6);
        assertThat(root.get("warnings").isArray()).isTrue();
        assertThat(root.get("warnings")).hasSize(1);
        assertThat(root.get("warnings").get(0).asText()).isEqualTo(Fixtures.LAG_WARNING);
    }

    @Test
    void inputConfigIsRedactedAndGrouped() throws Exception {
        String json = SummaryJsonExporter.toJson(Fixtures.handMadeSummary(), utcRun(true));
        JsonNode config = MAPPER.readTree(json).get("input_config");

        assertThat(json).doesNotContain(Fixtures.API_KEY);
        assertThat(keys(config)).containsExactly("endpoint", "input", "loadgen", "tokenizer", "output",
                "no_gpu_telemetry", "no_server_metrics", "cli_command");
        JsonNode endpoint = config.get("endpoint");
        assertThat(endpoint.get("api_key").asText()).isEqualTo("<redacted>");
        assertThat(endpoint.get("model_names").get(0).asText()).isEqualTo("Qwen/Qwen3-0.6B");
        assertThat(endpoint.get("type").asText()).isEqualTo("chat");
        assertThat(endpoint.get("streaming").asBoolean()).isTrue();
        assertThat(endpoint.get("url").asText()).isEqualTo("http://localhost:8000");
        assertThat(endpoint.has("custom_endpoint")).isFalse();
        assertThat(config.get("input").get("headers").get("Authorization").asText()).isEqualTo("<redacted>");
        assertThat(config.get("input").get("headers").get("X-Trace").asText()).isEqualTo("on");
        assertThat(config.get("input").get("extra").get("ignore_eos").asBoolean()).isTrue();
        assertThat(config.get("input").get("extra").get("min_tokens").asLong()).isEqualTo(100);
        assertThat(config.get("input").get("prompt").get("input_tokens").get("mean").asInt()).isEqualTo(550);
        assertThat(config.get("input").get("prompt").get("batch_size").asInt()).isEqualTo(1);
        assertThat(config.get("input").get("prompt").has("prefix_prompt")).isFalse();
        assertThat(config.get("input").has("rankings")).isFalse();
        assertThat(config.get("loadgen").get("concurrency").asInt()).isEqualTo(4);
        assertThat(config.get("loadgen").get("request_count").asLong()).isEqualTo(50);
        assertThat(config.get("loadgen").get("warmup_request_count").asLong()).isEqualTo(3);
        assertThat(keys(config.get("tokenizer"))).containsExactly("revision");
        assertThat(MAPPER.readTree(json).get("was_cancelled").asBoolean()).isTrue();
    }

    @Test
    void promptShapingAndRankingsAreInTheInputConfig() throws Exception {
        BenchmarkConfig base = Fixtures.config();
        InputConfig in = new InputConfig(550, 0, null, 0, 1L, 4, null, null, null, null,
                new InputConfig.Prompts(null, null, 0, 0, 3, 50, 20), new InputConfig.Rankings(3, 1, 40, 4, 12, 2),
                null, null);
        BenchmarkConfig c = new BenchmarkConfig(base.benchmarkId(), base.cliCommand(), base.endpoint(), in,
                base.load(), base.tokenizer(), base.output(), base.service(), base.metrics());
        JsonNode input = MAPPER.readTree(SummaryJsonExporter.toJson(Fixtures.handMadeSummary(),
                new RunInfo(c, "0.1.0-SNAPSHOT", false, null, null, ZoneOffset.UTC))).get("input_config").get("input");
        assertThat(input.at("/prompt/batch_size").asInt()).isEqualTo(3);
        assertThat(input.at("/prompt/prefix_prompt/shared_system_prompt_length").asInt()).isEqualTo(50);
        assertThat(input.at("/prompt/prefix_prompt/user_context_prompt_length").asInt()).isEqualTo(20);
        assertThat(input.at("/rankings/passages").toString()).isEqualTo(
                "{\"mean\":3,\"stddev\":1,\"prompt_token_mean\":40,\"prompt_token_stddev\":4}");
        assertThat(input.at("/rankings/query").toString()).isEqualTo(
                "{\"prompt_token_mean\":12,\"prompt_token_stddev\":2}");
    }

    @Test
    void errorSummaryListsEachErrorWithItsCount() throws Exception {
        JsonNode errors = MAPPER.readTree(SummaryJsonExporter.toJson(Fixtures.handMadeSummary(), utcRun(false)))
                .get("error_summary");

        assertThat(errors).hasSize(2);
        assertThat(keys(errors.get(0))).containsExactly("error_details", "count");
        assertThat(keys(errors.get(0).get("error_details"))).containsExactly("code", "type", "message");
        assertThat(errors.get(0).get("error_details").get("code").asInt()).isEqualTo(500);
        assertThat(keys(errors.get(1).get("error_details"))).containsExactly("type", "message");
    }

    @Test
    void writesAFileFromARealAggregation(@TempDir Path dir) throws Exception {
        RecordAggregator aggregator = TestMetrics.aggregator();
        new SyntheticRun().records.forEach(aggregator::add);
        ProfileSummary summary = aggregator.summarize();
        Path file = dir.resolve("out/profile_export_aiperf.json");

        SummaryJsonExporter.write(file, summary, RunInfo.of(Fixtures.config(), "0.1.0", false));

        JsonNode root = MAPPER.readTree(Files.readString(file));
        assertThat(root.has("min_request_timestamp")).isFalse(); // internal in AIPerf 0.7.0
        assertThat(root.has("send_lag")).isFalse(); // no schedule, no schedule metrics
        assertThat(root.has("scheduled_request_latency")).isFalse();
        assertThat(root.get("warnings").isArray()).isTrue();
        assertThat(root.get("warnings")).isEmpty();
        assertThat(root.get("request_count").get("avg").asDouble()).isEqualTo(45.0);
        assertThat(root.get("error_request_count").get("avg").asDouble()).isEqualTo(5.0);
        assertThat(root.get("time_to_first_token").get("p50").asDouble())
                .isEqualTo(summary.metric("time_to_first_token").orElseThrow().p50());
        assertThat(root.get("start_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
    }

    @Test
    void isoLocalTimesLookLikePython() {
        assertThat(SummaryJsonExporter.isoLocal(1_759_813_345_000_000_000L, ZoneOffset.UTC))
                .isEqualTo("2025-10-07T05:02:25");
        assertThat(SummaryJsonExporter.isoLocal(1_759_813_345_000_000_999L, ZoneOffset.UTC))
                .isEqualTo("2025-10-07T05:02:25");
        assertThat(SummaryJsonExporter.isoLocal(1_759_813_345_000_001_000L, ZoneOffset.UTC))
                .isEqualTo("2025-10-07T05:02:25.000001");
    }

    @Test
    void namedPrometheusMetricsAreExportedWithTheirDeltaOnlyWhenSomeWereNamed() throws Exception {
        var named = List.of(new io.aiperf.core.model.NamedMetricChange("vllm:prefix_cache_hits", "counter", 10.0,
                        250.0, 240.0),
                new io.aiperf.core.model.NamedMetricChange("vllm:num_requests_running", "gauge", null, 3.0, null));
        RunInfo withNamed = utcRun(false).withTelemetry(
                new io.aiperf.core.message.Message.TelemetryResult(null, named, null, null));
        JsonNode root = MAPPER.readTree(SummaryJsonExporter.toJson(Fixtures.handMadeSummary(), withNamed));

        JsonNode list = root.get("prometheus_metrics");
        assertThat(list).hasSize(2);
        assertThat(keys(list.get(0))).containsExactly("name", "type", "before", "after", "delta");
        assertThat(list.get(0).get("name").asText()).isEqualTo("vllm:prefix_cache_hits");
        assertThat(list.get(0).get("delta").asDouble()).isEqualTo(240.0);
        assertThat(list.get(1).get("before").isNull()).isTrue();
        assertThat(list.get(1).get("after").asDouble()).isEqualTo(3.0);
        assertThat(list.get(1).get("delta").isNull()).isTrue();

        RunInfo noneNamed = utcRun(false).withTelemetry(
                new io.aiperf.core.message.Message.TelemetryResult(null, List.of(), null, null));
        assertThat(MAPPER.readTree(SummaryJsonExporter.toJson(Fixtures.handMadeSummary(), noneNamed))
                .has("prometheus_metrics")).isFalse();
    }
}
