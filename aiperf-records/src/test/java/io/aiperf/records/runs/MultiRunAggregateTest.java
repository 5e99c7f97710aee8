package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MultiRunAggregateTest {

    @TempDir
    Path base;

    private RunOutcome run(String label, double ttftAvg, double ttftP99, double throughput) throws Exception {
        Path dir = RunFiles.write(base.resolve("profile_runs").resolve(label), Map.of(
                "time_to_first_token", Map.of("avg", ttftAvg, "p99", ttftP99, "std", 1.0),
                "request_throughput", Map.of("avg", throughput)));
        return new RunOutcome(label, dir, true, null);
    }

    @Test
    void eachStatisticGetsTheMeanSpreadAndIntervalOverTheRuns() throws Exception {
        List<RunOutcome> runs = List.of(run("run_0001", 10, 30, 5), run("run_0002", 12, 33, 6),
                run("run_0003", 14, 36, 10));

        List<Path> written = MultiRunAggregate.export(base, runs, 0.95, 0.5);

        assertThat(written).containsExactly(base.resolve("aggregate/profile_export_aiperf_aggregate.json"),
                base.resolve("aggregate/profile_export_aiperf_aggregate.csv"));
        JsonNode root = RunFiles.read(written.get(0));
        assertThat(root.get("schema_version").asText()).isEqualTo("1.0");
        assertThat(root.get("aiperf_version").asText()).isEqualTo("0.1.0-test");
        JsonNode meta = root.get("metadata");
        assertThat(meta.get("aggregation_type").asText()).isEqualTo("confidence");
        assertThat(meta.get("num_profile_runs").asInt()).isEqualTo(3);
        assertThat(meta.get("num_successful_runs").asInt()).isEqualTo(3);
        assertThat(meta.get("failed_runs")).isEmpty();
        assertThat(meta.get("confidence_level").asDouble()).isEqualTo(0.95);
        assertThat(meta.get("cooldown_seconds").asDouble()).isEqualTo(0.5);
        assertThat(meta.get("run_labels").toString()).isEqualTo("[\"run_0001\",\"run_0002\",\"run_0003\"]");
        assertThat(meta.has("single_run")).isFalse();

        JsonNode ttft = root.get("metrics").get("time_to_first_token_avg");
        double se = 2 / Math.sqrt(3);
        double t = 4.302652729911275;
        assertThat(ttft.get("mean").asDouble()).isEqualTo(12.0);
        assertThat(ttft.get("std").asDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(ttft.get("min").asDouble()).isEqualTo(10.0);
        assertThat(ttft.get("max").asDouble()).isEqualTo(14.0);
        assertThat(ttft.get("cv").asDouble()).isCloseTo(2.0 / 12, within(1e-12));
        assertThat(ttft.get("se").asDouble()).isCloseTo(se, within(1e-12));
        assertThat(ttft.get("t_critical").asDouble()).isCloseTo(t, within(1e-9));
        assertThat(ttft.get("ci_low").asDouble()).isCloseTo(12 - t * se, within(1e-9));
        assertThat(ttft.get("ci_high").asDouble()).isCloseTo(12 + t * se, within(1e-9));
        assertThat(ttft.get("unit").asText()).isEqualTo("ms");

        // throughput 5, 6, 10: mean 7, deviations 4 + 1 + 9 = 14 over 2 is 7.
        JsonNode rps = root.get("metrics").get("request_throughput_avg");
        assertThat(rps.get("mean").asDouble()).isEqualTo(7.0);
        assertThat(rps.get("std").asDouble()).isCloseTo(Math.sqrt(7), within(1e-12));
        assertThat(rps.get("unit").asText()).isEqualTo("requests/sec");

        List<String> keys = new ArrayList<>();
        root.get("metrics").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("request_throughput_avg", "time_to_first_token_avg",
                "time_to_first_token_p99", "time_to_first_token_std");
    }

    @Test
    void theCsvHasOneRowPerKeyWithEveryDigit() throws Exception {
        List<RunOutcome> runs = List.of(run("run_0001", 10, 30, 5), run("run_0002", 12, 33, 6),
                run("run_0003", 14, 36, 10));
        MultiRunAggregate.export(base, runs, 0.95, 0);

        List<String> lines = Files.readAllLines(base.resolve("aggregate/profile_export_aiperf_aggregate.csv"));
        assertThat(lines.get(0)).isEqualTo("metric,mean,std,min,max,cv,se,ci_low,ci_high,t_critical,unit");
        assertThat(lines).hasSize(5);
        String[] ttft = lines.get(2).split(",");
        assertThat(ttft[0]).isEqualTo("time_to_first_token_avg");
        assertThat(Double.parseDouble(ttft[1])).isEqualTo(12.0);
        // Full precision: the se parses back to the very double, not a 2-decimal rounding of it.
        assertThat(Double.parseDouble(ttft[6])).isEqualTo(2 / Math.sqrt(3));
        assertThat(ttft[10]).isEqualTo("ms");
        // std of the runs' std (1, 1, 1) is 0, so cv 0 and a zero-width interval.
        assertThat(lines.get(4)).startsWith("time_to_first_token_std,1.0,0.0,1.0,1.0,0.0,0.0,1.0,1.0,");
    }

    @Test
    void failedRunsAreListedAndLeftOutOfTheNumbers() throws Exception {
        Path missing = base.resolve("profile_runs/run_0003");
        List<RunOutcome> runs = List.of(run("run_0001", 10, 30, 5),
                new RunOutcome("run_0002", base.resolve("profile_runs/run_0002"), false, "server returned 503"),
                new RunOutcome("run_0003", missing, true, null), run("run_0004", 14, 36, 10));

        MultiRunAggregate.export(base, runs, 0.9, 0.5);

        JsonNode root = RunFiles.read(base.resolve("aggregate/profile_export_aiperf_aggregate.json"));
        JsonNode meta = root.get("metadata");
        assertThat(meta.get("num_profile_runs").asInt()).isEqualTo(4);
        assertThat(meta.get("num_successful_runs").asInt()).isEqualTo(2);
        assertThat(meta.get("failed_runs").get(0).get("label").asText()).isEqualTo("run_0002");
        assertThat(meta.get("failed_runs").get(0).get("error").asText()).isEqualTo("server returned 503");
        // Marked successful but its summary is gone: counted as failed, with the reason.
        assertThat(meta.get("failed_runs").get(1).get("label").asText()).isEqualTo("run_0003");
        assertThat(meta.get("failed_runs").get(1).get("error").asText()).contains("does not exist");
        assertThat(meta.get("run_labels").toString()).isEqualTo("[\"run_0001\",\"run_0004\"]");
        assertThat(root.get("metrics").get("time_to_first_token_avg").get("mean").asDouble()).isEqualTo(12.0);
    }

    @Test
    void aKeyCountsOnlyTheRunsThatHaveIt() throws Exception {
        RunOutcome a = run("run_0001", 10, 30, 5);
        Path dir = RunFiles.write(base.resolve("profile_runs/run_0002"), Map.of(
                "time_to_first_token", Map.of("avg", 20.0),
                "error_request_count", Map.of("avg", 3.0)));
        MultiRunAggregate.export(base, List.of(a, new RunOutcome("run_0002", dir, true, null)), 0.95, 0);

        JsonNode metrics = RunFiles.read(base.resolve("aggregate/profile_export_aiperf_aggregate.json"))
                .get("metrics");
        assertThat(metrics.get("time_to_first_token_avg").get("mean").asDouble()).isEqualTo(15.0);
        // In one run only: n = 1, so no interval, whatever the other runs had.
        assertThat(metrics.get("error_request_count_avg").get("std").asDouble()).isZero();
        assertThat(metrics.get("error_request_count_avg").get("t_critical").isNull()).isTrue();
    }

    @Test
    void oneSuccessfulRunIsMarkedAndHasNoSpread() throws Exception {
        MultiRunAggregate.export(base, List.of(run("run_0001", 10, 30, 5),
                new RunOutcome("run_0002", base.resolve("x"), false, "timeout")), 0.95, 0);

        JsonNode root = RunFiles.read(base.resolve("aggregate/profile_export_aiperf_aggregate.json"));
        assertThat(root.get("metadata").get("single_run").asBoolean()).isTrue();
        JsonNode ttft = root.get("metrics").get("time_to_first_token_avg");
        assertThat(ttft.get("std").asDouble()).isZero();
        assertThat(ttft.get("cv").asDouble()).isZero();
        assertThat(ttft.get("se").asDouble()).isZero();
        assertThat(ttft.get("ci_low").asDouble()).isEqualTo(10.0);
        assertThat(ttft.get("ci_high").asDouble()).isEqualTo(10.0);
        assertThat(ttft.get("t_critical").isNull()).isTrue();
        String csvRow = Files.readAllLines(base.resolve("aggregate/profile_export_aiperf_aggregate.csv")).get(2);
        assertThat(csvRow).isEqualTo("time_to_first_token_avg,10.0,0.0,10.0,10.0,0.0,0.0,10.0,10.0,,ms");
    }

    @Test
    void noSuccessfulRunWritesNothing() throws Exception {
        List<Path> written = MultiRunAggregate.export(base, List.of(
                new RunOutcome("run_0001", base.resolve("a"), false, "boom")), 0.95, 0);

        assertThat(written).isEmpty();
        assertThat(base.resolve("aggregate")).doesNotExist();
    }

    @Test
    void theConsoleTableShowsTheKeyMetricsWithCvInPercent() throws Exception {
        MultiRunAggregate.export(base, List.of(run("run_0001", 10, 30, 5), run("run_0002", 12, 33, 6),
                run("run_0003", 14, 36, 10), new RunOutcome("run_0004", base.resolve("y"), false, "boom")), 0.95, 0);

        String table = MultiRunAggregate.consoleTable(base, false);

        assertThat(table).contains("Aggregate over 3 of 4 runs | 95% confidence");
        assertThat(table).contains("CI 95% low");
        // TTFT avg: mean 12, std 2, CV 16.67 %.
        assertThat(table).containsPattern("time_to_first_token_avg +\\| ms +\\| +12\\.00 \\| +2\\.00 \\| +16\\.67 \\|");
        assertThat(table).contains("time_to_first_token_p99").contains("request_throughput_avg");
        // Not a key metric: in the JSON, not on the console.
        assertThat(table).doesNotContain("time_to_first_token_std");
        assertThat(table).contains("Failed run run_0004: boom");
    }
}
