package io.aiperf.records.export;

import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.aggregate.SyntheticRun;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.testing.TestMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JsonlRecordReaderTest {

    private static Path written(Path dir, List<MetricRecord> records) throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "records_manager", false)) {
            for (MetricRecord record : records) {
                writer.write(record);
            }
        }
        return file;
    }

    @Test
    void whatTheWriterWroteAggregatesToTheSameSummary(@TempDir Path dir) throws Exception {
        SyntheticRun run = new SyntheticRun();
        Path file = written(dir, run.records);
        RecordAggregator direct = TestMetrics.aggregator();
        run.records.forEach(direct::add);
        RecordAggregator reread = TestMetrics.aggregator();

        JsonlRecordReader.Result result = JsonlRecordReader.read(file, reread::add);

        assertThat(result.records()).isEqualTo(50); // the 3 warmup records were never written
        assertThat(result.truncatedLastLine()).isFalse();
        ProfileSummary expected = direct.summarize();
        ProfileSummary actual = reread.summarize();
        assertThat(actual.requestCount()).isEqualTo(expected.requestCount());
        assertThat(actual.errorRequestCount()).isEqualTo(expected.errorRequestCount());
        assertThat(actual.errors()).isEqualTo(expected.errors());
        assertThat(actual.minRequestEpochNs()).isEqualTo(expected.minRequestEpochNs());
        assertThat(actual.maxResponseEpochNs()).isEqualTo(expected.maxResponseEpochNs());
        assertThat(actual.metrics()).hasSameSizeAs(expected.metrics());
        for (int i = 0; i < expected.metrics().size(); i++) {
            var e = expected.metrics().get(i);
            var a = actual.metrics().get(i);
            assertThat(a.tag()).isEqualTo(e.tag());
            for (String stat : List.of("avg", "min", "max", "p50", "p99", "std")) {
                if (e.stat(stat) != null) {
                    assertThat(a.stat(stat)).as(e.tag() + "." + stat).isCloseTo(e.stat(stat),
                            within(1e-9 * Math.max(1, Math.abs(e.stat(stat)))));
                }
            }
        }
    }

    @Test
    void anUnfinishedLastLineIsSkippedAndSaidSo(@TempDir Path dir) throws Exception {
        SyntheticRun run = new SyntheticRun();
        Path file = written(dir, run.records.subList(3, 6));
        String whole = Files.readString(file);
        Files.writeString(file, whole + whole.substring(0, whole.indexOf('\n') / 2));
        List<MetricRecord> read = new ArrayList<>();

        JsonlRecordReader.Result result = JsonlRecordReader.read(file, read::add);

        assertThat(read).hasSize(3);
        assertThat(result.truncatedLastLine()).isTrue();
    }

    @Test
    void aBrokenLineElsewhereNamesFileAndLine(@TempDir Path dir) throws Exception {
        SyntheticRun run = new SyntheticRun();
        Path file = written(dir, run.records.subList(3, 5));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(1, "{\"metadata\":{\"request_start_ns\":\"soon\"}}");
        Files.write(file, lines);

        assertThatThrownBy(() -> JsonlRecordReader.read(file, r -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ":2: not a profile_export.jsonl record: metadata.request_start_ns is not a whole "
                        + "number");
    }

    @Test
    void valuesComeBackInBaseUnitsFromTheUnitTheLineNames() throws Exception {
        String line = "{\"metadata\":{\"session_num\":4,\"request_start_ns\":1000,\"request_end_ns\":9000,"
                + "\"benchmark_phase\":\"profiling\"},\"metrics\":{"
                + "\"time_to_first_token\":{\"value\":0.25,\"unit\":\"sec\"},"
                + "\"request_latency\":{\"value\":1.5,\"unit\":\"ms\"},"
                + "\"inter_chunk_latency\":{\"value\":[1.25,2],\"unit\":\"ms\"},"
                + "\"output_sequence_length\":{\"value\":90,\"unit\":\"tokens\"},"
                + "\"osl_mismatch_diff_pct\":{\"value\":-10.0,\"unit\":\"%\"},"
                + "\"some_future_metric\":{\"value\":1,\"unit\":\"ms\"}},"
                + "\"error\":{\"code\":503,\"type\":\"Service Unavailable\",\"message\":\"busy\"}}";

        MetricRecord r = JsonlRecordReader.parse(line);

        assertThat(r.number(MetricCatalog.TIME_TO_FIRST_TOKEN)).isEqualTo(250_000_000.0);
        assertThat(r.values().get("request_latency")).isEqualTo(1_500_000L); // whole ns, as the run held it
        assertThat(r.list(MetricCatalog.INTER_CHUNK_LATENCY)).containsExactly(1_250_000.0, 2_000_000.0);
        assertThat(r.count(MetricCatalog.REQUESTED_OSL)).isEqualTo(100); // 90 is 10 % short of 100
        assertThat(r.values()).doesNotContainKey("some_future_metric");
        assertThat(r.record().creditId()).isEqualTo(4);
        assertThat(r.record().startEpochNs()).isEqualTo(1000);
        assertThat(r.record().requestEndNs()).isEqualTo(9000);
        assertThat(r.error().code()).isEqualTo(503);
        assertThat(r.valid()).isFalse();
    }

    @Test
    void linesOfAnotherPhaseAreNotRecordsOfTheRun() throws Exception {
        assertThat(JsonlRecordReader.parse("{\"metadata\":{\"benchmark_phase\":\"warmup\"},\"metrics\":{}}")).isNull();
    }
}
