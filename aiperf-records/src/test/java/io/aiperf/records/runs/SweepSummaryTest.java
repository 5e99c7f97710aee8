package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SweepSummaryTest {

    @TempDir
    Path base;

    private static LinkedHashMap<String, Object> concurrency(int c) {
        LinkedHashMap<String, Object> v = new LinkedHashMap<>();
        v.put("concurrency", c);
        return v;
    }

    private static Map<String, Map<String, Double>> metrics(double rps, double ttft) {
        return Map.of(
                "request_throughput", Map.of("avg", rps),
                "time_to_first_token", Map.of("avg", ttft, "p50", ttft - 1, "p90", ttft + 1, "p99", ttft + 5,
                        "p25", ttft - 2, "min", ttft - 3, "max", ttft + 6, "std", 1.5),
                "request_count", Map.of("avg", 100.0));
    }

    @Test
    void onePointPerRowWithItsVariationAndMetrics() throws Exception {
        Path c1 = RunFiles.write(base.resolve("c1"), metrics(10, 20));
        Path c4 = RunFiles.write(base.resolve("c4"), metrics(35, 28));
        List<SweepPoint> points = List.of(new SweepPoint("c1", concurrency(1), c1, true, null),
                new SweepPoint("c4", concurrency(4), c4, true, null),
                new SweepPoint("c8", concurrency(8), base.resolve("c8"), false, "server down"));

        List<Path> written = SweepSummary.export(base, points);

        assertThat(written).containsExactly(base.resolve("sweep_summary.json"), base.resolve("sweep_summary.csv"));
        JsonNode root = RunFiles.read(written.get(0));
        assertThat(root.get("schema_version").asText()).isEqualTo("1.0");
        assertThat(root.get("aiperf_version").asText()).isEqualTo("0.1.0-test");
        assertThat(root.get("sweep_parameters").toString()).isEqualTo("[\"concurrency\"]");
        JsonNode p4 = root.get("points").get(1);
        assertThat(p4.get("label").asText()).isEqualTo("c4");
        assertThat(p4.get("dir").asText()).isEqualTo("c4");
        assertThat(p4.get("variation").get("concurrency").asInt()).isEqualTo(4);
        assertThat(p4.get("status").asText()).isEqualTo("ok");
        assertThat(p4.get("error").isNull()).isTrue();
        assertThat(p4.get("num_profile_runs").asInt()).isEqualTo(1);
        JsonNode ttft = p4.get("metrics").get("time_to_first_token");
        assertThat(ttft.get("unit").asText()).isEqualTo("ms");
        assertThat(ttft.get("p99").asDouble()).isEqualTo(33.0);
        assertThat(ttft.has("p25")).as("only avg, p50, p90, p99, min, max, std").isFalse();
        JsonNode failed = root.get("points").get(2);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).isEqualTo("server down");
        assertThat(failed.get("metrics")).isEmpty();

        List<String> csv = Files.readAllLines(written.get(1));
        assertThat(csv.get(0)).startsWith("label,concurrency,status,request_throughput_avg,output_token_throughput_avg,"
                + "output_token_throughput_per_user_avg,output_token_throughput_per_user_p50,")
                .endsWith(",time_to_second_token_p99,error_request_count_avg,request_count_avg");
        List<String> header = List.of(csv.get(0).split(","));
        List<String> row = List.of(csv.get(2).split(",", -1));
        assertThat(row.get(0)).isEqualTo("c4");
        assertThat(row.get(1)).isEqualTo("4");
        assertThat(row.get(2)).isEqualTo("ok");
        assertThat(row.get(header.indexOf("request_throughput_avg"))).isEqualTo("35.0");
        assertThat(row.get(header.indexOf("time_to_first_token_p90"))).isEqualTo("29.0");
        assertThat(row.get(header.indexOf("inter_token_latency_avg"))).as("absent metric").isEmpty();
        assertThat(csv.get(3)).startsWith("c8,8,failed,,,");
    }

    @Test
    void aMultiRunPointReportsTheMeansOfItsAggregate() throws Exception {
        Path point = base.resolve("c2");
        List<RunOutcome> runs = List.of(
                new RunOutcome("run_0001", RunFiles.write(point.resolve("profile_runs/run_0001"), metrics(10, 20)),
                        true, null),
                new RunOutcome("run_0002", RunFiles.write(point.resolve("profile_runs/run_0002"), metrics(14, 30)),
                        true, null),
                new RunOutcome("run_0003", point.resolve("profile_runs/run_0003"), false, "boom"));
        MultiRunAggregate.export(point, runs, 0.95, 0);

        SweepSummary.export(base, List.of(new SweepPoint("c2", concurrency(2), point, true, null)));

        JsonNode p = RunFiles.read(base.resolve("sweep_summary.json")).get("points").get(0);
        assertThat(p.get("num_profile_runs").asInt()).isEqualTo(3);
        assertThat(p.get("aggregated_over_runs").asInt()).isEqualTo(2);
        assertThat(p.get("metrics").get("request_throughput").get("avg").asDouble()).isEqualTo(12.0);
        assertThat(p.get("metrics").get("time_to_first_token").get("p99").asDouble()).isEqualTo(30.0);
        assertThat(p.get("metrics").get("time_to_first_token").get("unit").asText()).isEqualTo("ms");
    }

    @Test
    void aRoundsPointReportsItsLastRound() throws Exception {
        Path point = base.resolve("c2");
        List<RunOutcome> rounds = List.of(
                new RunOutcome("round_1", RunFiles.write(point.resolve("round_1"), metrics(10, 40)), true, null),
                new RunOutcome("round_2", RunFiles.write(point.resolve("round_2"), metrics(12, 25)), true, null));
        RoundComparison.export(point, rounds);

        SweepSummary.export(base, List.of(new SweepPoint("c2", concurrency(2), point, true, null)));

        JsonNode p = RunFiles.read(base.resolve("sweep_summary.json")).get("points").get(0);
        assertThat(p.get("rounds").asInt()).isEqualTo(2);
        assertThat(p.get("metrics").get("time_to_first_token").get("avg").asDouble()).isEqualTo(25.0);
    }

    @Test
    void nestedLabelsKeepEveryVariationKeyAndASlashSeparatedDir() throws Exception {
        LinkedHashMap<String, Object> v = new LinkedHashMap<>();
        v.put("model", "m");
        v.put("isl", 128);
        v.put("concurrency", 4);
        Path dir = RunFiles.write(base.resolve("m").resolve("isl128_osl64").resolve("c4"), metrics(3, 9));

        SweepSummary.export(base, List.of(new SweepPoint("m/isl128_osl64/c4", v, dir, true, null)));

        JsonNode root = RunFiles.read(base.resolve("sweep_summary.json"));
        assertThat(root.get("sweep_parameters").toString()).isEqualTo("[\"model\",\"isl\",\"concurrency\"]");
        assertThat(root.get("points").get(0).get("dir").asText()).isEqualTo("m/isl128_osl64/c4");
        assertThat(Files.readAllLines(base.resolve("sweep_summary.csv")).get(1))
                .startsWith("m/isl128_osl64/c4,m,128,4,ok,3.0,");
    }

    @Test
    void aPointWhoseSummaryIsMissingIsFailedWithTheReason() throws Exception {
        SweepSummary.export(base, List.of(new SweepPoint("c1", concurrency(1), base.resolve("c1"), true, null)));

        JsonNode p = RunFiles.read(base.resolve("sweep_summary.json")).get("points").get(0);
        assertThat(p.get("status").asText()).isEqualTo("failed");
        assertThat(p.get("error").asText()).contains("profile_export_aiperf.json does not exist");
    }

    @Test
    void theConsoleTableHasOneLinePerPoint() throws Exception {
        Path c1 = RunFiles.write(base.resolve("c1"), metrics(10, 20));
        SweepSummary.export(base, List.of(new SweepPoint("c1", concurrency(1), c1, true, null),
                new SweepPoint("c8", concurrency(8), base.resolve("c8"), false, "server down")));

        String table = SweepSummary.consoleTable(base, false);

        assertThat(table).contains("Sweep Summary").contains("concurrency").contains("TTFT p99 (ms)");
        assertThat(table).containsPattern("\\| c1 +\\| +1 \\| +10\\.00 \\| +N/A \\| +N/A \\| +20\\.00 \\| +25\\.00 "
                + "\\| +N/A \\| +0 \\|");
        assertThat(table).containsPattern("\\| c8 +\\| +8 \\|.*\\| failed \\|");
        assertThat(table).contains("Failed point c8: server down");
    }
}
