package io.aiperf.ui.report;

import io.aiperf.ui.report.ChartSpec.Point;
import io.aiperf.ui.report.ChartSpec.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ReportChartsTest {

    @TempDir
    Path tmp;

    private static Map<String, ChartSpec> byName(List<ChartSpec> charts) {
        return charts.stream().collect(Collectors.toMap(ChartSpec::name, Function.identity()));
    }

    private static Series series(ChartSpec chart, String name) {
        return chart.series().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private Map<String, ChartSpec> charts(int numGpus, Path... dirs) {
        return byName(ReportCharts.of(ReportInputs.find(List.of(dirs)), numGpus));
    }

    @Test
    void aConcurrencySweepGetsDynamosChartsSortedByConcurrency() {
        for (int c : new int[] {4, 1, 2}) {
            RunFixture.concurrency(c).writeTo(tmp.resolve("level_" + c));
        }

        Map<String, ChartSpec> charts = charts(2, tmp);

        assertThat(charts).containsKeys("ttft_vs_concurrency", "itl_vs_concurrency",
                "request_throughput_vs_concurrency", "output_token_throughput_vs_concurrency", "efficiency");
        ChartSpec ttft = charts.get("ttft_vs_concurrency");
        assertThat(ttft.series()).extracting(Series::name).containsExactly("avg", "p50", "p99");
        assertThat(series(ttft, "avg").points()).extracting(Point::x).containsExactly(1.0, 2.0, 4.0);
        assertThat(series(ttft, "avg").points()).extracting(Point::y).containsExactly(10.0, 20.0, 40.0);
        assertThat(series(ttft, "p99").points()).extracting(Point::y).containsExactly(20.0, 40.0, 80.0);
        assertThat(charts.get("itl_vs_concurrency").series()).extracting(Series::name).containsExactly("avg", "p50");

        Series efficiency = charts.get("efficiency").series().get(0);
        assertThat(efficiency.points()).extracting(Point::label).containsExactly("c1", "c2", "c4");
        assertThat(efficiency.points()).extracting(Point::x).containsExactly(199.0, 198.0, 196.0);
        // tokens/s per GPU: the fixture's 160 * c tokens/s over 2 GPUs.
        assertThat(efficiency.points()).extracting(Point::y).containsExactly(80.0, 160.0, 320.0);
    }

    @Test
    void aRateSweepIsPlottedAgainstTheRate() {
        RunFixture.rate(20).writeTo(tmp.resolve("a"));
        RunFixture.rate(10).writeTo(tmp.resolve("b"));

        Map<String, ChartSpec> charts = charts(1, tmp);

        assertThat(charts).containsKey("ttft_vs_request_rate").doesNotContainKey("ttft_vs_concurrency");
        assertThat(series(charts.get("ttft_vs_request_rate"), "avg").points()).extracting(Point::x)
                .containsExactly(10.0, 20.0);
        assertThat(charts.get("efficiency").series().get(0).points()).extracting(Point::label)
                .containsExactly("r10", "r20");
    }

    @Test
    void aSingleRunGetsItsDistributionsButNoVsLoadCharts() {
        Path run = RunFixture.concurrency(1).record(30, 5, 100).record(10, 4, 90).record(20, 6, 120).writeTo(tmp);

        Map<String, ChartSpec> charts = charts(1, run);

        assertThat(charts.keySet()).containsExactlyInAnyOrder("ttft_cdf", "request_latency_cdf", "itl_cdf",
                "ttft_histogram");
        List<Point> cdf = charts.get("ttft_cdf").series().get(0).points();
        assertThat(cdf).extracting(Point::x).containsExactly(10.0, 20.0, 30.0);
        assertThat(cdf).extracting(Point::y).containsExactly(100.0 / 3, 200.0 / 3, 100.0);

        ChartSpec histogram = charts.get("ttft_histogram");
        assertThat(histogram.categories()).hasSize(ReportCharts.HISTOGRAM_BINS);
        List<Point> bins = histogram.series().get(0).points();
        assertThat(bins.stream().mapToDouble(Point::y).sum()).isEqualTo(3.0);
        assertThat(bins.get(0).y()).isEqualTo(1.0);
        assertThat(bins.get(ReportCharts.HISTOGRAM_BINS - 1).y()).isEqualTo(1.0);
    }

    @Test
    void aLongCdfIsThinnedButKeepsItsEnds() {
        RunFixture run = RunFixture.concurrency(1);
        for (int i = 1000; i >= 1; i--) {
            run.record(i, 1, 1);
        }
        List<Point> cdf = charts(1, run.writeTo(tmp)).get("ttft_cdf").series().get(0).points();

        assertThat(cdf.size()).isLessThanOrEqualTo(ReportCharts.MAX_CDF_POINTS + 1);
        assertThat(cdf.get(0)).isEqualTo(Point.of(1, 0.1));
        assertThat(cdf.get(cdf.size() - 1)).isEqualTo(Point.of(1000, 100));
    }

    @Test
    void timeSlicesAndGpuTelemetryComeOutOverTimeOneSeriesPerGpu() {
        long t0 = 1_000_000_000_000L;
        Path run = RunFixture.concurrency(1).slice(t0, 11).slice(t0 + 1_000_000_000L, 13)
                .gpu(0, t0, 100).gpu(1, t0, 200).gpu(0, t0 + 500_000_000L, 110).gpu(1, t0 + 500_000_000L, 210)
                .writeTo(tmp);

        Map<String, ChartSpec> charts = charts(1, run);

        assertThat(charts.get("timeslices_time_to_first_token").series().get(0).points())
                .containsExactly(Point.of(0, 11), Point.of(1, 13));
        ChartSpec power = charts.get("gpu_power");
        assertThat(power.series()).extracting(Series::name).containsExactly("gpu0", "gpu1");
        assertThat(series(power, "gpu1").points()).containsExactly(Point.of(0, 200), Point.of(0.5, 210));
        assertThat(charts).containsKeys("gpu_utilization", "gpu_memory_used");
    }

    @Test
    void aMultiRunIsComparedRunByRunWithItsAggregateInterval() {
        RunFixture.multiRun(tmp, 25.0, 24.0, 26.0, RunFixture.concurrency(2), RunFixture.concurrency(3));

        ChartSpec ttft = charts(1, tmp).get("runs_comparison_ttft");

        assertThat(ttft.categories()).containsExactly("run_0001", "run_0002", "mean");
        assertThat(series(ttft, "runs").points()).extracting(Point::y).containsExactly(20.0, 30.0);
        Point mean = series(ttft, "aggregate mean (CI)").points().get(0);
        assertThat(mean).isEqualTo(new Point(2, 25.0, null, 24.0, 26.0));
    }

    @Test
    void severalDirsAreOneSeriesEachSideBySideByLevel() {
        Path a = tmp.resolve("vllm");
        Path b = tmp.resolve("sglang");
        RunFixture.concurrency(1).writeTo(a.resolve("c1"));
        RunFixture.concurrency(2).writeTo(a.resolve("c2"));
        RunFixture.concurrency(2).metric("time_to_first_token", "ms", 7, 6, 9).writeTo(b.resolve("c2"));

        Map<String, ChartSpec> charts = charts(1, a, b);

        assertThat(charts.get("ttft_vs_concurrency").series()).extracting(Series::name)
                .containsExactly("vllm avg", "vllm p50", "vllm p99", "sglang avg", "sglang p50", "sglang p99");
        ChartSpec compared = charts.get("runs_comparison_ttft");
        assertThat(compared.categories()).containsExactly("c1", "c2");
        assertThat(series(compared, "vllm").points()).extracting(Point::x, Point::y)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0.0, 10.0),
                        org.assertj.core.groups.Tuple.tuple(1.0, 20.0));
        assertThat(series(compared, "sglang").points()).extracting(Point::x, Point::y)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1.0, 7.0));
    }

    @Test
    void roundsAreComparedAvgAndP99PerRound() {
        RunFixture.concurrency(1).writeTo(tmp.resolve("round_1"));
        RunFixture.concurrency(1).metric("time_to_first_token", "ms", 12, 11, 30).writeTo(tmp.resolve("round_2"));

        ChartSpec rounds = charts(1, tmp).get("rounds_comparison");

        assertThat(rounds.categories()).containsExactly("round_1", "round_2");
        assertThat(series(rounds, "TTFT avg").points()).extracting(Point::y).containsExactly(10.0, 12.0);
        assertThat(series(rounds, "TTFT p99").points()).extracting(Point::y).containsExactly(20.0, 30.0);
        assertThat(rounds.series()).extracting(Series::name).contains("ITL avg", "Request latency p99");
    }

    @Test
    void pickKeepsTheEndsAndSpreadsTheRest() {
        List<Integer> items = java.util.stream.IntStream.range(0, 20).boxed().toList();

        assertThat(ReportCharts.pick(items, 5)).containsExactly(0, 5, 10, 14, 19);
        assertThat(ReportCharts.pick(items.subList(0, 3), 5)).containsExactly(0, 1, 2);
    }
}
