package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One {@code aiperf profile} command, several real runs against the mock: a concurrency sweep, repeated runs with
 * confidence intervals, and cache rounds. Each figure of a summary is recomputed here from the runs' own JSONs.
 */
class MultiRunIT {

    /** Student's t at 0.975 with 2 degrees of freedom: the 95 % interval of three runs (a table value). */
    private static final double T_975_DF2 = 4.302652729911275;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(240);

    private final ObjectMapper json = new ObjectMapper();

    private AiperfRun profile(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-m", "mock-model", "--streaming", "--isl", "16", "--osl", "4",
                "--extra-inputs", "ignore_eos:true", "--ui", "none", "--workers-max", "1", "--no-gpu-telemetry"));
        args.addAll(List.of(extra));
        return aiperf.profile(args);
    }

    private JsonNode read(Path file) throws IOException {
        return json.readTree(file.toFile());
    }

    @Test
    void aConcurrencyListRunsEachLevelIntoItsOwnFolderAndOneSummaryRowPerLevel() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1));
        AiperfRun r = profile("--concurrency", "1,2,4", "--request-count", "8", "--no-server-metrics");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(24);
        JsonNode summary = read(r.artifacts().resolve("sweep_summary.json"));
        assertThat(summary.get("points")).hasSize(3);
        int i = 0;
        for (int level : new int[] {1, 2, 4}) {
            JsonNode run = read(r.artifacts().resolve("c" + level).resolve("profile_export_aiperf.json"));
            assertThat(run.at("/request_count/avg").asInt()).isEqualTo(8);
            assertThat(run.at("/input_config/loadgen/concurrency").asInt()).as(run.get("input_config").toString())
                    .isEqualTo(level);
            JsonNode point = summary.get("points").get(i++);
            assertThat(point.get("label").asText()).isEqualTo("c" + level);
            assertThat(point.at("/variation/concurrency").asInt()).isEqualTo(level);
            assertThat(point.get("status").asText()).isEqualTo("ok");
            for (String tag : List.of("request_throughput", "time_to_first_token", "inter_token_latency")) {
                assertThat(point.at("/metrics/" + tag + "/avg").asDouble()).as(tag)
                        .isEqualTo(run.at("/" + tag + "/avg").asDouble());
            }
        }
        String csv = r.text("sweep_summary.csv");
        assertThat(csv.lines().count()).isEqualTo(4);
        assertThat(r.stdout()).contains("sweep_summary.json");
    }

    @Test
    void threeProfileRunsAggregateWithTheirConfidenceIntervals() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1));
        AiperfRun r = profile("--concurrency", "2", "--request-count", "10", "--num-profile-runs", "3",
                "--profile-run-cooldown-seconds", "0.2", "--no-server-metrics");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<JsonNode> runs = new ArrayList<>();
        for (String label : List.of("run_0001", "run_0002", "run_0003")) {
            JsonNode run = read(r.artifacts().resolve("profile_runs").resolve(label).resolve("profile_export_aiperf.json"));
            assertThat(run.at("/request_count/avg").asInt()).isEqualTo(10);
            runs.add(run);
        }
        assertThat(runs).extracting(run -> run.get("benchmark_id").asText()).doesNotHaveDuplicates();
        JsonNode agg = read(r.artifacts().resolve("aggregate/profile_export_aiperf_aggregate.json"));
        assertThat(agg.at("/metadata/aggregation_type").asText()).isEqualTo("confidence");
        assertThat(agg.at("/metadata/num_profile_runs").asInt()).isEqualTo(3);
        assertThat(agg.at("/metadata/num_successful_runs").asInt()).isEqualTo(3);
        assertThat(agg.at("/metadata/failed_runs")).isEmpty();
        assertThat(agg.at("/metadata/confidence_level").asDouble()).isEqualTo(0.95);
        assertThat(agg.at("/metadata/cooldown_seconds").asDouble()).isEqualTo(0.2);

        for (String[] key : new String[][] {{"request_throughput", "avg"}, {"time_to_first_token", "p99"},
                {"inter_token_latency", "avg"}, {"request_latency", "p50"}}) {
            double[] v = runs.stream().mapToDouble(run -> run.at("/" + key[0] + "/" + key[1]).asDouble()).toArray();
            double mean = (v[0] + v[1] + v[2]) / 3;
            double std = Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean)
                    + (v[2] - mean) * (v[2] - mean)) / 2);
            double se = std / Math.sqrt(3);
            JsonNode m = agg.at("/metrics/" + key[0] + "_" + key[1]);
            String what = key[0] + "_" + key[1] + " " + m;
            double tolerance = 1e-9 * Math.max(1, Math.abs(mean));
            assertThat(m.get("mean").asDouble()).as(what).isCloseTo(mean, within(tolerance));
            assertThat(m.get("std").asDouble()).as(what).isCloseTo(std, within(tolerance));
            assertThat(m.get("se").asDouble()).as(what).isCloseTo(se, within(tolerance));
            assertThat(m.get("t_critical").asDouble()).as(what).isCloseTo(T_975_DF2, within(1e-9));
            assertThat(m.get("ci_low").asDouble()).as(what).isCloseTo(mean - T_975_DF2 * se, within(tolerance));
            assertThat(m.get("ci_high").asDouble()).as(what).isCloseTo(mean + T_975_DF2 * se, within(tolerance));
            assertThat(m.get("min").asDouble()).isEqualTo(Math.min(v[0], Math.min(v[1], v[2])));
            assertThat(m.get("max").asDouble()).isEqualTo(Math.max(v[0], Math.max(v[1], v[2])));
            if (mean != 0) {
                assertThat(m.get("cv").asDouble()).as(what).isCloseTo(std / mean, within(1e-9));
            }
        }
        String csv = r.text("aggregate/profile_export_aiperf_aggregate.csv");
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("metric,mean,std,min,max,cv,se,ci_low,ci_high,t_critical,unit");
    }

    @Test
    void twoRoundsResendTheSameBodiesInTheSameOrderAndCompareTheRounds() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1));
        AiperfRun r = profile("--concurrency", "1", "--request-count", "6", "--rounds", "2",
                "--prometheus-metrics", "vllm:prefix_cache_hits_total");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<RequestRecord> log = mock.requestLog().stream()
                .filter(req -> req.path().equals("/v1/chat/completions")).toList();
        assertThat(log).hasSize(12);
        for (int i = 0; i < 6; i++) {
            assertThat(log.get(6 + i).body()).as("request " + i + " of round 2").isEqualTo(log.get(i).body());
        }
        assertThat(r.artifacts().resolve("round_1/profile_export_aiperf.json")).exists();
        assertThat(r.artifacts().resolve("round_2/profile_export_aiperf.json")).exists();
        JsonNode cmp = read(r.artifacts().resolve("rounds_comparison.json"));
        assertThat(cmp.get("rounds")).hasSize(2);
        JsonNode round1 = read(r.artifacts().resolve("round_1/profile_export_aiperf.json"));
        JsonNode round2 = read(r.artifacts().resolve("round_2/profile_export_aiperf.json"));
        assertThat(cmp.at("/rounds/1/metrics/time_to_first_token/avg").asDouble())
                .isEqualTo(round2.at("/time_to_first_token/avg").asDouble());
        JsonNode ttft = null;
        for (JsonNode stat : cmp.at("/comparison/0/metrics/time_to_first_token")) {
            if (stat.get("stat").asText().equals("avg")) {
                ttft = stat;
            }
        }
        assertThat(ttft).as(cmp.toString()).isNotNull();
        double base = round1.at("/time_to_first_token/avg").asDouble();
        double now = round2.at("/time_to_first_token/avg").asDouble();
        assertThat(ttft.get("delta").asDouble()).isCloseTo(now - base, within(1e-9));
        assertThat(ttft.get("speedup").asDouble()).isCloseTo(base / now, within(1e-9));
        // The mock remembers prompt prefixes: the second round's prompts are all hits, the first's are not.
        double hits1 = prefixHits(round1);
        double hits2 = prefixHits(round2);
        assertThat(hits2).as("round 2 prefix-cache hits").isGreaterThan(hits1);
        JsonNode deltas = cmp.at("/prometheus_deltas/0");
        assertThat(deltas.get("name").asText()).isEqualTo("vllm:prefix_cache_hits_total");
        assertThat(deltas.at("/deltas/round_1").asDouble()).isEqualTo(hits1);
        assertThat(deltas.at("/deltas/round_2").asDouble()).isEqualTo(hits2);
        assertThat(r.stdout()).contains("rounds_comparison.json");
    }

    private static double prefixHits(JsonNode run) {
        for (JsonNode m : run.get("prometheus_metrics")) {
            if (m.get("name").asText().equals("vllm:prefix_cache_hits_total")) {
                return m.get("delta").asDouble();
            }
        }
        throw new AssertionError("no vllm:prefix_cache_hits_total in " + run.get("prometheus_metrics"));
    }
}
