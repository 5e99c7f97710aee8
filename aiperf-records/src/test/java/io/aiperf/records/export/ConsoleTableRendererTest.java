package io.aiperf.records.export;

import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.aggregate.SyntheticRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTableRendererTest {

    private static String golden(String name) throws IOException {
        try (InputStream in = ConsoleTableRendererTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void asciiMetricsTableMatchesGolden() throws IOException {
        String table = new ConsoleTableRenderer(false).renderMetrics(Fixtures.handMadeSummary(),
                "NVIDIA AIPerf | LLM Metrics");

        assertThat(table).isEqualTo(golden("console_metrics_ascii.txt"));
        assertThat(table).doesNotContain("\u001b").doesNotContain("Inter Chunk Latency")
                .doesNotContain("Error Request Count").doesNotContain("Benchmark Duration");
    }

    @Test
    void unicodeMetricsTableMatchesGolden() throws IOException {
        String table = new ConsoleTableRenderer(true).renderMetrics(Fixtures.handMadeSummary(),
                "NVIDIA AIPerf | LLM Metrics");

        assertThat(table).isEqualTo(golden("console_metrics_unicode.txt"));
        assertThat(table).doesNotContain("\u001b");
    }

    @Test
    void errorTableMatchesGolden() throws IOException {
        String ascii = new ConsoleTableRenderer(false).renderErrors(Fixtures.handMadeSummary());

        assertThat(ascii).isEqualTo(golden("console_errors_ascii.txt"));
        assertThat(new ConsoleTableRenderer(true).renderErrors(Fixtures.handMadeSummary())).doesNotContain("\u001b");
    }

    @Test
    void noErrorsNoErrorTable() {
        assertThat(new ConsoleTableRenderer(true).renderErrors(new RecordAggregator().summarize())).isEmpty();
    }

    @Test
    void rowsFollowDisplayOrderAndShowNaForSingleValues() {
        RecordAggregator aggregator = new RecordAggregator();
        new SyntheticRun().records.forEach(aggregator::add);
        ProfileSummary summary = aggregator.summarize();

        String table = new ConsoleTableRenderer(false).renderMetrics(summary, "T");

        assertThat(table).containsSubsequence("Time to First Token (ms)", "Time to Second Token (ms)",
                "Request Latency (ms)", "Inter Token Latency (ms)", "Output Token Throughput Per User",
                "(tokens/sec/user)", "E2E Output Token Throughput (tokens/sec/user)",
                "Output Sequence Length (tokens)", "Input Sequence Length (tokens)",
                "Output Token Throughput (tokens/sec)", "Request Throughput (requests/sec)",
                "Request Count (requests)");
        String countRow = table.lines().filter(l -> l.contains("Request Count")).findFirst().orElseThrow();
        assertThat(countRow).contains("45.00").contains("N/A");
        assertThat(table).doesNotContain("\u001b");
    }

    @Test
    void wrapsAndCleansLongMessages() {
        assertThat(ConsoleTableRenderer.wrap("a\u001b[31mb " + "x".repeat(70), 60))
                .doesNotContain("\u001b").contains("\n");
        assertThat(ConsoleTableRenderer.number(1234567.891)).isEqualTo("1,234,567.89");
        assertThat(ConsoleTableRenderer.number(null)).isEqualTo("N/A");
    }
}
