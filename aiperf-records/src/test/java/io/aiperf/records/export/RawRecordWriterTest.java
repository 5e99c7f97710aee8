package io.aiperf.records.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.message.RawExchange;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.ResponseChunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RawRecordWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BODY = "{\"model\":\"m\",\"temperature\":0.10000000000000001,\"stream\":true}";

    private static RequestRecord record(CreditPhase phase, RawExchange raw, ErrorDetails error, int status) {
        return new RequestRecord("w1", 7, phase, "conv", 0, "req-7", "corr-7", 900, 1_000, 1_010, 1_050, 1_300,
                5_000_000_000L, status, List.of(new ResponseChunk(1_100, "hi", null)), null, error, false, -1, null,
                null, null, raw, null);
    }

    @Test
    void oneLinePerProfilingRecordWithAiperfsRawFields(@TempDir Path dir) throws Exception {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("host", "127.0.0.1:8000");
        request.put("authorization", "<redacted>");
        RawExchange raw = new RawExchange(BODY, request, Map.of("content-type", "text/event-stream"), List.of(
                new RawExchange.RawResponse(1_060, List.of(new RawExchange.Packet("data", "{\"x\":1}")), null, null),
                new RawExchange.RawResponse(1_100, List.of(new RawExchange.Packet("event", "ping"),
                        new RawExchange.Packet("comment", "keep-alive")), null, null)));
        Path file = dir.resolve("raw.jsonl");
        try (RawRecordWriter writer = new RawRecordWriter(file, "rm")) {
            assertThat(writer.write(record(CreditPhase.PROFILING, raw, null, 200))).isTrue();
            assertThat(writer.write(record(CreditPhase.WARMUP, raw, null, 200))).isFalse();
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).as("the body is embedded byte for byte").contains("\"payload\":" + BODY + ",");
        JsonNode line = MAPPER.readTree(lines.get(0));
        assertThat(line.get("metadata").get("x_request_id").asText()).isEqualTo("req-7");
        assertThat(line.get("metadata").get("request_start_ns").asLong()).isEqualTo(5_000_000_000L);
        assertThat(line.get("start_perf_ns").asLong()).isEqualTo(1_000);
        assertThat(line.get("request_headers").toString())
                .isEqualTo("{\"host\":\"127.0.0.1:8000\",\"authorization\":\"<redacted>\"}");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.at("/response_headers/content-type").asText()).isEqualTo("text/event-stream");
        assertThat(line.get("responses").toString()).isEqualTo("[{\"perf_ns\":1060,\"packets\":[{\"name\":\"data\","
                + "\"value\":\"{\\\"x\\\":1}\"}]},{\"perf_ns\":1100,\"packets\":[{\"name\":\"event\",\"value\":\"ping\"},"
                + "{\"name\":\"comment\",\"value\":\"keep-alive\"}]}]");
        assertThat(line.get("error").isNull()).isTrue();
    }

    @Test
    void bodiesErrorsAndOddPayloads(@TempDir Path dir) throws Exception {
        RawExchange textBody = new RawExchange("{\n  \"a\": 1\n}", Map.of(), null, List.of(
                new RawExchange.RawResponse(1_300, null, "text/plain", "upstream down")));
        RawExchange notJson = new RawExchange("{not json", Map.of(), null, List.of());
        Path file = dir.resolve("raw.jsonl");
        try (RawRecordWriter writer = new RawRecordWriter(file, "rm")) {
            writer.write(record(CreditPhase.PROFILING, textBody, new ErrorDetails(503, "Service Unavailable",
                    "upstream down"), 503));
            writer.write(record(CreditPhase.PROFILING, notJson, new ErrorDetails(null, "ConnectionRefused", "x"), 0));
            writer.write(record(CreditPhase.PROFILING, null, null, 200), "record_processor_3");
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        JsonNode first = MAPPER.readTree(lines.get(0));
        assertThat(first.get("payload").toString()).as("a multi-line body stays on its line").isEqualTo("{\"a\":1}");
        assertThat(first.get("responses").toString())
                .isEqualTo("[{\"perf_ns\":1300,\"content_type\":\"text/plain\",\"text\":\"upstream down\"}]");
        assertThat(first.at("/error/code").asInt()).isEqualTo(503);
        assertThat(first.get("response_headers").isNull()).isTrue();
        JsonNode second = MAPPER.readTree(lines.get(1));
        assertThat(second.get("payload").asText()).isEqualTo("{not json");
        assertThat(second.get("status").isNull()).isTrue();
        JsonNode third = MAPPER.readTree(lines.get(2));
        assertThat(third.get("payload").isNull()).isTrue();
        assertThat(third.get("responses").size()).isZero();
        assertThat(third.at("/metadata/record_processor_id").asText()).as("the processor that computed the record")
                .isEqualTo("record_processor_3");
        assertThat(first.at("/metadata/record_processor_id").asText()).isEqualTo("rm");
    }
}
