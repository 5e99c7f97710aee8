package io.aiperf.cli.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.cli.api.LiveRunState.Snapshot;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.WorkerRow;

import java.util.List;
import java.util.TreeMap;

/**
 * The JSON bodies of the API's routes, from one {@link Snapshot}. Field names follow the exports where they exist
 * ({@code request_latency}, {@code unit}, {@code avg}, {@code p99}, the phase names of {@code benchmark_phase});
 * a value not known yet is null rather than left out, so a dashboard finds every field from the first poll on.
 */
public final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The routes, as {@code /} lists them. */
    static final List<String> ROUTES = List.of("/health", "/api/status", "/api/progress", "/api/metrics",
            "/api/workers");

    private ApiJson() {
    }

    public static ObjectNode health() {
        return MAPPER.createObjectNode().put("status", "ok");
    }

    public static ObjectNode index() {
        ObjectNode root = MAPPER.createObjectNode().put("service", "aiperf");
        ArrayNode routes = root.putArray("routes");
        ROUTES.forEach(routes::add);
        return root;
    }

    /** Whether a run goes on, which one, and the exit status of the last one that ended. */
    public static ObjectNode status(Snapshot s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("status", s.run() == null ? "waiting" : s.running() ? "running" : "finished");
        root.put("stage", s.stage() == null ? null : s.stage().stage());
        run(root, s);
        if (s.lastExitCode() == null) {
            root.putNull("last_exit_code");
        } else {
            root.put("last_exit_code", s.lastExitCode());
        }
        return root;
    }

    /** The stage and the counts of the phase now sending, then every phase seen in this run. */
    public static ObjectNode progress(Snapshot s) {
        ObjectNode root = MAPPER.createObjectNode();
        run(root, s);
        if (s.stage() == null) {
            root.putNull("stage");
            root.putNull("stage_since_epoch_ms");
            root.putNull("stage_duration_sec");
        } else {
            root.put("stage", s.stage().stage());
            root.put("stage_since_epoch_ms", s.stage().sinceEpochMs());
            if (s.stage().durationNs() < 0) {
                root.putNull("stage_duration_sec");
            } else {
                root.put("stage_duration_sec", s.stage().durationNs() / 1e9);
            }
        }
        // A duration-bound phase has no request total: its stage says how long it lasts instead.
        long durationNs = s.stage() != null && s.progress() != null
                && s.stage().stage().equals(s.progress().phase().exportName()) ? s.stage().durationNs() : -1;
        phase(root.putObject("current"), s.progress(), durationNs);
        ObjectNode phases = root.putObject("phases");
        new TreeMap<>(s.progressByPhase()).forEach((name, p) -> phase(phases.putObject(name), p, -1));
        return root;
    }

    /** The live metrics as the console table has them so far, keyed by tag, in display units. */
    public static ObjectNode metrics(Snapshot s) {
        ObjectNode root = MAPPER.createObjectNode();
        run(root, s);
        root.put("processed", s.metrics() == null ? 0 : s.metrics().processed());
        root.put("errors", s.metrics() == null ? 0 : s.metrics().errors());
        ObjectNode metrics = root.putObject("metrics");
        if (s.metrics() != null) {
            for (LiveMetric m : s.metrics().metrics()) {
                ObjectNode o = metrics.putObject(m.tag());
                o.put("header", m.header());
                o.put("unit", m.unit());
                o.put("avg", m.avg());
                o.put("min", m.min());
                o.put("max", m.max());
                o.put("p50", m.p50());
                o.put("p90", m.p90());
                o.put("p99", m.p99());
                o.put("std", m.std());
            }
        }
        return root;
    }

    /** One row per worker process of the run. */
    public static ObjectNode workers(Snapshot s) {
        ObjectNode root = MAPPER.createObjectNode();
        run(root, s);
        ArrayNode rows = root.putArray("workers");
        if (s.workers() != null) {
            for (WorkerRow w : s.workers().workers()) {
                ObjectNode o = rows.addObject();
                o.put("worker_id", w.workerId());
                o.put("state", w.state());
                o.put("in_flight", w.inFlight());
                o.put("completed", w.completed());
                o.put("failed", w.failed());
                if (Double.isFinite(w.cpuPercent())) {
                    o.put("cpu_percent", w.cpuPercent());
                } else {
                    o.putNull("cpu_percent");
                }
                if (w.memoryBytes() < 0) {
                    o.putNull("memory_bytes");
                } else {
                    o.put("memory_bytes", w.memoryBytes());
                }
            }
        }
        return root;
    }

    private static void run(ObjectNode root, Snapshot s) {
        if (s.run() == null) {
            root.putNull("run");
            return;
        }
        root.putObject("run").put("index", s.run().index()).put("benchmark_id", s.run().benchmarkId())
                .put("artifact_dir", s.run().artifactDir());
    }

    private static void phase(ObjectNode o, RunProgress p, long durationNs) {
        if (p == null) {
            for (String k : List.of("phase", "sent", "completed", "errors", "total", "in_flight", "elapsed_sec",
                    "percent")) {
                o.putNull(k);
            }
            return;
        }
        o.put("phase", p.phase().exportName());
        o.put("sent", p.sent());
        o.put("completed", p.completed());
        o.put("errors", p.errors());
        if (p.total() > 0) {
            o.put("total", p.total());
            o.put("percent", Math.min(100.0, 100.0 * p.completed() / p.total()));
        } else {
            o.putNull("total");
            if (durationNs > 0) {
                o.put("percent", Math.min(100.0, 100.0 * p.elapsedNs() / durationNs));
            } else {
                o.putNull("percent");
            }
        }
        o.put("in_flight", p.inFlight());
        o.put("elapsed_sec", p.elapsedNs() / 1e9);
    }
}
