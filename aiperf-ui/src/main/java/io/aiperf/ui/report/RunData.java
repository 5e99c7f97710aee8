package io.aiperf.ui.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.error.UsageException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run directory as the report reads it: the summary ({@code profile_export_aiperf.json}), the per-record values
 * of the metrics the distributions plot ({@code profile_export.jsonl}), the time slices and the GPU samples when the
 * run wrote them. Immutable once loaded.
 *
 * @param summary    the whole summary JSON
 * @param records    per metric tag, each profiling record's value
 * @param timeslices {@code profile_export_aiperf_timeslices.json}'s {@code timeslices} array, or an empty list
 * @param gpu        every line of {@code gpu_telemetry_export.jsonl}, in file order
 */
public record RunData(Path dir, String name, JsonNode summary, Map<String, double[]> records,
                      List<JsonNode> timeslices, List<GpuSample> gpu) implements LoadPoint {

    public static final String SUMMARY = "profile_export_aiperf.json";
    static final String RECORDS = "profile_export.jsonl";
    static final String TIMESLICES = "profile_export_aiperf_timeslices.json";
    static final String GPU = "gpu_telemetry_export.jsonl";

    /** The per-record metrics the CDFs and histograms draw. */
    static final Set<String> RECORD_METRICS = Set.of("time_to_first_token", "inter_token_latency", "request_latency");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One GPU's sample at one scrape: {@code url} is its DCGM exporter, {@code index} its index there. */
    public record GpuSample(String url, String index, long timestampNs, JsonNode values) {
    }

    public static boolean isRunDir(Path dir) {
        return Files.isRegularFile(dir.resolve(SUMMARY));
    }

    public static RunData load(Path dir, String name) {
        JsonNode summary = readJson(dir.resolve(SUMMARY));
        Map<String, double[]> records = readRecords(dir.resolve(RECORDS));
        List<JsonNode> slices = new ArrayList<>();
        Path slicesFile = dir.resolve(TIMESLICES);
        if (Files.isRegularFile(slicesFile)) {
            readJson(slicesFile).path("timeslices").forEach(slices::add);
        }
        return new RunData(dir, name, summary, records, List.copyOf(slices), readGpu(dir.resolve(GPU)));
    }

    @Override
    public double concurrency() {
        return number(summary.path("input_config").path("loadgen").path("concurrency"));
    }

    @Override
    public double requestRate() {
        return number(summary.path("input_config").path("loadgen").path("request_rate"));
    }

    @Override
    public String settingsKey() {
        JsonNode config = summary.path("input_config");
        JsonNode prompt = config.path("input").path("prompt");
        return String.join("|", config.path("endpoint").path("model_names").toString(),
                config.path("endpoint").path("type").asText(), config.path("endpoint").path("streaming").asText(),
                prompt.path("input_tokens").path("mean").asText(), prompt.path("output_tokens").path("mean").asText(),
                config.path("loadgen").path("timing_mode").asText());
    }

    @Override
    public double stat(String metric, String stat) {
        return number(summary.path(metric).path(stat));
    }

    @Override
    public double low(String metric, String stat) {
        return Double.NaN;
    }

    @Override
    public double high(String metric, String stat) {
        return Double.NaN;
    }

    @Override
    public double[] recordValues(String metric) {
        return records.getOrDefault(metric, new double[0]).clone();
    }

    static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException(file + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static Map<String, double[]> readRecords(Path file) {
        Map<String, List<Double>> values = new HashMap<>();
        forEachLine(file, line -> {
            String phase = line.path("metadata").path("benchmark_phase").asText("profiling");
            if (!phase.equals("profiling")) {
                return;
            }
            for (String metric : RECORD_METRICS) {
                JsonNode value = line.path("metrics").path(metric).path("value");
                if (value.isNumber()) {
                    values.computeIfAbsent(metric, m -> new ArrayList<>()).add(value.asDouble());
                }
            }
        });
        Map<String, double[]> out = new HashMap<>();
        values.forEach((metric, list) -> out.put(metric, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return Map.copyOf(out);
    }

    private static List<GpuSample> readGpu(Path file) {
        List<GpuSample> samples = new ArrayList<>();
        forEachLine(file, line -> {
            samples.add(new GpuSample(line.path("dcgm_url").asText(""), line.path("gpu_index").asText("?"),
                    line.path("timestamp_ns").asLong(), line.path("telemetry_data")));
        });
        return List.copyOf(samples);
    }

    /** Reads a JSON-lines file if it exists; a line that is not JSON (a run killed mid-write) is skipped. */
    private static void forEachLine(Path file, java.util.function.Consumer<JsonNode> action) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException torn) {
                    continue;
                }
                action.accept(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
