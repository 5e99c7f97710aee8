package io.aiperf.records.export;

import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.aggregate.SyntheticRun;
import io.aiperf.records.metric.MetricKind;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.MetricUnit;
import io.aiperf.records.testing.TestMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryCsvExporterTest {

    @Test
    void goldenRows() {
        String csv = SummaryCsvExporter.toCsv(Fixtures.handMadeSummary());
        List<String> lines = List.of(csv.split("\r\n", -1));

        assertThat(csv).doesNotContain("\n\n").endsWith("\r\n");
        assertThat(lines.get(0)).isEqualTo("Metric,avg,min,max,sum,p1,p5,p10,p25,p50,p75,p90,p95,p99,std");
        // AIPerf's rows sorted by tag, then ours sorted by tag
        assertThat(lines.subList(1, 13)).extracting(l -> l.substring(0, l.indexOf(','))).containsExactly(
                "E2E Output Token Throughput (tokens/sec/user)", "Input Sequence Length (tokens)",
                "Inter Chunk Latency (ms)", "Inter Token Latency (ms)", "Output Sequence Length (tokens)",
                "Output Token Throughput Per User (tokens/sec/user)", "Request Latency (ms)",
                "Time to First Token (ms)", "Time to Second Token (ms)",
                "Schedule-Relative Request Latency (ms)", "Schedule-Relative Time to First Token (ms)",
                "Send Lag (ms)");
        assertThat(lines).contains(
                "Input Sequence Length (tokens),550.00,550.00,550.00,5500.00,550.00,550.00,550.00,550.00,550.00,"
                        + "550.00,550.00,550.00,550.00,0.00",
                "Request Latency (ms),13829.40,12001.50,15999.25,138294.00,12001.50,12001.50,12001.50,12900.75,"
                        + "13800.00,14650.00,15500.00,15745.00,15990.00,1200.50",
                "Send Lag (ms),0.42,-0.01,2.35,4.20,-0.01,-0.01,-0.01,0.06,0.12,0.59,1.05,1.68,2.31,0.61");
        assertThat(lines.subList(13, lines.size())).containsExactly(
                "",
                "Metric,Value",
                "Benchmark Duration (sec),138.29",
                "Error Request Count,2",
                "Output Token Throughput (tokens/sec),6.85",
                "Request Count,10",
                "Request Throughput (requests/sec),0.07",
                "Total Error ISL (tokens),1100",
                "Total ISL (tokens),5500",
                "Total OSL (tokens),952",
                "");
    }

    @Test
    void namesWithCommasAndQuotesAreQuoted() {
        MetricSpec odd = new MetricSpec("odd_metric", "Odd, \"quoted\" Metric", MetricKind.RECORD,
                MetricUnit.NANOSECONDS, MetricUnit.MILLISECONDS, 1, Set.of(), false);
        ProfileSummary summary = new ProfileSummary(List.of(Fixtures.dist(odd, 2, 1.5, 1, 2, 1.5, 1.9, 1.99, 0.5)),
                List.of(), 2, 0, null, null, List.of());

        String csv = SummaryCsvExporter.toCsv(summary);

        assertThat(csv).startsWith("Metric,avg,min,max,sum,p1,p5,p10,p25,p50,p75,p90,p95,p99,std\r\n"
                + "\"Odd, \"\"quoted\"\" Metric (ms)\",1.50,1.00,2.00,3.00,");
        assertThat(csv).doesNotContain("Metric,Value"); // no single-value section, no blank line
    }

    @Test
    void writesEveryExportedMetricOfARealRun(@TempDir Path dir) throws Exception {
        RecordAggregator aggregator = TestMetrics.aggregator();
        new SyntheticRun().records.forEach(aggregator::add);
        ProfileSummary summary = aggregator.summarize();
        Path file = dir.resolve("profile_export_aiperf.csv");

        SummaryCsvExporter.write(file, summary);

        List<String> lines = Files.readAllLines(file);
        long exported = summary.metrics().stream().filter(r -> r.spec().exported()).count();
        assertThat(lines).hasSize((int) exported + 3); // two headers + blank line
        MetricResult ttft = summary.metric("time_to_first_token").orElseThrow();
        assertThat(lines).contains(String.format(java.util.Locale.ROOT,
                "Time to First Token (ms),%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f",
                ttft.avg(), ttft.min(), ttft.max(), ttft.sum(), ttft.p1(), ttft.p5(), ttft.p10(), ttft.p25(), ttft.p50(),
                ttft.p75(), ttft.p90(), ttft.p95(), ttft.p99(), ttft.std()));
        assertThat(lines).contains("Request Count,45", "Error Request Count,5");
        assertThat(lines).noneMatch(l -> l.startsWith("Send Lag") || l.startsWith("Schedule-Relative"));
    }
}
