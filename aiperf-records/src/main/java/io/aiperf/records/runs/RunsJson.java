package io.aiperf.records.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Reading and writing the summaries' JSON and CSV cells the same way in every file of this package. */
final class RunsJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunsJson() {
    }

    static JsonNode read(Path file) throws IOException {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(file + " does not exist", e);
        }
    }

    static void write(Path file, JsonNode root) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    static void writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A JSON number as a finite double, else null (missing, null, text, NaN written as a string...). */
    static Double finite(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        double v = node.asDouble();
        return Double.isFinite(v) ? v : null;
    }

    /** JSON has no NaN or infinity: those (and null) are written as null. */
    static void put(ObjectNode node, String key, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    /** A CSV cell for scripts: every digit of the double, never an exponent; empty for null or non-finite. */
    static String csvNumber(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).toPlainString();
    }

    /** {@code dir} relative to {@code base}, '/'-separated on every OS; {@code dir} itself when not under base. */
    static String relative(Path base, Path dir) {
        Path b = base.toAbsolutePath().normalize();
        Path d = dir.toAbsolutePath().normalize();
        Path rel = d.startsWith(b) ? b.relativize(d) : d;
        return StreamSupport.stream(rel.spliterator(), false).map(Path::toString)
                .collect(Collectors.joining("/", d.startsWith(b) ? "" : "/", ""));
    }
}
