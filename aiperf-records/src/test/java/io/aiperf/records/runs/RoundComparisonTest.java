package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RoundComparisonTest {

    @TempDir
    Path dir;

    private RunOutcome round(String label, double ttftAvg, double ttftP99, double throughput, double cacheHits)
            throws Exception {
        ObjectNode summary = RunFiles.summary(Map.of(
                "time_to_first_token", Map.of("avg", ttftAvg, "p50", ttftAvg, "p90", ttftP99, "p99", ttftP99),
                "output_token_throughput", Map.of("avg", throughput)));
        summary.putArray("prometheus_metrics").addObject().put("name", "vllm:prefix_cache_hits")
                .put("type", "counter").put("before", 100.0).put("after", 100.0 + cacheHits).put("delta", cacheHits);
        return new RunOutcome(label, RunFiles.write(dir.resolve(label), summary), true, null);
    }

    @Test
    void laterRoundsAreComparedWithTheFirst() throws Exception {
        List<Path> written = RoundComparison.export(dir, List.of(round("round_1", 40, 80, 1000, 0),
                round("round_2", 25, 50, 1250, 900)));

        assertThat(written).containsExactly(dir.resolve("rounds_comparison.json"),
                dir.resolve("rounds_comparison.csv"));
        JsonNode root = RunFiles.read(written.get(0));
        JsonNode r2 = root.get("rounds").get(1);
        assertThat(r2.get("label").asText()).isEqualTo("round_2");
        assertThat(r2.get("dir").asText()).isEqualTo("round_2");
        assertThat(r2.get("status").asText()).isEqualTo("ok");
        assertThat(r2.get("metrics").get("time_to_first_token").get("p90").asDouble()).isEqualTo(50.0);
        assertThat(r2.get("prometheus_metrics").get(0).get("delta").asDouble()).isEqualTo(900.0);

        JsonNode c = root.get("comparison").get(0);
        assertThat(c.get("round").asText()).isEqualTo("round_2");
        assertThat(c.get("baseline").asText()).isEqualTo("round_1");
        JsonNode ttft = c.get("metrics").get("time_to_first_token");
        assertThat(ttft).hasSize(3);
        JsonNode avg = ttft.get(0);
        assertThat(avg.get("stat").asText()).isEqualTo("avg");
        assertThat(avg.get("baseline").asDouble()).isEqualTo(40.0);
        assertThat(avg.get("value").asDouble()).isEqualTo(25.0);
        assertThat(avg.get("delta").asDouble()).isEqualTo(-15.0);
        assertThat(avg.get("delta_pct").asDouble()).isCloseTo(-37.5, within(1e-12));
        // A latency: smaller is better, so 40 / 25.
        assertThat(avg.get("speedup").asDouble()).isCloseTo(1.6, within(1e-12));
        assertThat(ttft.get(2).get("stat").asText()).isEqualTo("p99");
        // A throughput: larger is better, so 1250 / 1000; a single-value metric has only avg.
        JsonNode tput = c.get("metrics").get("output_token_throughput");
        assertThat(tput).hasSize(1);
        assertThat(tput.get(0).get("speedup").asDouble()).isCloseTo(1.25, within(1e-12));
        assertThat(tput.get(0).get("delta_pct").asDouble()).isCloseTo(25.0, within(1e-12));

        JsonNode deltas = root.get("prometheus_deltas").get(0);
        assertThat(deltas.get("name").asText()).isEqualTo("vllm:prefix_cache_hits");
        assertThat(deltas.get("deltas").get("round_1").asDouble()).isZero();
        assertThat(deltas.get("deltas").get("round_2").asDouble()).isEqualTo(900.0);
    }

    @Test
    void theCsvPutsTheRoundsSideBySideThenThePrometheusDeltas() throws Exception {
        RoundComparison.export(dir, List.of(round("round_1", 40, 80, 1000, 0), round("round_2", 25, 50, 1250, 900),
                round("round_3", 20, 40, 1000, 950)));

        List<String> csv = Files.readAllLines(dir.resolve("rounds_comparison.csv"));
        assertThat(csv.get(0)).isEqualTo("metric,stat,unit,round_1,round_2,round_3,delta_pct_round_2,"
                + "delta_pct_round_3,speedup_round_2,speedup_round_3");
        assertThat(csv.get(1)).isEqualTo("time_to_first_token,avg,ms,40.0,25.0,20.0,-37.5,-50.0,1.6,2.0");
        assertThat(csv).contains("output_token_throughput,avg,tokens/sec,1000.0,1250.0,1000.0,25.0,0.0,1.25,1.0");
        int blank = csv.indexOf("");
        assertThat(blank).isPositive();
        assertThat(csv.get(blank + 1)).isEqualTo("prometheus_metric,round_1_delta,round_2_delta,round_3_delta");
        assertThat(csv.get(blank + 2)).isEqualTo("vllm:prefix_cache_hits,0.0,900.0,950.0");
    }

    @Test
    void aFailedRoundHasNoNumbersAndNoComparison() throws Exception {
        RoundComparison.export(dir, List.of(round("round_1", 40, 80, 1000, 0),
                new RunOutcome("round_2", dir.resolve("round_2"), false, "cancelled")));

        JsonNode root = RunFiles.read(dir.resolve("rounds_comparison.json"));
        assertThat(root.get("rounds").get(1).get("status").asText()).isEqualTo("failed");
        assertThat(root.get("rounds").get(1).get("error").asText()).isEqualTo("cancelled");
        assertThat(root.get("comparison").get(0).get("metrics")).isEmpty();
        assertThat(root.get("prometheus_deltas").get(0).get("deltas").get("round_2").isNull()).isTrue();
    }

    @Test
    void theConsoleShowsDeltaAndSpeedupThenTheServerMetrics() throws Exception {
        RoundComparison.export(dir, List.of(round("round_1", 40, 80, 1000, 0), round("round_2", 25, 50, 1250, 900)));

        String table = RoundComparison.consoleTable(dir, false);

        assertThat(table).contains("Rounds Comparison | against round_1");
        assertThat(table).containsPattern("time_to_first_token +\\| avg +\\| ms +\\| +40\\.00 \\| +25\\.00 \\| "
                + "+-37\\.50% \\| +1\\.60x \\|");
        assertThat(table).containsPattern("output_token_throughput +\\| avg .*\\| +\\+25\\.00% \\| +1\\.25x \\|");
        assertThat(table).contains("Server Metrics per Round");
        assertThat(table).containsPattern("vllm:prefix_cache_hits +\\| +0\\.00 \\| +900\\.00 \\|");
    }
}
