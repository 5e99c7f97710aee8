package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Hand-made {@code profile_export_aiperf.json} files for the tests of this package. */
final class RunFiles {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private RunFiles() {
    }

    /** A run's summary: the version, a non-metric key, and one object per metric with its unit and statistics. */
    static ObjectNode summary(Map<String, Map<String, Double>> metrics) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", "1.0");
        root.put("aiperf_version", "0.1.0-test");
        metrics.forEach((tag, stats) -> {
            ObjectNode m = root.putObject(tag);
            m.put("unit", unit(tag));
            stats.forEach(m::put);
        });
        root.putObject("input_config").putObject("endpoint").put("model_names", "m");
        root.putArray("error_summary");
        return root;
    }

    static Path write(Path dir, JsonNode summary) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("profile_export_aiperf.json"), MAPPER.writeValueAsString(summary));
        return dir;
    }

    static Path write(Path dir, Map<String, Map<String, Double>> metrics) throws IOException {
        return write(dir, summary(metrics));
    }

    static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    static String unit(String tag) {
        if (tag.endsWith("_per_user")) {
            return "tokens/sec/user";
        }
        if (tag.contains("throughput")) {
            return tag.startsWith("request") ? "requests/sec" : "tokens/sec";
        }
        return tag.endsWith("_count") ? "requests" : "ms";
    }
}
