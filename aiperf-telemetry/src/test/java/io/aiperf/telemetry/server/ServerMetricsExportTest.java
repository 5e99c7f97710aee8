package io.aiperf.telemetry.server;

import io.aiperf.telemetry.prometheus.ExpositionParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The server families AIPerf reads (SGLang's {@code sglang:*}, TensorRT-LLM's {@code trtllm_*} as Dynamo passes them
 * on, Dynamo's {@code dynamo_frontend_*}), scraped three times and summarised by type over the window.
 */
class ServerMetricsExportTest {

    private static final String URL = "http://h:8000/metrics";

    @TempDir
    Path dir;

    private static String scrape(int done, double running, long bucket01, long bucket1, long count, double sum) {
        return "# TYPE sglang:num_running_reqs gauge\n"
                + "sglang:num_running_reqs{model_name=\"m\"} " + running + "\n"
                + "# TYPE sglang:prompt_tokens_total counter\n"
                + "sglang:prompt_tokens_total{model_name=\"m\"} " + (done * 100) + "\n"
                + "# TYPE trtllm_request_success_total counter\n"
                + "trtllm_request_success_total{finished_reason=\"length\"} " + done + "\n"
                + "# TYPE dynamo_frontend_time_to_first_token_seconds histogram\n"
                + "dynamo_frontend_time_to_first_token_seconds_bucket{model=\"m\",le=\"0.1\"} " + bucket01 + "\n"
                + "dynamo_frontend_time_to_first_token_seconds_bucket{model=\"m\",le=\"1\"} " + bucket1 + "\n"
                + "dynamo_frontend_time_to_first_token_seconds_bucket{model=\"m\",le=\"+Inf\"} " + count + "\n"
                + "dynamo_frontend_time_to_first_token_seconds_sum{model=\"m\"} " + sum + "\n"
                + "dynamo_frontend_time_to_first_token_seconds_count{model=\"m\"} " + count + "\n";
    }

    private static ServerMetricsStore store() {
        ServerMetricsStore store = new ServerMetricsStore();
        store.accept(URL, 1_000, ExpositionParser.parse(scrape(0, 0, 0, 0, 0, 0)));
        store.accept(URL, 2_000, ExpositionParser.parse(scrape(10, 4, 6, 10, 10, 0.9)));
        store.accept(URL, 3_000, ExpositionParser.parse(scrape(30, 2, 16, 28, 30, 3.5)));
        return store;
    }

    private static ServerMetricsExport.Row row(List<ServerMetricsExport.Row> rows, String family) {
        return rows.stream().filter(r -> r.family().equals(family)).findFirst().orElseThrow();
    }

    @Test
    void eachTypeIsSummarisedAsAiperfDoes() {
        List<ServerMetricsExport.Row> rows = ServerMetricsExport.rows(store(), 1_500, 3_000, 3_000);

        ServerMetricsExport.Row running = row(rows, "sglang:num_running_reqs");
        assertThat(running.type()).isEqualTo("gauge");
        assertThat(running.stats()).containsEntry("avg", 3.0).containsEntry("max", 4.0).containsEntry("min", 2.0);

        ServerMetricsExport.Row prompt = row(rows, "sglang:prompt_tokens_total");
        assertThat(prompt.stats()).containsEntry("delta", 3000.0); // from the scrape before the window: 0 → 3,000
        assertThat(prompt.stats().get("rate_per_s")).isCloseTo(3000 / 1.5e-6, within(1e-3));
        assertThat(row(rows, "trtllm_request_success_total").labels()).isEqualTo(Map.of("finished_reason", "length"));

        ServerMetricsExport.Row ttft = row(rows, "dynamo_frontend_time_to_first_token_seconds");
        assertThat(ttft.type()).isEqualTo("histogram");
        assertThat(ttft.labels()).as("le is the bucket, not the series").isEqualTo(Map.of("model", "m"));
        assertThat(ttft.stats()).containsEntry("count", 30.0).containsEntry("sum", 3.5);
        assertThat(ttft.stats().get("avg")).isCloseTo(3.5 / 30, within(1e-12));
        // 16 of 30 at or below 0.1 s: the median is in the first bucket, interpolated from 0.
        assertThat(ttft.stats().get("p50")).isCloseTo(0.1 * 15 / 16, within(1e-12));
    }

    @Test
    void jsonlIsTheRawTimeSeriesWithEachCounterStepAsItsDelta() throws Exception {
        Path jsonl = dir.resolve("server_metrics_export.jsonl");
        ServerMetricsExport.write(store(), List.of(URL), List.of(URL), 1_500, 3_000, 3_000, dir.resolve("a.json"),
                dir.resolve("a.csv"), jsonl, List.of("jsonl"));
        List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(3 * 8); // 8 series, 3 scrapes
        List<com.fasterxml.jackson.databind.JsonNode> prompt = lines.stream()
                .filter(l -> l.get("metric").asText().equals("sglang:prompt_tokens_total")).toList();
        assertThat(prompt).extracting(l -> l.get("timestamp_ns").asLong()).containsExactly(1_000L, 2_000L, 3_000L);
        assertThat(prompt.get(0).has("delta")).isFalse();
        assertThat(prompt.get(2).get("value").asDouble()).isEqualTo(3000.0);
        assertThat(prompt.get(2).get("delta").asDouble()).isEqualTo(2000.0);
        assertThat(lines.stream().filter(l -> l.get("metric").asText().equals("sglang:num_running_reqs"))
                .noneMatch(l -> l.has("delta"))).as("a gauge has no delta").isTrue();
    }

    @Test
    void writesTheFormatsAskedFor() throws Exception {
        Path json = dir.resolve("server_metrics_export.json");
        Path csv = dir.resolve("server_metrics_export.csv");
        List<Path> written = ServerMetricsExport.write(store(), List.of(URL), List.of(URL), 1_500, 3_000, 3_000, json,
                csv, List.of("csv"));
        assertThat(written).containsExactly(csv);
        assertThat(json).doesNotExist();
        assertThat(Files.readAllLines(csv)).first().isEqualTo("Endpoint,Metric,Type,Labels,Stat,Value");
        assertThat(Files.readString(csv)).contains(URL + ",sglang:prompt_tokens_total,counter,model_name=m,delta,3000.0");
    }
}
