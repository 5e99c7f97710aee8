package io.aiperf.core.dataset.publicdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.dataset.file.DatasetFileException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a row-shaped public dataset file, in any of the JSON forms a user can save without Python:
 * JSON Lines (one row per line, as SpecBench and SPEED-Bench ship), a JSON array of rows, or the Hugging Face
 * datasets-server {@code /rows} answer ({@code {"rows": [{"row_idx": 0, "row": {...}}, ...]}}). Parquet, what the
 * hub's own files are, is refused by name: no Parquet reader works here without Hadoop. Rows are held in memory
 * (these datasets are thousands of rows, not millions).
 */
final class HfRowsReader {

    /** The formats named when a file cannot be read. */
    static final String FORMATS = "JSON Lines, a JSON array of rows, or a datasets-server /rows answer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HfRowsReader() {
    }

    /**
     * @param display the file's name in errors
     * @throws DatasetFileException for a missing, Parquet, malformed or row-less file
     */
    static List<JsonNode> read(Path file, String display) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R'
                    && head[3] == '1') {
                throw DatasetFileException.forFile(display, "is a Parquet file, which is not read here; save the "
                        + "rows as " + FORMATS + " (e.g. from https://datasets-server.huggingface.co/rows)");
            }
        } catch (IOException e) {
            throw DatasetFileException.forFile(display, "cannot be read: " + e.getMessage(), e);
        }
        List<JsonNode> values = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(file.toFile());
             MappingIterator<JsonNode> it = JSON.readValues(parser, JsonNode.class)) {
            while (it.hasNextValue()) {
                values.add(it.nextValue());
            }
        } catch (JsonProcessingException e) {
            throw DatasetFileException.invalidJson(display, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e);
        } catch (IOException e) {
            throw DatasetFileException.forFile(display, "cannot be read: " + e.getMessage(), e);
        }
        List<JsonNode> rows = new ArrayList<>();
        if (values.size() == 1 && values.get(0).isArray()) {
            values.get(0).forEach(rows::add);
        } else if (values.size() == 1 && values.get(0).path("rows").isArray()) {
            for (JsonNode r : values.get(0).get("rows")) {
                rows.add(r.has("row") ? r.get("row") : r);
            }
        } else {
            rows.addAll(values);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isObject()) {
                throw DatasetFileException.forFile(display, "row " + (i + 1) + " is not a JSON object; expected "
                        + FORMATS);
            }
        }
        if (rows.isEmpty()) {
            throw DatasetFileException.forFile(display, "holds no rows; expected " + FORMATS);
        }
        return rows;
    }
}
