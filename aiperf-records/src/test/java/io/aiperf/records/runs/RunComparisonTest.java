package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RunComparisonTest {

    @TempDir
    Path tmp;

    private static Map<String, Map<String, Double>> single(double ttftAvg, double ttftStd, double ttftP99,
                                                           double rps, double count) {
        return Map.of(
                "time_to_first_token", Map.of("avg", ttftAvg, "p50", ttftAvg, "p99", ttftP99, "std", ttftStd),
                "request_throughput", Map.of("avg", rps),
                "request_count", Map.of("avg", count));
    }

    private static RunComparison.Row row(RunComparison.Result result, String metric) {
        return result.rows().stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }

    /** A multi-run base: its runs under profile_runs/ and the aggregate over them. */
    private Path multiRun(String name, double[] ttftAvgs) throws IOException {
        Path base = tmp.resolve(name);
        List<RunOutcome> runs = new ArrayList<>();
        for (int i = 0; i < ttftAvgs.length; i++) {
            String label = String.format("run_%04d", i + 1);
            runs.add(new RunOutcome(label, RunFiles.write(base.resolve("profile_runs").resolve(label),
                    single(ttftAvgs[i], 3, ttftAvgs[i] * 2, 10, 100)), true, null));
        }
        MultiRunAggregate.export(base, runs, 0.95, 0);
        return base;
    }

    @Test
    void twoSingleRunsTestTheAvgWithTheirRequestStdAndCount() throws Exception {
        Path a = RunFiles.write(tmp.resolve("a"), single(100, 10, 150, 5, 50));
        Path b = RunFiles.write(tmp.resolve("b"), single(106, 12, 170, 5.5, 50));

        RunComparison.Result result = RunComparison.compare(a, b, 0.95);

        RunComparison.Row ttft = row(result, "time_to_first_token_avg");
        assertThat(ttft.a()).isEqualTo(100.0);
        assertThat(ttft.b()).isEqualTo(106.0);
        assertThat(ttft.diff()).isEqualTo(6.0);
        assertThat(ttft.diffPct()).isCloseTo(6.0, within(1e-12));
        // By hand: se² = 100/50 + 144/50 = 4.88, t = 6 / sqrt(4.88) = 2.72, Welch-Satterthwaite df.
        double df = 4.88 * 4.88 / (2.0 * 2.0 / 49 + 2.88 * 2.88 / 49);
        double p = 2 * new TDistribution(df).cumulativeProbability(-6 / Math.sqrt(4.88));
        assertThat(ttft.pValue()).isCloseTo(p, within(1e-12));
        assertThat(p).isLessThan(0.05);
        assertThat(ttft.significant()).isEqualTo("yes");
        assertThat(ttft.noise()).isEqualTo("requests");
        // A p99 and a single-value metric of a single run have no noise estimate.
        assertThat(row(result, "time_to_first_token_p99").significant()).isEqualTo("n/a");
        assertThat(row(result, "request_throughput_avg").significant()).isEqualTo("n/a");
        assertThat(result.rows()).extracting(RunComparison.Row::metric).containsExactlyInAnyOrder(
                "time_to_first_token_avg", "time_to_first_token_p99", "request_throughput_avg", "request_count_avg");
    }

    @Test
    void aSmallDifferenceWithinTheNoiseIsNotSignificant() throws Exception {
        Path a = RunFiles.write(tmp.resolve("a"), single(100, 10, 150, 5, 50));
        Path b = RunFiles.write(tmp.resolve("b"), single(101, 10, 150, 5, 50));

        assertThat(row(RunComparison.compare(a, b, 0.95), "time_to_first_token_avg").significant()).isEqualTo("no");
    }

    @Test
    void twoMultiRunsTestThePerRunValues() throws Exception {
        double[] x = {100, 102, 98, 101};
        double[] y = {110, 108, 113};
        Path a = multiRun("a", x);
        Path b = multiRun("b", y);

        RunComparison.Result result = RunComparison.compare(a, b, 0.95);

        assertThat(result.a().multiRun()).isTrue();
        assertThat(result.a().runs()).isEqualTo(4);
        RunComparison.Row ttft = row(result, "time_to_first_token_avg");
        assertThat(ttft.a()).isCloseTo(100.25, within(1e-12));
        assertThat(ttft.b()).isCloseTo(331.0 / 3, within(1e-12));
        assertThat(ttft.pValue()).isCloseTo(new TTest().tTest(x, y), within(1e-12));
        assertThat(ttft.significant()).isEqualTo("yes");
        assertThat(ttft.noise()).isEqualTo("runs");
        // p99 = 2 × avg per run: the runs' values give it a noise estimate too.
        assertThat(row(result, "time_to_first_token_p99").pValue()).isCloseTo(new TTest().tTest(
                new double[] {200, 204, 196, 202}, new double[] {220, 216, 226}), within(1e-12));
        // Every run has 10 req/s: no variance, no difference.
        assertThat(row(result, "request_throughput_avg").significant()).isEqualTo("no");
    }

    @Test
    void aSingleRunAgainstAMultiRunHasNoNoiseEstimate() throws Exception {
        Path a = RunFiles.write(tmp.resolve("a"), single(100, 10, 150, 5, 50));
        Path b = multiRun("b", new double[] {110, 108, 113});

        RunComparison.Row ttft = row(RunComparison.compare(a, b, 0.95), "time_to_first_token_avg");

        assertThat(ttft.significant()).isEqualTo("n/a");
        assertThat(ttft.pValue()).isNull();
    }

    @Test
    void theJsonCarriesEveryRow() throws Exception {
        Path a = RunFiles.write(tmp.resolve("a"), single(100, 10, 150, 5, 50));
        Path b = RunFiles.write(tmp.resolve("b"), single(106, 12, 170, 5.5, 50));

        JsonNode root = RunFiles.MAPPER.readTree(RunComparison.toJson(RunComparison.compare(a, b, 0.9)));

        assertThat(root.get("confidence_level").asDouble()).isEqualTo(0.9);
        assertThat(root.get("a").get("kind").asText()).isEqualTo("single_run");
        assertThat(root.get("metrics")).hasSize(4);
        JsonNode p99 = null;
        for (JsonNode m : root.get("metrics")) {
            if (m.get("metric").asText().equals("time_to_first_token_p99")) {
                p99 = m;
            }
        }
        assertThat(p99).isNotNull();
        assertThat(p99.get("diff").asDouble()).isEqualTo(20.0);
        assertThat(p99.get("p_value").isNull()).isTrue();
        assertThat(p99.get("significant").asText()).isEqualTo("n/a");
    }

    @Test
    void aDirectoryWithoutASummaryIsNamed() throws Exception {
        Path a = RunFiles.write(tmp.resolve("a"), single(100, 10, 150, 5, 50));
        Path empty = java.nio.file.Files.createDirectories(tmp.resolve("empty"));

        assertThatThrownBy(() -> RunComparison.compare(a, empty, 0.95)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty").hasMessageContaining("profile_export_aiperf.json does not exist");
        assertThatThrownBy(() -> RunComparison.compare(tmp.resolve("nope"), a, 0.95))
                .isInstanceOf(IOException.class).hasMessageContaining("is not a directory");
    }
}
