package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One metric's per-request values from a run's {@code profile_export.jsonl}, for the distribution convergence test:
 * profiling-phase records without an error that have a numeric {@code metrics.<tag>.value}, in the unit the file
 * wrote (one run's file uses one unit per metric, so two runs compare as written). A line that is not JSON (a write
 * cut short by a crash) is skipped: the test needs many values, not every one.
 */
final class RecordMetricValues {

    private RecordMetricValues() {
    }

    static double[] read(Path file, String tag) throws IOException {
        double[] values = new double[1024];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode root;
                try {
                    root = RunsJson.MAPPER.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (root == null || !"profiling".equals(root.path("metadata").path("benchmark_phase")
                        .asText("profiling"))) {
                    continue;
                }
                JsonNode error = root.get("error");
                if (error != null && !error.isNull()) {
                    continue;
                }
                JsonNode value = root.path("metrics").path(tag).get("value");
                if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
                    continue;
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = value.asDouble();
            }
        }
        return Arrays.copyOf(values, n);
    }
}
