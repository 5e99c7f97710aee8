package io.aiperf.records.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.message.HttpTrace;
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

import static io.aiperf.records.testing.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code trace_data} in {@code profile_export.jsonl} with {@code --export-http-trace}. */
class TraceDataJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MS = 1_000_000L;

    private final RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private JsonNode line(Path file, boolean httpTrace, MetricRecord record) throws Exception {
        try (JsonlRecordWriter writer = new JsonlRecordWriter(file, "rp", httpTrace)) {
            writer.write(record);
        }
        return MAPPER.readTree(Files.readAllLines(file).get(0));
    }

    @Test
    void aNewConnectionsTraceHasItsConnectStampsAndPhasesInEpochNanoseconds(@TempDir Path dir) throws Exception {
        TestRecords r = request().headersAt(20 * MS).text(30 * MS, "a").text(80 * MS, " b").endAt(80 * MS);
        long s = r.startNs();
        HttpTrace trace = new HttpTrace(s + 3 * MS, false, s + MS, s + 3 * MS, s + 4 * MS, s + 5 * MS, s + 30 * MS,
                s + 80 * MS, 2_048, 2, 5_120, 6, "OK", "127.0.0.1", 40_000, "127.0.0.1", 8000);
        JsonNode json = line(dir.resolve("a.jsonl"), true, metrics.compute(r.trace(trace).build(), 1L));

        assertThat(keys(json)).containsExactly("metadata", "metrics", "trace_data", "error");
        JsonNode t = json.get("trace_data");
        long epoch = TestRecords.EPOCH_NS; // the request's start on the wall clock
        assertThat(t.get("trace_type").asText()).isEqualTo("netty");
        assertThat(t.get("request_send_start_ns").asLong()).isEqualTo(epoch + 4 * MS);
        assertThat(t.get("request_send_end_ns").asLong()).isEqualTo(epoch + 5 * MS);
        assertThat(t.get("response_headers_received_ns").asLong()).isEqualTo(epoch + 20 * MS);
        assertThat(t.get("response_receive_start_ns").asLong()).isEqualTo(epoch + 30 * MS);
        assertThat(t.get("response_receive_end_ns").asLong()).isEqualTo(epoch + 80 * MS);
        assertThat(t.get("connection_pool_wait_start_ns").asLong()).isEqualTo(epoch);
        assertThat(t.get("tcp_connect_start_ns").asLong()).isEqualTo(epoch + MS);
        assertThat(t.get("tcp_connect_end_ns").asLong()).isEqualTo(epoch + 3 * MS);
        assertThat(t.has("connection_reused_ns")).isFalse();
        assertThat(t.get("connecting_ns").asLong()).isEqualTo(2 * MS);
        assertThat(t.get("blocked_ns").asLong()).isEqualTo(2 * MS);
        assertThat(t.get("sending_ns").asLong()).isEqualTo(MS);
        assertThat(t.get("waiting_ns").asLong()).isEqualTo(25 * MS);
        assertThat(t.get("receiving_ns").asLong()).isEqualTo(50 * MS);
        assertThat(t.get("duration_ns").asLong()).isEqualTo(76 * MS);
        assertThat(t.get("request_bytes_total").asLong()).isEqualTo(2_048);
        assertThat(t.get("response_chunks_count").asLong()).isEqualTo(6);
        assertThat(t.get("response_status_code").asInt()).isEqualTo(200);
        assertThat(t.get("response_reason").asText()).isEqualTo("OK");
        assertThat(t.get("local_port").asInt()).isEqualTo(40_000);
        assertThat(t.get("remote_ip").asText()).isEqualTo("127.0.0.1");
        // The same phases as the metrics of the line.
        assertThat(json.get("metrics").get("http_req_waiting").get("value").asDouble()).isEqualTo(25.0);
        assertThat(json.get("metrics").get("http_req_data_sent").get("unit").asText()).isEqualTo("KB");
        assertThat(json.get("metrics").get("http_req_data_sent").get("value").asDouble()).isEqualTo(2.0);
    }

    @Test
    void aReusedConnectionHasItsReuseStampInsteadOfConnectStamps(@TempDir Path dir) throws Exception {
        TestRecords r = request().text(20 * MS, "a").endAt(20 * MS);
        long s = r.startNs();
        HttpTrace trace = new HttpTrace(s + 100_000, true, -1, -1, s + 150_000, s + 200_000, -1, -1, 300, 1, 0, 0,
                null, null, 0, null, 0);
        JsonNode t = line(dir.resolve("b.jsonl"), true, metrics.compute(r.trace(trace).build(), 1L))
                .get("trace_data");

        assertThat(t.get("connection_reused_ns").asLong()).isEqualTo(TestRecords.EPOCH_NS + 100_000);
        assertThat(t.has("tcp_connect_start_ns")).isFalse();
        assertThat(t.has("connecting_ns")).isFalse();
        // No response: what did not happen is left out.
        assertThat(t.has("response_receive_start_ns")).isFalse();
        assertThat(t.has("waiting_ns")).isFalse();
        assertThat(t.has("response_reason")).isFalse();
        assertThat(t.has("local_ip")).isFalse();
    }

    @Test
    void withoutTheOptionALineHasNoTraceDataEvenWhenTheRecordCarriesOne(@TempDir Path dir) throws Exception {
        TestRecords r = request().text(20 * MS, "a").endAt(20 * MS);
        long s = r.startNs();
        HttpTrace trace = new HttpTrace(s + 100_000, true, -1, -1, s + 150_000, s + 200_000, s + 20 * MS,
                s + 20 * MS, 300, 1, 700, 1, "OK", null, 0, null, 0);

        JsonNode json = line(dir.resolve("c.jsonl"), false, metrics.compute(r.trace(trace).build(), 1L));
        assertThat(keys(json)).containsExactly("metadata", "metrics", "error");
        // With it, a record that has none (it never reached a connection) says so.
        JsonNode none = line(dir.resolve("d.jsonl"), true, metrics.compute(request().text(20 * MS, "a").build(), 1L));
        assertThat(none.get("trace_data").isNull()).isTrue();
    }
}
