package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.MetricUnit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code profile_export.jsonl} back into {@link MetricRecord}s, the inverse of {@link JsonlRecordWriter}, so
 * the summaries of a run that died before writing them can be rebuilt from what reached the disk.
 *
 * <p>What comes back: each line's metrics in their base units (converted from the unit the line names), its error,
 * and a {@link RequestRecord} whose stamps are the line's epoch nanoseconds ({@code request_start_ns} as both the
 * monotonic start and its epoch anchor), which is all the aggregate metrics read. Metric tags this build does not
 * know are skipped, as are lines of another phase. {@code requested_osl} is not exported (it is internal): it is
 * recovered from {@code output_sequence_length} and {@code osl_mismatch_diff_pct}, so the OSL mismatch count comes
 * out as the run computed it.
 *
 * <p>A last line without its newline is a write the process did not finish: it is skipped and counted
 * ({@link Result#truncatedLastLine()}). Any other line that is not a record is an error naming file and line.
 */
public final class JsonlRecordReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a read found besides the records. */
    public record Result(long records, long skippedPhaseLines, boolean truncatedLastLine) {
    }

    private JsonlRecordReader() {
    }

    /**
     * Hands every profiling record of {@code file} to {@code sink}, in file order.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when a complete line is not a record ({@code FILE:LINE: why})
     */
    public static Result read(Path file, Consumer<MetricRecord> sink) throws IOException {
        boolean endsWithNewline = endsWithNewline(file);
        long records = 0;
        long otherPhase = 0;
        boolean truncated = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            long number = 0;
            while (line != null) {
                number++;
                String next = in.readLine();
                boolean last = next == null;
                if (!line.isBlank()) {
                    MetricRecord record;
                    try {
                        record = parse(line);
                    } catch (IllegalArgumentException | JsonProcessingException e) {
                        if (last && !endsWithNewline) {
                            truncated = true;
                            break;
                        }
                        throw new IllegalArgumentException(file + ":" + number + ": not a profile_export.jsonl record: "
                                + OneLine.of(e.getMessage()));
                    }
                    if (record == null) {
                        otherPhase++;
                    } else {
                        sink.accept(record);
                        records++;
                    }
                }
                line = next;
            }
        }
        return new Result(records, otherPhase, truncated);
    }

    /** One line as a record, or null when it belongs to another phase than profiling. */
    static MetricRecord parse(String line) throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(line);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode meta = required(root, "metadata");
        String phase = meta.path("benchmark_phase").asText("profiling");
        if (!CreditPhase.PROFILING.exportName().equals(phase)) {
            return null;
        }
        long startNs = requiredLong(meta, "request_start_ns");
        long endNs = requiredLong(meta, "request_end_ns");
        ErrorDetails error = error(root.get("error"));
        RequestRecord request = new RequestRecord(text(meta, "worker_id"), meta.path("session_num").asLong(-1),
                CreditPhase.PROFILING, text(meta, "conversation_id"), meta.path("turn_index").asInt(0),
                text(meta, "x_request_id"), text(meta, "x_correlation_id"), startNs, startNs,
                optionalLong(meta, "request_write_ns"), optionalLong(meta, "request_ack_ns"), endNs, startNs, 0, null,
                null, error, meta.path("was_cancelled").asBoolean(false), -1, null, null, null, null, null);
        return new MetricRecord(request, error, metrics(root.path("metrics")));
    }

    private static Map<String, Object> metrics(JsonNode metrics) {
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = metrics.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            MetricSpec spec = MetricCatalog.find(field.getKey()).orElse(null);
            if (spec == null) {
                continue;
            }
            JsonNode value = field.getValue().get("value");
            MetricUnit unit = unitOf(spec, field.getValue().path("unit").asText(null));
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                double[] list = new double[value.size()];
                for (int i = 0; i < list.length; i++) {
                    list[i] = toBase(spec, unit, number(spec, value.get(i)));
                }
                values.put(spec.tag(), list);
            } else {
                double base = toBase(spec, unit, number(spec, value));
                values.put(spec.tag(), wholeInBase(spec, base) ? (Object) Math.round(base) : (Object) base);
            }
        }
        recoverRequestedOsl(values);
        return values;
    }

    /**
     * diff = (osl − requested) / requested · 100, so requested = osl · 100 / (100 + diff), a whole number. When the
     * server produced nothing (diff −100) any requested length is a mismatch; 1 stands for it.
     */
    private static void recoverRequestedOsl(Map<String, Object> values) {
        Object diff = values.get(MetricCatalog.OSL_MISMATCH_DIFF_PCT.tag());
        Object osl = values.get(MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag());
        if (!(diff instanceof Number d) || !(osl instanceof Number o)) {
            return;
        }
        double denominator = 100.0 + d.doubleValue();
        long requested = denominator <= 0 ? 1 : Math.round(o.doubleValue() * 100.0 / denominator);
        if (requested > 0) {
            values.put(MetricCatalog.REQUESTED_OSL.tag(), requested);
        }
    }

    /**
     * The run held a whole-unit metric as a whole number (a latency in ns, a token count), which the aggregate
     * metrics read as such; a value that was a fraction (inter-token latency is a mean) stays one. Converting ms back
     * to ns leaves rounding far below 0.001 ns.
     */
    private static boolean wholeInBase(MetricSpec spec, double base) {
        return spec.baseUnit().wholeNumbers() && Math.abs(base - Math.rint(base)) < 1e-3;
    }

    private static MetricUnit unitOf(MetricSpec spec, String label) {
        if (label == null || label.equals(spec.displayUnit().label())) {
            return spec.displayUnit();
        }
        for (MetricUnit unit : MetricUnit.values()) {
            if (unit.label().equals(label)) {
                return unit;
            }
        }
        throw new IllegalArgumentException(spec.tag() + " has unknown unit '" + label + "'");
    }

    private static double toBase(MetricSpec spec, MetricUnit unit, double value) {
        return unit == spec.baseUnit() ? value : unit.convert(value, spec.baseUnit());
    }

    private static double number(MetricSpec spec, JsonNode value) {
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(spec.tag() + " is not a number");
        }
        return value.doubleValue();
    }

    private static ErrorDetails error(JsonNode error) {
        if (error == null || error.isNull()) {
            return null;
        }
        if (!error.isObject()) {
            throw new IllegalArgumentException("\"error\" is not an object");
        }
        JsonNode code = error.get("code");
        return new ErrorDetails(code == null || code.isNull() ? null : code.asInt(), text(error, "type"),
                text(error, "message"));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("no \"" + field + "\" object");
        }
        return value;
    }

    private static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("metadata." + field + " is not a whole number");
        }
        return value.longValue();
    }

    private static long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToLong() ? -1 : value.longValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return true;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(size - 1);
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last);
            return last.get(0) == '\n';
        }
    }
}
