package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.records.aggregate.ErrorSummaryEntry;
import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricFlag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes {@code profile_export_aiperf.json} (reference §6.2). Top-level keys, in order: {@code schema_version}
 * ("1.0"), {@code aiperf_version}, {@code benchmark_id}, one object per exported metric (AIPerf's declared order
 * first, then AIPerf's other metrics, then ours, each in catalogue order), {@code input_config} (see
 * {@link InputConfigJson}), {@code was_cancelled}, {@code error_summary}, {@code warnings} (ours, beyond AIPerf:
 * the summary's one-line warnings, always present, {@code []} when there are none), {@code lost_workers} (ours,
 * only when a worker died mid-run: {@code [{"worker_id","pid","exit_code","phase","lost_requests"}]}), {@code start_time},
 * {@code end_time}; {@code prometheus_metrics} (ours, only with {@code --prometheus-metrics}: each named server
 * metric's {@code name, type, before, after, delta}) follows {@code telemetry_data}. A distribution metric is
 * {@code {"unit","avg","p1","p5","p10","p25","p50","p75","p90","p95","p99","min","max","std"}}, a single-value
 * metric {@code {"unit","avg"}}; all values in display units. Null values are omitted.
 */
public final class SummaryJsonExporter {

    public static final String SCHEMA_VERSION = "1.0";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private SummaryJsonExporter() {
    }

    public static void write(Path file, ProfileSummary summary, RunInfo run) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(summary, run) + "\n", StandardCharsets.UTF_8);
    }

    public static String toJson(ProfileSummary summary, RunInfo run) {
        try {
            return MAPPER.writeValueAsString(toTree(summary, run));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code "<tag>": {"unit", "avg", "p1" … "std"}}; missing or non-finite statistics are left out. */
    static void putMetric(ObjectNode parent, MetricResult result) {
        ObjectNode metric = parent.putObject(result.tag());
        metric.put("unit", result.unit());
        for (String stat : MetricResult.JSON_STATS) {
            Double value = result.stat(stat);
            if (value != null && Double.isFinite(value)) {
                metric.put(stat, value);
            }
        }
    }

    static ObjectNode toTree(ProfileSummary summary, RunInfo run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("aiperf_version", run.aiperfVersion());
        if (run.config().benchmarkId() != null) {
            root.put("benchmark_id", run.config().benchmarkId());
        }
        for (MetricResult result : exportOrder(summary)) {
            putMetric(root, result);
        }
        TelemetryReport.putTelemetryData(root, run.telemetry(), summary);
        TelemetryReport.putPrometheusMetrics(root, run.telemetry());
        root.set("input_config", InputConfigJson.toJson(run.config(), MAPPER));
        root.put("was_cancelled", run.wasCancelled());
        ArrayNode errors = root.putArray("error_summary");
        for (ErrorSummaryEntry entry : summary.errors()) {
            ObjectNode item = errors.addObject();
            ObjectNode details = item.putObject("error_details");
            ErrorDetails d = entry.details();
            if (d.code() != null) {
                details.put("code", d.code());
            }
            if (d.type() != null) {
                details.put("type", d.type());
            }
            if (d.message() != null) {
                details.put("message", d.message());
            }
            item.put("count", entry.count());
        }
        ArrayNode warnings = root.putArray("warnings");
        summary.warnings().forEach(warnings::add);
        if (!run.lostWorkers().isEmpty()) {
            // Ours, beyond AIPerf (which has no such field), and only when it happened: the run survived these.
            ArrayNode lost = root.putArray("lost_workers");
            for (RunInfo.LostWorker w : run.lostWorkers()) {
                lost.addObject().put("worker_id", w.workerId()).put("pid", w.pid()).put("exit_code", w.exitCode())
                        .put("phase", w.phase()).put("lost_requests", w.lostRequests());
            }
        }
        Long start = run.startEpochNs() != null ? run.startEpochNs() : summary.minRequestEpochNs();
        Long end = run.endEpochNs() != null ? run.endEpochNs() : summary.maxResponseEpochNs();
        if (start != null) {
            root.put("start_time", isoLocal(start, run.zone()));
        }
        if (end != null) {
            root.put("end_time", isoLocal(end, run.zone()));
        }
        return root;
    }

    /** Exported metrics: AIPerf's declared order first, then AIPerf's others, then ours; each in catalogue order. */
    static List<MetricResult> exportOrder(ProfileSummary summary) {
        List<MetricResult> out = new ArrayList<>();
        for (MetricResult result : summary.metrics()) {
            if (result.spec().exported()) {
                out.add(result);
            }
        }
        out.sort(Comparator.comparingInt(SummaryJsonExporter::declaredPosition)
                .thenComparing(r -> r.spec().has(MetricFlag.EXTENSION))
                .thenComparingInt(r -> MetricCatalog.position(r.tag())));
        return out;
    }

    private static int declaredPosition(MetricResult result) {
        int i = MetricCatalog.JSON_DECLARED_ORDER.indexOf(result.tag());
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Python's {@code datetime.fromtimestamp(t).isoformat()}: microseconds only when non-zero, no zone. */
    static String isoLocal(long epochNs, ZoneId zone) {
        long micros = Math.floorDiv(epochNs, 1_000L);
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return local.getNano() == 0 ? ISO_SECONDS.format(local) : ISO_MICROS.format(local);
    }
}
