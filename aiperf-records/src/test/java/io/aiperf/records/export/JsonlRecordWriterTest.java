package io.aiperf.records.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.records.aggregate.SyntheticRun;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlRecordWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MS = 1_000_000L;

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void oneLinePerProfilingRecordWithAiperfSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        SyntheticRun run = new SyntheticRun();
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "records_manager", false)) {
            for (MetricRecord record : run.records) {
                writer.write(record);
            }
            assertThat(writer.written()).isEqualTo(50);
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(50);
        JsonNode first = MAPPER.readTree(lines.get(0));
        assertThat(keys(first)).containsExactly("metadata", "metrics", "error");
        assertThat(keys(first.get("metadata"))).containsExactly("session_num", "x_request_id", "x_correlation_id",
                "conversation_id", "turn_index", "credit_issued_ns", "request_start_ns", "request_ack_ns",
                "request_end_ns", "worker_id",
                "record_processor_id", "benchmark_phase", "was_cancelled", "cancellation_time_ns",
                "request_write_ns");
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(first.get("metadata").get("benchmark_phase").asText()).isEqualTo("profiling");
        assertThat(first.get("metadata").get("record_processor_id").asText()).isEqualTo("records_manager");
        assertThat(first.get("metadata").get("session_num").asLong()).isEqualTo(3); // warmups took credits 0..2
        assertThat(first.get("metadata").get("cancellation_time_ns").isNull()).isTrue();

        long errors = lines.stream().map(l -> {
            try {
                return MAPPER.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> !n.get("error").isNull()).peek(n -> {
            assertThat(keys(n.get("metrics"))).containsExactly("error_isl");
            assertThat(n.get("metrics").get("error_isl").get("value").asLong()).isEqualTo(1_000);
            assertThat(keys(n.get("error"))).containsExactly("code", "type", "message");
        }).count();
        assertThat(errors).isEqualTo(5);
    }

    @Test
    void eachLineCanNameTheProcessorThatComputedIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile_export.jsonl");
        SyntheticRun run = new SyntheticRun();
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "record_processor_0", false)) {
            writer.write(run.records.get(3), "record_processor_2");
            writer.write(run.records.get(4));
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(MAPPER.readTree(lines.get(0)).get("metadata").get("record_processor_id").asText())
                .isEqualTo("record_processor_2");
        assertThat(MAPPER.readTree(lines.get(1)).get("metadata").get("record_processor_id").asText())
                .isEqualTo("record_processor_0");
    }

    @Test
    void creditIssuedNsIsTheControllersIssueTimeOnTheEpochAnchorAndSessionNumIsAiperfs(@TempDir Path dir)
            throws Exception {
        RequestRecord issued = TestRecords.request().credit(7).sessionNum(2).issuedAt(-12 * MS).endAt(50 * MS)
                .build();
        RequestRecord unknown = TestRecords.request().credit(8).endAt(50 * MS).build();
        Path file = dir.resolve("profile_export.jsonl");
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "rp", false)) {
            writer.write(TestMetrics.recordMetrics(TestRecords.wordTokenizer(), false, false).compute(issued, 1L));
            writer.write(TestMetrics.recordMetrics(TestRecords.wordTokenizer(), false, false).compute(unknown, 1L));
        }
        List<String> lines = Files.readAllLines(file);
        JsonNode first = MAPPER.readTree(lines.get(0)).get("metadata");
        assertThat(first.get("credit_issued_ns").asLong()).isEqualTo(TestRecords.EPOCH_NS - 12 * MS);
        assertThat(first.get("session_num").asLong()).isEqualTo(2);
        JsonNode second = MAPPER.readTree(lines.get(1)).get("metadata");
        assertThat(second.get("credit_issued_ns").isNull()).isTrue();
        assertThat(second.get("session_num").asLong()).isEqualTo(8);
    }

    @Test
    void valuesAreInDisplayUnitsAndStampsInEpochNs(@TempDir Path dir) throws Exception {
        RequestRecord record = TestRecords.request().credit(45).headersAt(40 * MS)
                .text(100 * MS, "a").text(120 * MS, " b").text(150 * MS, " c").endAt(151 * MS).build();
        MetricRecord metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false).compute(record, 550L);
        Path file = dir.resolve("profile_export.jsonl");
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "rp", false)) {
            writer.write(metrics);
        }

        JsonNode line = MAPPER.readTree(Files.readString(file));
        JsonNode meta = line.get("metadata");
        assertThat(meta.get("session_num").asLong()).isEqualTo(45);
        assertThat(meta.get("request_start_ns").asLong()).isEqualTo(TestRecords.EPOCH_NS);
        assertThat(meta.get("request_ack_ns").asLong()).isEqualTo(TestRecords.EPOCH_NS + 40 * MS);
        assertThat(meta.get("request_end_ns").asLong()).isEqualTo(TestRecords.EPOCH_NS + 151 * MS);
        assertThat(meta.get("x_request_id").asText()).isEqualTo("req-45");
        assertThat(meta.get("worker_id").asText()).isEqualTo("worker_1");

        JsonNode m = line.get("metrics");
        assertThat(m.has("request_count")).isFalse();
        assertThat(m.get("time_to_first_token").get("value").asDouble()).isEqualTo(100.0);
        assertThat(m.get("time_to_first_token").get("unit").asText()).isEqualTo("ms");
        assertThat(m.get("request_latency").get("value").asDouble()).isEqualTo(150.0);
        assertThat(m.get("inter_token_latency").get("value").asDouble()).isEqualTo(25.0);
        assertThat(m.get("output_token_throughput_per_user").get("value").asDouble()).isEqualTo(40.0);
        assertThat(m.get("output_token_throughput_per_user").get("unit").asText()).isEqualTo("tokens/sec/user");
        assertThat(m.get("input_sequence_length").get("value").isIntegralNumber()).isTrue();
        assertThat(m.get("input_sequence_length").get("value").asLong()).isEqualTo(550);
        assertThat(m.get("input_sequence_length").get("unit").asText()).isEqualTo("tokens");
        JsonNode icl = m.get("inter_chunk_latency").get("value");
        assertThat(icl.isArray()).isTrue();
        assertThat(icl.get(0).asDouble()).isEqualTo(20.0);
        assertThat(icl.get(1).asDouble()).isEqualTo(30.0);
    }

    @Test
    void scheduleMetricsFollowAiperfsInDisplayUnits(@TempDir Path dir) throws Exception {
        RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
        MetricRecord late = metrics.compute(TestRecords.request().credit(1).scheduledAt(-3 * MS).writeAt(2 * MS)
                .text(100 * MS, "a").text(150 * MS, " b").build(), 10L);
        MetricRecord early = metrics.compute(TestRecords.request().credit(2).scheduledAt(7_000).writeAt(2_000L)
                .text(100 * MS, "a").build(), 10L);
        MetricRecord unscheduled = metrics.compute(TestRecords.request().credit(3).text(100 * MS, "a").build(), 10L);
        Path file = dir.resolve("p.jsonl");
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "rp", false)) {
            writer.write(late);
            writer.write(early);
            writer.write(unscheduled);
        }

        List<String> lines = Files.readAllLines(file);
        JsonNode m = MAPPER.readTree(lines.get(0)).get("metrics");
        List<String> tags = keys(m);
        assertThat(tags.subList(tags.size() - 3, tags.size())).containsExactly("send_lag",
                "scheduled_time_to_first_token", "scheduled_request_latency");
        assertThat(m.get("send_lag").get("value").asDouble()).isEqualTo(5.0);
        assertThat(m.get("send_lag").get("unit").asText()).isEqualTo("ms");
        assertThat(m.get("scheduled_time_to_first_token").get("value").asDouble()).isEqualTo(103.0);
        assertThat(m.get("scheduled_request_latency").get("value").asDouble()).isEqualTo(153.0);
        assertThat(MAPPER.readTree(lines.get(1)).get("metrics").get("send_lag").get("value").asDouble())
                .isEqualTo(-0.005);
        assertThat(keys(MAPPER.readTree(lines.get(2)).get("metrics"))).doesNotContain("send_lag",
                "scheduled_time_to_first_token", "scheduled_request_latency");
    }

    @Test
    void noHeadersMeansNullAckAndCancellationHasATime(@TempDir Path dir) throws Exception {
        RequestRecord record = TestRecords.request().cancelled().endAt(7 * MS)
                .error(499, "RequestCancellationError", "Request was cancelled after 0.007 seconds").build();
        MetricRecord metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false).compute(record, 12L);
        Path file = dir.resolve("p.jsonl");
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "rp", false)) {
            writer.write(metrics);
        }

        JsonNode line = MAPPER.readTree(Files.readString(file));
        assertThat(line.get("metadata").get("request_ack_ns").isNull()).isTrue();
        assertThat(line.get("metadata").get("was_cancelled").asBoolean()).isTrue();
        assertThat(line.get("metadata").get("cancellation_time_ns").asLong()).isEqualTo(TestRecords.EPOCH_NS + 7 * MS);
        assertThat(line.get("error").get("code").asInt()).isEqualTo(499);
    }

    @Test
    void linesReachTheFileOnFlushWithoutClosing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.jsonl");
        SyntheticRun run = new SyntheticRun();
        JsonlRecordWriter writer = new JsonlRecordWriter(file, "rp", false);
        try {
            writer.write(run.records.get(5));
            writer.write(run.records.get(6));
            writer.flush();
            assertThat(Files.readAllLines(file)).hasSize(2);
        } finally {
            writer.close();
        }
        writer.close(); // idempotent
    }
}
