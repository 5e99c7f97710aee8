package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.message.RawExchange;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Streams {@code profile_export_raw.jsonl} (export level raw; AIPerf's {@code RawRecordInfo}, reference §6.5): one
 * line per profiling request, written as the records arrive.
 *
 * <pre>{"metadata":{…as in profile_export.jsonl…},"start_perf_ns":…,"payload":{…the body sent…},
 *  "request_headers":{name:value,…},"status":200|null,"response_headers":{name:value,…}|null,
 *  "responses":[{"perf_ns":…,"packets":[{"name":"data","value":"…"},…]}            ← one per SSE message
 *              |{"perf_ns":…,"content_type":"application/json","text":"…"}],      ← a whole body
 *  "error":null|{"code","type","message"}}</pre>
 * {@code start_perf_ns} and {@code perf_ns} are the worker's monotonic clock ({@code System.nanoTime()}), so
 * {@code perf_ns - start_perf_ns} is the time since the request started. Secret request headers arrive already
 * redacted by the worker. The payload is written as the JSON it was (re-serialised on one line when it spanned
 * several), or as a string when it is not JSON.
 *
 * <p><b>Single writer:</b> not thread-safe.
 */
public final class RawRecordWriter implements Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonLinesFile file;
    private final JsonGenerator json;
    private final String recordProcessorId;

    /** Creates (or truncates) {@code file} and its parent folders. */
    public RawRecordWriter(Path file, String recordProcessorId) throws IOException {
        this.file = new JsonLinesFile(file, MAPPER);
        this.json = this.file.generator();
        this.recordProcessorId = Objects.requireNonNull(recordProcessorId, "recordProcessorId");
    }

    /**
     * Writes one line for a profiling record; records of other phases are skipped. A record without a raw exchange
     * (a worker that did not capture one) still gets its line, with a null payload and no responses.
     *
     * @return true when a line was written
     */
    public boolean write(RequestRecord r) throws IOException {
        return write(r, recordProcessorId);
    }

    /** Like {@link #write(RequestRecord)}, naming the processor that computed this record. */
    public boolean write(RequestRecord r, String recordProcessorId) throws IOException {
        file.checkOpen();
        if (r.phase() != CreditPhase.PROFILING) {
            return false;
        }
        RawExchange raw = r.raw();
        json.writeStartObject();
        RecordJson.writeMetadata(json, r, recordProcessorId);
        json.writeNumberField("start_perf_ns", r.requestStartNs());
        writePayload(raw == null ? null : raw.payload());
        writeHeaders("request_headers", raw == null ? null : raw.requestHeaders());
        if (r.httpStatus() > 0) {
            json.writeNumberField("status", r.httpStatus());
        } else {
            json.writeNullField("status");
        }
        writeHeaders("response_headers", raw == null ? null : raw.responseHeaders());
        json.writeArrayFieldStart("responses");
        if (raw != null) {
            for (RawExchange.RawResponse response : raw.responses()) {
                writeResponse(response);
            }
        }
        json.writeEndArray();
        RecordJson.writeError(json, r.error());
        json.writeEndObject();
        file.endLine();
        return true;
    }

    public long written() {
        return file.written();
    }

    public void flush() throws IOException {
        file.flush();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** The body exactly as sent when it is one line of valid JSON, else its parsed tree, else a string. */
    private void writePayload(String payload) throws IOException {
        json.writeFieldName("payload");
        if (payload == null) {
            json.writeNull();
            return;
        }
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = MAPPER.readTree(payload);
        } catch (IOException notJson) {
            json.writeString(payload);
            return;
        }
        if (tree == null || tree.isMissingNode()) {
            json.writeString(payload);
        } else if (payload.indexOf('\n') < 0 && payload.indexOf('\r') < 0) {
            json.writeRawValue(payload.strip());
        } else {
            json.writeTree(tree);
        }
    }

    private void writeHeaders(String field, Map<String, String> headers) throws IOException {
        if (headers == null) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            json.writeStringField(header.getKey(), header.getValue());
        }
        json.writeEndObject();
    }

    private void writeResponse(RawExchange.RawResponse response) throws IOException {
        json.writeStartObject();
        json.writeNumberField("perf_ns", response.perfNs());
        if (response.packets() != null) {
            json.writeArrayFieldStart("packets");
            for (RawExchange.Packet packet : response.packets()) {
                json.writeStartObject();
                json.writeStringField("name", packet.name());
                json.writeStringField("value", packet.value());
                json.writeEndObject();
            }
            json.writeEndArray();
        } else {
            RecordJson.writeStringOrNull(json, "content_type", response.contentType());
            RecordJson.writeStringOrNull(json, "text", response.text());
        }
        json.writeEndObject();
    }
}
