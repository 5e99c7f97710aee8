package io.aiperf.records.export;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole export path on a fixed set of hand-built records (exact stamps, a fixed run): per-record metrics, the
 * aggregator and every exporter, compared byte for byte with the files under {@code golden/exports/}. Nothing in
 * these files varies between runs (fixed benchmark id, start/end and time zone), so nothing is normalised.
 *
 * <p>When a metric definition changes on purpose, regenerate with {@code -Daiperf.golden.update=true} and review
 * the diff of the golden files like code.
 */
class ExportGoldenTest {

    private static final long MS = 1_000_000L;
    private static final boolean UPDATE = Boolean.getBoolean("aiperf.golden.update");
    private static final Path GOLDEN_SOURCE = Path.of("src", "test", "resources", "golden", "exports");

    private static List<MetricRecord> records;
    private static RunInfo run;

    /**
     * Seven streaming requests over three wall-clock seconds: six valid ones with 3–6 one-word chunks at known
     * offsets, one 500 error. With one-second slices the starts fall into three slices.
     */
    @BeforeAll
    static void computeRecords() {
        long epoch = TestRecords.EPOCH_NS; // …207.532900363 s: slice 0 ends 467.1 ms later
        List<RequestRecord> raw = new ArrayList<>();
        raw.add(TestRecords.request().credit(1).startNs(1_000 * MS).startEpochNs(epoch).headersAt(20 * MS)
                .text(40 * MS, "alpha").text(55 * MS, " beta").text(71 * MS, " gamma").text(90 * MS, " delta")
                .endAt(95 * MS).build());
        raw.add(TestRecords.request().credit(2).startNs(1_300 * MS).startEpochNs(epoch + 300 * MS)
                .headersAt(25 * MS).text(50 * MS, "one").text(62 * MS, " two").text(80 * MS, " three")
                .endAt(82 * MS).build());
        raw.add(TestRecords.request().credit(3).startNs(1_600 * MS).startEpochNs(epoch + 600 * MS)
                .headersAt(18 * MS).text(35 * MS, "a").text(47 * MS, " b").text(59 * MS, " c").text(70 * MS, " d")
                .text(83 * MS, " e").endAt(85 * MS).build());
        raw.add(TestRecords.request().credit(4).startNs(1_900 * MS).startEpochNs(epoch + 900 * MS)
                .headersAt(30 * MS).text(61 * MS, "x").text(75 * MS, " y").text(88 * MS, " z")
                .text(103 * MS, " w").text(117 * MS, " v").text(130 * MS, " u").endAt(131 * MS).build());
        raw.add(TestRecords.request().credit(5).startNs(2_300 * MS).startEpochNs(epoch + 1_300 * MS)
                .headersAt(22 * MS).text(44 * MS, "red").text(58 * MS, " green").text(69 * MS, " blue")
                .endAt(70 * MS).build());
        raw.add(TestRecords.request().credit(6).startNs(2_500 * MS).startEpochNs(epoch + 1_500 * MS)
                .headersAt(12 * MS).error(500, "Internal Server Error", "model crashed").endAt(13 * MS).build());
        raw.add(TestRecords.request().credit(7).startNs(3_100 * MS).startEpochNs(epoch + 2_100 * MS)
                .headersAt(21 * MS).text(39 * MS, "north").text(52 * MS, " south").text(66 * MS, " east")
                .text(77 * MS, " west").endAt(80 * MS).build());

        RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
        records = new ArrayList<>();
        long isl = 100;
        for (RequestRecord r : raw) {
            records.add(metrics.compute(r, isl));
            isl += 10;
        }
        BenchmarkConfig base = Fixtures.config();
        BenchmarkConfig config = new BenchmarkConfig(base.benchmarkId(), base.cliCommand(), base.endpoint(),
                base.input(), base.load(), base.tokenizer(),
                new OutputConfig(base.output().artifactDir(), ExportLevel.RECORDS, null, 1.0, false, false),
                base.service(), base.metrics());
        run = new RunInfo(config, "0.0.0-golden", false, null, null, ZoneOffset.UTC);
    }

    private static ProfileSummary summary() {
        RecordAggregator aggregator = TestMetrics.aggregator();
        records.forEach(aggregator::add);
        return aggregator.summarize();
    }

    private static List<TimeSlices.Slice> slices() {
        TimeSlices slices = TestMetrics.timeSlices(1.0, true);
        records.forEach(slices::add);
        return slices.summarize();
    }

    @Test
    void summaryJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.json");
        SummaryJsonExporter.write(file, summary(), run);
        assertGolden("profile_export_aiperf.json", file);
    }

    @Test
    void summaryCsv(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.csv");
        SummaryCsvExporter.write(file, summary());
        assertGolden("profile_export_aiperf.csv", file);
    }

    @Test
    void recordsJsonl(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("records.jsonl");
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "records-manager", false)) {
            for (MetricRecord record : records) {
                writer.write(record);
            }
        }
        assertGolden("profile_export.jsonl", file);
    }

    @Test
    void timeSlicesJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("slices.json");
        TimeSliceExporter.writeJson(file, slices(), run);
        assertGolden("profile_export_aiperf_timeslices.json", file);
    }

    @Test
    void timeSlicesCsv(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("slices.csv");
        TimeSliceExporter.writeCsv(file, slices());
        assertGolden("profile_export_aiperf_timeslices.csv", file);
    }

    private static void assertGolden(String name, Path actual) throws IOException {
        String text = Files.readString(actual, StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.createDirectories(GOLDEN_SOURCE);
            Files.writeString(GOLDEN_SOURCE.resolve(name), text, StandardCharsets.UTF_8);
            return;
        }
        try (var in = ExportGoldenTest.class.getResourceAsStream("/golden/exports/" + name)) {
            assertThat(in).as("golden file golden/exports/%s (create it with -Daiperf.golden.update=true)", name)
                    .isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).as("export %s", name).isEqualTo(expected);
        }
    }
}
