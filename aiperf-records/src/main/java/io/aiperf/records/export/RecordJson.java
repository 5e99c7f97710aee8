package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ErrorDetails;

import java.io.IOException;

/** The per-request JSON parts that {@code profile_export.jsonl} and {@code profile_export_raw.jsonl} share. */
final class RecordJson {

    private RecordJson() {
    }

    /** The {@code "metadata"} field (see {@link JsonlRecordWriter} for its fields). */
    static void writeMetadata(JsonGenerator json, RequestRecord r, String recordProcessorId) throws IOException {
        json.writeObjectFieldStart("metadata");
        json.writeNumberField("session_num", r.sessionNum());
        writeStringOrNull(json, "x_request_id", r.xRequestId());
        writeStringOrNull(json, "x_correlation_id", r.xCorrelationId());
        writeStringOrNull(json, "conversation_id", r.conversationId());
        json.writeNumberField("turn_index", r.turnIndex());
        writeLongOrNull(json, "credit_issued_ns", r.creditIssuedNs() >= 0 ? r.epochNsOf(r.creditIssuedNs()) : null);
        json.writeNumberField("request_start_ns", r.startEpochNs());
        writeLongOrNull(json, "request_ack_ns",
                r.responseHeadersNs() >= 0 ? r.epochNsOf(r.responseHeadersNs()) : null);
        json.writeNumberField("request_end_ns", r.epochNsOf(r.requestEndNs()));
        writeStringOrNull(json, "worker_id", r.workerId());
        json.writeStringField("record_processor_id", recordProcessorId);
        json.writeStringField("benchmark_phase", r.phase().exportName());
        json.writeBooleanField("was_cancelled", r.cancelled());
        writeLongOrNull(json, "cancellation_time_ns", r.cancelled() ? r.epochNsOf(r.requestEndNs()) : null);
        // Ours, after AIPerf's fields: when the request bytes went out, after the connection was acquired.
        writeLongOrNull(json, "request_write_ns", r.requestWriteNs() >= 0 ? r.epochNsOf(r.requestWriteNs()) : null);
        json.writeEndObject();
    }

    /** The {@code "error"} field: null, or {@code {"code","type","message"}}. */
    static void writeError(JsonGenerator json, ErrorDetails error) throws IOException {
        if (error == null) {
            json.writeNullField("error");
            return;
        }
        json.writeObjectFieldStart("error");
        if (error.code() == null) {
            json.writeNullField("code");
        } else {
            json.writeNumberField("code", error.code());
        }
        writeStringOrNull(json, "type", error.type());
        writeStringOrNull(json, "message", error.message());
        json.writeEndObject();
    }

    static void writeStringOrNull(JsonGenerator json, String field, String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }

    static void writeLongOrNull(JsonGenerator json, String field, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
