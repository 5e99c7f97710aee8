package io.aiperf.ui.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run directory shaped as {@code aiperf profile} writes one (the summary's metric objects and
 * {@code input_config.loadgen}, the JSONL's {@code metrics.<tag>.value}, the time slices, the GPU lines), with
 * values the test chooses so it can recompute what a chart should show.
 */
final class RunFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode summary = JSON.createObjectNode();
    private final List<double[]> records = new ArrayList<>();
    private final ArrayNode slices = JSON.createArrayNode();
    private final List<String> gpuLines = new ArrayList<>();

    private RunFixture() {
        summary.put("schema_version", "1.0");
    }

    /** A run at {@code --concurrency c} whose TTFT avg is {@code 10 * c}, and throughputs that grow with c. */
    static RunFixture concurrency(int c) {
        RunFixture run = new RunFixture().loadgen(c, null);
        return run.metric("time_to_first_token", "ms", 10.0 * c, 9.0 * c, 20.0 * c)
                .metric("inter_token_latency", "ms", 5.0 + c, 4.5 + c, 8.0 + c)
                .metric("request_latency", "ms", 100.0 + c, 99.0 + c, 150.0 + c)
                .metric("request_throughput", "requests/sec", 8.0 * c, Double.NaN, Double.NaN)
                .metric("output_token_throughput", "tokens/sec", 160.0 * c, Double.NaN, Double.NaN)
                .metric("output_token_throughput_per_user", "tokens/sec/user", 200.0 - c, 199.0 - c, 210.0 - c);
    }

    static RunFixture rate(double rate) {
        return concurrency(1).loadgen(null, rate);
    }

    RunFixture loadgen(Integer concurrency, Double rate) {
        ObjectNode config = summary.putObject("input_config");
        config.putObject("endpoint").put("type", "chat").put("streaming", true).putArray("model_names").add("m");
        ObjectNode prompt = config.putObject("input").putObject("prompt");
        prompt.putObject("input_tokens").put("mean", 50);
        prompt.putObject("output_tokens").put("mean", 20);
        ObjectNode loadgen = config.putObject("loadgen").put("timing_mode", "request_rate");
        if (concurrency != null) {
            loadgen.put("concurrency", concurrency);
        }
        if (rate != null) {
            loadgen.put("request_rate", rate);
        }
        return this;
    }

    RunFixture metric(String tag, String unit, double avg, double p50, double p99) {
        ObjectNode m = summary.putObject(tag).put("unit", unit).put("avg", avg);
        if (!Double.isNaN(p50)) {
            m.put("p50", p50).put("p99", p99);
        }
        return this;
    }

    /** One profiling record per value: {ttft, itl, request latency}. */
    RunFixture record(double ttft, double itl, double latency) {
        records.add(new double[] {ttft, itl, latency});
        return this;
    }

    RunFixture slice(long startNs, double ttftAvg) {
        ObjectNode slice = slices.addObject().put("timeslice_index", slices.size() - 1).put("start_ns", startNs)
                .put("end_ns", startNs + 1_000_000_000L);
        slice.putObject("time_to_first_token").put("unit", "ms").put("avg", ttftAvg);
        return this;
    }

    RunFixture gpu(int index, long timestampNs, double powerW) {
        ObjectNode line = JSON.createObjectNode().put("gpu_index", index).put("gpu_uuid", "GPU-" + index)
                .put("timestamp_ns", timestampNs).put("dcgm_url", "http://127.0.0.1:9400/metrics");
        line.putObject("telemetry_data").put("gpu_power_usage", powerW).put("gpu_utilization", 50.0)
                .put("gpu_memory_used", 16.0);
        gpuLines.add(line.toString());
        return this;
    }

    Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(RunData.SUMMARY).toFile(), summary);
            List<String> lines = new ArrayList<>();
            // A warm-up record, which the charts must leave out.
            lines.add(recordLine("warmup", 9999, 9999, 9999));
            for (double[] r : records) {
                lines.add(recordLine("profiling", r[0], r[1], r[2]));
            }
            Files.write(dir.resolve(RunData.RECORDS), lines);
            if (!slices.isEmpty()) {
                JSON.writeValue(dir.resolve(RunData.TIMESLICES).toFile(), JSON.createObjectNode().set("timeslices", slices));
            }
            if (!gpuLines.isEmpty()) {
                Files.write(dir.resolve(RunData.GPU), gpuLines);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String recordLine(String phase, double ttft, double itl, double latency) {
        ObjectNode line = JSON.createObjectNode();
        line.putObject("metadata").put("benchmark_phase", phase);
        ObjectNode metrics = line.putObject("metrics");
        metrics.putObject("time_to_first_token").put("value", ttft).put("unit", "ms");
        metrics.putObject("inter_token_latency").put("value", itl).put("unit", "ms");
        metrics.putObject("request_latency").put("value", latency).put("unit", "ms");
        return line.toString();
    }

    /** A multi-run: its runs under profile_runs/ and an aggregate with TTFT avg's mean and CI. */
    static Path multiRun(Path dir, double meanTtft, double ciLow, double ciHigh, RunFixture... runs) {
        for (int i = 0; i < runs.length; i++) {
            runs[i].writeTo(dir.resolve("profile_runs").resolve(String.format("run_%04d", i + 1)));
        }
        ObjectNode aggregate = JSON.createObjectNode();
        aggregate.putObject("time_to_first_token_avg").put("mean", meanTtft).put("std", 1.0).put("ci_low", ciLow)
                .put("ci_high", ciHigh).put("unit", "ms");
        try {
            Files.createDirectories(dir.resolve("aggregate"));
            JSON.writeValue(dir.resolve(MultiRun.AGGREGATE).toFile(), aggregate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
