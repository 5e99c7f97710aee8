package io.aiperf.core.dataset.accuracy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.dataset.file.DatasetFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON objects of a JSONL benchmark file, with field lookup that ignores case (AIME_2024 says "Problem"). */
final class JsonlObjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One object and its 1-based line, for messages. */
    record Row(int line, JsonNode node) {

        /** The first of {@code names} present (any case) as text, or null. */
        String text(String... names) {
            for (String name : names) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (f.getKey().toLowerCase(Locale.ROOT).equals(name) && !f.getValue().isNull()) {
                        return f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString();
                    }
                }
            }
            return null;
        }

        JsonNode get(String name) {
            return node.get(name);
        }
    }

    private JsonlObjects() {
    }

    static List<Row> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DatasetFileException.forFile(file.toString(), "not a file (this benchmark is read from a JSONL "
                    + "file)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DatasetFileException.forFile(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw DatasetFileException.invalidJson(file.toString(), i + 1, e);
            }
            if (!node.isObject()) {
                throw DatasetFileException.atLine(file.toString(), i + 1, "expected a JSON object");
            }
            rows.add(new Row(i + 1, node));
        }
        if (rows.isEmpty()) {
            throw DatasetFileException.forFile(file.toString(), "has no rows");
        }
        return rows;
    }
}
