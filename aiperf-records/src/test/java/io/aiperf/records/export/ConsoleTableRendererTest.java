package io.aiperf.records.export;

import io.aiperf.core.message.HttpTrace;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.aggregate.SyntheticRun;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
        // ours come after every AIPerf row
        assertThat(table).containsSubsequence("Request Count (requests)", "Send Lag (ms)",
                "Schedule-Relative Time to First Token", "Schedule-Relative Request Latency");
    }

    @Test
    void warningsSectionMatchesGolden() throws IOException {
        String warnings = new ConsoleTableRenderer(false).renderWarnings(Fixtures.handMadeSummary());

        assertThat(warnings).isEqualTo(golden("console_warnings.txt"));
        assertThat(warnings).isEqualTo("Warnings\n- " + Fixtures.LAG_WARNING + "\n");
        assertThat(new ConsoleTableRenderer(true).renderWarnings(Fixtures.handMadeSummary())).isEqualTo(warnings);
    }

    @Test
    void noWarningsNoSectionAndControlCharactersAreDropped() {
        assertThat(new ConsoleTableRenderer(false).renderWarnings(TestMetrics.aggregator().summarize())).isEmpty();
        ProfileSummary odd = new ProfileSummary(List.of(), List.of(), 0, 0, null, null,
                List.of("first\u001b[31m red", "second"));
        assertThat(new ConsoleTableRenderer(false).renderWarnings(odd))
                .isEqualTo("Warnings\n- first [31m red\n- second\n").doesNotContain("\u001b");
    }

    @Test
    void aScheduledRunShowsItsRowsAndWarning() {
        RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
        RecordAggregator aggregator = TestMetrics.aggregator();
        for (int i = 0; i < 20; i++) { // request i leaves i × 0.25 ms late
            aggregator.add(metrics.compute(TestRecords.request().credit(i).scheduledAt(-i * 250_000L).writeAt(0L)
                    .text(30_000_000L, "a").text(40_000_000L, " b").build(), 5L));
        }
        ProfileSummary summary = aggregator.summarize();
        ConsoleTableRenderer renderer = new ConsoleTableRenderer(false);

        String table = renderer.renderMetrics(summary, "T");
        String lagRow = table.lines().filter(l -> l.contains("Send Lag (ms)")).findFirst().orElseThrow();
        // lags 0 … 4.75 ms: avg 2.375 → 2.38 (HALF_UP on the exact double 2.375), max 4.75
        assertThat(lagRow).contains("2.38").contains("0.00").contains("4.75");
        assertThat(table).containsSubsequence("Request Count (requests)", "Send Lag (ms)",
                "Schedule-Relative Time to First Token", "Schedule-Relative Request Latency");
        assertThat(renderer.renderWarnings(summary)).startsWith("Warnings\n- Send lag p99 is 4.7");
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
        assertThat(new ConsoleTableRenderer(true).renderErrors(TestMetrics.aggregator().summarize())).isEmpty();
    }

    @Test
    void rowsFollowDisplayOrderAndShowNaForSingleValues() {
        RecordAggregator aggregator = TestMetrics.aggregator();
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
        assertThat(table).doesNotContain("Send Lag").doesNotContain("Schedule-Relative"); // no schedule, no rows
        assertThat(new ConsoleTableRenderer(false).renderWarnings(summary)).isEmpty();
    }

    @Test
    void theTraceTimingTableShowsOnlyTheHttpTraceMetricsInDisplayOrder() {
        RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
        RecordAggregator aggregator = TestMetrics.aggregator();
        for (int i = 0; i < 4; i++) {
            TestRecords r = TestRecords.request().credit(i).text(30_000_000, "a").endAt(30_000_000);
            long s = r.startNs();
            // 1, 2, 3, 4 ms waiting; the first on a new connection, the rest reused
            HttpTrace trace = new HttpTrace(s + 10, i > 0,
                    i > 0 ? -1 : s + 20, i > 0 ? -1 : s + 30, s + 40, s + 50, s + 50 + (i + 1) * 1_000_000L,
                    s + 30_000_000, 1_024, 1, 2_048, 2, "OK", null, 0, null, 0);
            aggregator.add(metrics.compute(r.trace(trace).build(), 1L));
        }
        ProfileSummary summary = aggregator.summarize();
        ConsoleTableRenderer renderer = new ConsoleTableRenderer(false);

        String table = renderer.renderTraceTiming(summary);

        assertThat(table).startsWith(" ").contains("NVIDIA AIPerf | HTTP Trace Timing");
        assertThat(table).containsSubsequence("HTTP Blocked (ms)", "HTTP DNS Lookup (ms)", "HTTP Connecting (ms)",
                "HTTP Sending (ms)", "HTTP Waiting (TTFB) (ms)", "HTTP Receiving (ms)",
                "HTTP Connection Reused (ratio)", "HTTP Data Sent (KB)", "HTTP Chunks Sent (count)",
                "HTTP Data Received (KB)", "HTTP Chunks Received (count)", "HTTP Connection Overhead",
                "HTTP Duration (excl. conn)", "HTTP Total Time (ms)");
        assertThat(table).doesNotContain("Time to First Token").doesNotContain("Request Count");
        String waiting = table.lines().filter(l -> l.contains("HTTP Waiting")).findFirst().orElseThrow();
        assertThat(waiting).contains("2.50").contains("1.00").contains("4.00"); // avg, min, max
        String reused = table.lines().filter(l -> l.contains("Connection Reused")).findFirst().orElseThrow();
        assertThat(reused).contains("0.75");
        // ... and the metrics table does not show them.
        assertThat(renderer.renderMetrics(summary, "T")).doesNotContain("HTTP ");
        // A run without traces has no such table.
        assertThat(renderer.renderTraceTiming(TestMetrics.aggregator().summarize())).isEmpty();
    }

    @Test
    void wrapsAndCleansLongMessages() {
        assertThat(ConsoleTableRenderer.wrap("a\u001b[31mb " + "x".repeat(70), 60))
                .doesNotContain("\u001b").contains("\n");
        assertThat(ConsoleTableRenderer.number(1234567.891)).isEqualTo("1,234,567.89");
        assertThat(ConsoleTableRenderer.number(null)).isEqualTo("N/A");
    }
}
