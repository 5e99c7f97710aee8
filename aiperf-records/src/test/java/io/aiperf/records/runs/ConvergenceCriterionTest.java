package io.aiperf.records.runs;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConvergenceCriterionTest {

    @TempDir
    Path base;

    private int next = 1;

    private RunOutcome run(double latencyAvg) throws IOException {
        String label = String.format("run_%04d", next++);
        Path dir = RunFiles.write(base.resolve(label), Map.of("request_latency",
                Map.of("avg", latencyAvg, "p99", latencyAvg * 2)));
        return new RunOutcome(label, dir, true, null);
    }

    private static ConvergenceCriterion criterion(ConvergenceMode mode, double threshold) {
        return new ConvergenceCriterion("request_latency", "avg", mode, threshold, 0.95, null);
    }

    @Test
    void ciWidthIsTheFullTIntervalOverTheMean() throws IOException {
        // 100, 102, 98: mean 100, sample std 2, interval 2 * t(0.975, 2) * 2 / sqrt(3) wide.
        double t = new TDistribution(2).inverseCumulativeProbability(0.975);
        double expected = 2 * t * 2 / Math.sqrt(3) / 100;
        List<RunOutcome> runs = List.of(run(100), run(102), run(98));

        ConvergenceCriterion.Check loose = criterion(ConvergenceMode.CI_WIDTH, expected + 0.001).check(runs);
        ConvergenceCriterion.Check tight = criterion(ConvergenceMode.CI_WIDTH, expected - 0.001).check(runs);

        assertThat(loose.value()).isCloseTo(expected, within(1e-12));
        assertThat(loose.converged()).isTrue();
        assertThat(tight.converged()).isFalse();
        assertThat(loose.runs()).isEqualTo(3);
    }

    @Test
    void cvIsTheSampleStdOverTheMean() throws IOException {
        // 90, 100, 110: mean 100, sample std 10.
        List<RunOutcome> runs = List.of(run(90), run(100), run(110));

        assertThat(criterion(ConvergenceMode.CV, 0.11).check(runs).value()).isCloseTo(0.1, within(1e-12));
        assertThat(criterion(ConvergenceMode.CV, 0.11).check(runs).converged()).isTrue();
        assertThat(criterion(ConvergenceMode.CV, 0.1).check(runs).converged()).isFalse();
    }

    @Test
    void theStatisticChosenIsTheOneRead() throws IOException {
        List<RunOutcome> runs = List.of(run(90), run(100), run(110));
        ConvergenceCriterion p99 = new ConvergenceCriterion("request_latency", "p99", ConvergenceMode.CV, 1, 0.95,
                null);
        // p99 is twice avg in every run: the same CV.
        assertThat(p99.check(runs).value()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void nothingConvergesBeforeThreeSuccessfulRuns() throws IOException {
        List<RunOutcome> two = new ArrayList<>(List.of(run(100), run(100)));
        assertThat(criterion(ConvergenceMode.CV, 0.5).check(two).converged()).isFalse();

        two.add(new RunOutcome("run_0003", base.resolve("missing"), false, "exit code 1"));
        assertThat(criterion(ConvergenceMode.CV, 0.5).check(two).converged()).isFalse();

        two.add(run(100));
        assertThat(criterion(ConvergenceMode.CV, 0.5).check(two).converged()).isTrue();
    }

    @Test
    void aZeroMeanNeverConverges() throws IOException {
        List<RunOutcome> runs = List.of(run(0), run(0), run(0));
        ConvergenceCriterion.Check c = criterion(ConvergenceMode.CI_WIDTH, 10).check(runs);
        assertThat(c.converged()).isFalse();
        assertThat(c.value()).isNaN();
    }

    @Test
    void aMetricMissingFromTheRunsNeverConverges() throws IOException {
        List<RunOutcome> runs = List.of(run(1), run(1), run(1));
        ConvergenceCriterion ttft = new ConvergenceCriterion("time_to_first_token", "avg", ConvergenceMode.CV, 1,
                0.95, null);
        assertThat(ttft.check(runs).converged()).isFalse();
        assertThat(ttft.check(runs).runs()).isZero();
    }

    private RunOutcome recordsRun(double[] latencies) throws IOException {
        RunOutcome run = run(1);
        StringBuilder lines = new StringBuilder();
        for (double v : latencies) {
            lines.append("{\"metadata\":{\"benchmark_phase\":\"profiling\"},\"metrics\":{\"request_latency\":")
                    .append("{\"value\":").append(v).append(",\"unit\":\"ms\"}},\"error\":null}\n");
        }
        // Neither a warmup record nor a failed one is part of the distribution.
        lines.append("{\"metadata\":{\"benchmark_phase\":\"warmup\"},\"metrics\":{\"request_latency\":")
                .append("{\"value\":1e9,\"unit\":\"ms\"}},\"error\":null}\n");
        lines.append("{\"metadata\":{\"benchmark_phase\":\"profiling\"},\"metrics\":{\"request_latency\":")
                .append("{\"value\":-1e9,\"unit\":\"ms\"}},\"error\":{\"code\":500,\"type\":\"x\",\"message\":\"m\"}}\n");
        Files.writeString(run.dir().resolve("profile_export.jsonl"), lines.toString());
        return run;
    }

    private static double[] series(double start, double step, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + step * i;
        }
        return v;
    }

    @Test
    void distributionTestsTheLastRunAgainstTheEarlierOnesPooled() throws IOException {
        double[] a = series(10, 1, 20);
        double[] b = series(10.5, 1, 20);
        double[] last = series(12.25, 1.1, 25);
        List<RunOutcome> runs = List.of(recordsRun(a), recordsRun(b), recordsRun(last));
        double[] pooled = new double[40];
        System.arraycopy(a, 0, pooled, 0, 20);
        System.arraycopy(b, 0, pooled, 20, 20);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double p = ks.exactP(ks.kolmogorovSmirnovStatistic(pooled, last), 40, 25, false);

        ConvergenceCriterion.Check check = criterion(ConvergenceMode.DISTRIBUTION, p / 2).check(runs);

        assertThat(check.value()).isEqualTo(p);
        assertThat(check.converged()).isTrue();
        assertThat(criterion(ConvergenceMode.DISTRIBUTION, p).check(runs).converged()).isFalse();
    }

    @Test
    void tiedValuesCountAsTheyAreSoIdenticalRunsMatchFully() throws IOException {
        double[] eights = new double[30];
        java.util.Arrays.fill(eights, 8);
        List<RunOutcome> runs = List.of(recordsRun(eights), recordsRun(eights), recordsRun(eights));

        ConvergenceCriterion.Check check = criterion(ConvergenceMode.DISTRIBUTION, 0.99).check(runs);

        assertThat(check.value()).isEqualTo(1.0);
        assertThat(check.converged()).isTrue();
    }

    @Test
    void largeSamplesUseTheAsymptoticPValue() {
        double[] a = series(0, 1, 200);
        double[] b = series(3, 1, 100);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        // 200 x 100 is past the exact computation's bound.
        assertThat(ConvergenceCriterion.ksPValue(a, b))
                .isEqualTo(ks.approximateP(ks.kolmogorovSmirnovStatistic(a, b), 200, 100));
    }

    @Test
    void aShiftedLastRunDoesNotMatch() throws IOException {
        List<RunOutcome> runs = List.of(recordsRun(series(10, 1, 30)), recordsRun(series(10, 1, 30)),
                recordsRun(series(100, 1, 30)));
        ConvergenceCriterion.Check check = criterion(ConvergenceMode.DISTRIBUTION, 0.05).check(runs);
        assertThat(check.value()).isLessThan(1e-6);
        assertThat(check.converged()).isFalse();
    }

    @Test
    void distributionWithoutTheRecordsFileSaysWhichIsMissing() throws IOException {
        List<RunOutcome> runs = List.of(run(1), run(1), run(1));
        assertThatThrownBy(() -> criterion(ConvergenceMode.DISTRIBUTION, 0.05).check(runs))
                .isInstanceOf(IOException.class).hasMessageContaining("profile_export.jsonl is missing");
    }

    @Test
    void theAggregateMetadataSaysWhetherAndWhenItConverged() throws IOException {
        List<RunOutcome> runs = List.of(run(90), run(100), run(110));
        ConvergenceCriterion c = criterion(ConvergenceMode.CV, 0.2);
        ConvergenceReport report = new ConvergenceReport(c, 5, c.check(runs));

        MultiRunAggregate.export(base, runs, 0.95, 0, report);

        var conv = RunFiles.read(base.resolve("aggregate/profile_export_aiperf_aggregate.json"))
                .get("metadata").get("convergence");
        assertThat(conv.get("metric").asText()).isEqualTo("request_latency");
        assertThat(conv.get("stat").asText()).isEqualTo("avg");
        assertThat(conv.get("mode").asText()).isEqualTo("cv");
        assertThat(conv.get("threshold").asDouble()).isEqualTo(0.2);
        assertThat(conv.get("converged").asBoolean()).isTrue();
        assertThat(conv.get("converged_after_runs").asInt()).isEqualTo(3);
        assertThat(conv.get("stopped_early").asBoolean()).isTrue();
        assertThat(conv.get("max_runs").asInt()).isEqualTo(5);
        assertThat(conv.get("value").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(report.line(3)).isEqualTo("Converged after 3 of 5 runs: cv 0.1000 < 0.2 (request_latency avg)");
    }

    @Test
    void aPlanThatNeverConvergedSaysSo() throws IOException {
        List<RunOutcome> runs = List.of(run(50), run(100), run(150));
        ConvergenceCriterion c = criterion(ConvergenceMode.CV, 0.1);
        ConvergenceReport report = new ConvergenceReport(c, 3, c.check(runs));

        MultiRunAggregate.export(base, runs, 0.95, 0, report);

        var conv = RunFiles.read(base.resolve("aggregate/profile_export_aiperf_aggregate.json"))
                .get("metadata").get("convergence");
        assertThat(conv.get("converged").asBoolean()).isFalse();
        assertThat(conv.get("converged_after_runs").isNull()).isTrue();
        assertThat(conv.get("stopped_early").asBoolean()).isFalse();
        assertThat(report.line(3)).isEqualTo("Not converged after 3 of 3 runs: cv 0.5000 >= 0.1 (request_latency avg)");
    }
}
