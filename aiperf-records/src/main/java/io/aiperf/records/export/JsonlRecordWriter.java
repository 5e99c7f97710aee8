package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricSpec;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Streams {@code profile_export.jsonl}: one JSON line per profiling request, written as the records arrive
 * (AIPerf's {@code MetricRecordInfo}, reference §6.4). Nothing is kept in memory beyond the write buffer; the
 * buffer is flushed at most {@link #FLUSH_INTERVAL_NS} after a write, on {@link #flush()} and on {@link #close()}.
 *
 * <pre>{"metadata":{"session_num":…,"x_request_id":…,"x_correlation_id":…,"conversation_id":…,"turn_index":…,
 *   "request_start_ns":…,"request_ack_ns":…|null,"request_end_ns":…,"worker_id":…,"record_processor_id":…,
 *   "benchmark_phase":"profiling","was_cancelled":…,"cancellation_time_ns":…|null,"request_write_ns":…|null},
 *  "metrics":{tag:{"value":…,"unit":"ms"},…},["trace_data":{…},]
 *  "error":null|{"code":…,"type":…,"message":…}}</pre>
 * {@code *_ns} metadata are wall-clock epoch nanoseconds; {@code session_num} is the credit id;
 * {@code request_ack_ns} is null when no response headers arrived; {@code cancellation_time_ns} is the end of a
 * cancelled request. Metric values are in display units (ms for latencies); token counts are integers.
 * {@code trace_data} (AIPerf's, with {@code --export-http-trace} only) is {@link TraceDataJson}'s.
 *
 * <p><b>Single writer:</b> not thread-safe.
 */
public final class JsonlRecordWriter implements Closeable {

    /** Longest time written lines may sit in the buffer while records keep arriving. */
    public static final long FLUSH_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final JsonLinesFile file;
    private final JsonGenerator json;
    private final String recordProcessorId;
    /** {@code --export-http-trace}: each line also carries the request's {@code trace_data}. */
    private final boolean httpTrace;
    private long lastFlushNs = System.nanoTime();

    /**
     * Creates (or truncates) {@code file} and its parent folders.
     *
     * @param recordProcessorId what {@link #write(MetricRecord)} writes as {@code record_processor_id}
     * @param httpTrace         write each record's {@code trace_data} ({@code --export-http-trace})
     */
    public JsonlRecordWriter(Path file, String recordProcessorId, boolean httpTrace) throws IOException {
        this.file = new JsonLinesFile(file, null);
        this.json = this.file.generator();
        this.recordProcessorId = Objects.requireNonNull(recordProcessorId, "recordProcessorId");
        this.httpTrace = httpTrace;
    }

    /**
     * Writes one line for a profiling record; records of other phases are skipped.
     *
     * @return true when a line was written
     */
    public boolean write(MetricRecord record) throws IOException {
        return write(record, recordProcessorId);
    }

    /**
     * Like {@link #write(MetricRecord)}, naming the processor that computed this record (several processors share
     * one writer).
     */
    public boolean write(MetricRecord record, String recordProcessorId) throws IOException {
        RequestRecord r = record.record();
        file.checkOpen();
        if (r.phase() != CreditPhase.PROFILING) {
            return false;
        }
        json.writeStartObject();
        writeMetadata(r, recordProcessorId);
        writeMetrics(record);
        if (httpTrace) {
            TraceDataJson.write(json, r);
        }
        writeError(record.error());
        json.writeEndObject();
        file.endLine();
        long now = System.nanoTime();
        if (now - lastFlushNs >= FLUSH_INTERVAL_NS) {
            flush();
        }
        return true;
    }

    /** Lines written so far. */
    public long written() {
        return file.written();
    }

    /** Pushes buffered lines to the file. */
    public void flush() throws IOException {
        file.flush();
        lastFlushNs = System.nanoTime();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private void writeMetadata(RequestRecord r, String recordProcessorId) throws IOException {
        RecordJson.writeMetadata(json, r, recordProcessorId);
    }

    private void writeMetrics(MetricRecord record) throws IOException {
        json.writeObjectFieldStart("metrics");
        for (Map.Entry<String, Object> entry : record.values().entrySet()) {
            MetricSpec spec = MetricCatalog.get(entry.getKey());
            if (!spec.perRecordExported()) {
                continue;
            }
            json.writeObjectFieldStart(spec.tag());
            json.writeFieldName("value");
            Object value = entry.getValue();
            if (value instanceof double[] list) {
                json.writeStartArray();
                for (double v : list) {
                    json.writeNumber(spec.toDisplay(v));
                }
                json.writeEndArray();
            } else if (value instanceof Long whole && spec.baseUnit() == spec.displayUnit()) {
                json.writeNumber(whole.longValue());
            } else {
                json.writeNumber(spec.toDisplay(((Number) value).doubleValue()));
            }
            json.writeStringField("unit", spec.displayUnit().label());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void writeError(ErrorDetails error) throws IOException {
        RecordJson.writeError(json, error);
    }
}
