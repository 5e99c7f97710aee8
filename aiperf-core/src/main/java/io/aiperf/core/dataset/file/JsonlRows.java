package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a JSONL file one line at a time (never the whole file at once): every non-blank line must be one JSON object
 * (duplicate keys and anything after the object are refused).
 * Blank lines are skipped but counted, so reported line numbers match an editor's. A UTF-8 byte order mark on the
 * first line is ignored.
 */
final class JsonlRows {

    /** Receives each non-blank row in file order. */
    @FunctionalInterface
    interface RowHandler {
        void row(int line, ObjectNode row);
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonlRows() {
    }

    /**
     * Calls {@code handler} for every non-blank line; returns how many there were.
     *
     * @throws DatasetFileException for a missing or unreadable file, text that is not UTF-8, invalid JSON or a row
     *                              that is not an object (and whatever {@code handler} throws)
     */
    static int forEach(Path file, String display, RowHandler handler) {
        return read(file, display, handler, false);
    }

    /** The first non-blank row (line number and object), or null when there is none. */
    static FirstRow first(Path file, String display) {
        FirstRow[] first = new FirstRow[1];
        read(file, display, (line, row) -> first[0] = new FirstRow(line, row), true);
        return first[0];
    }

    record FirstRow(int line, ObjectNode row) {
    }

    /** Fails with a one-line message when {@code file} cannot be read as a dataset file at all. */
    static void checkReadable(Path file, String display) {
        if (Files.isDirectory(file)) {
            throw DatasetFileException.forFile(display,
                    "is a directory; only single JSONL files are supported (directories of files are not supported yet)");
        }
        if (!Files.exists(file)) {
            throw DatasetFileException.forFile(display, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw DatasetFileException.forFile(display, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw DatasetFileException.forFile(display, "not readable (permission denied)");
        }
    }

    /** Receives each non-blank line's text in file order. */
    @FunctionalInterface
    interface LineHandler {
        /** @return false to stop reading */
        boolean line(int line, String text);
    }

    private static int read(Path file, String display, RowHandler handler, boolean firstOnly) {
        return forEachLine(file, display, (line, text) -> {
            handler.row(line, parse(display, line, text));
            return !firstOnly;
        });
    }

    /**
     * Calls {@code handler} with the text of every non-blank line (a leading byte order mark removed) until it
     * returns false; returns how many non-blank lines it was given.
     */
    static int forEachLine(Path file, String display, LineHandler handler) {
        checkReadable(file, display);
        int line = 0;
        int rows = 0;
        try (Utf8Lines in = new Utf8Lines(Files.newInputStream(file))) {
            while (true) {
                String text;
                try {
                    text = in.next();
                } catch (CharacterCodingException e) {
                    throw DatasetFileException.atLine(display, line + 1, "not valid UTF-8 text");
                }
                if (text == null) {
                    return rows;
                }
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                rows++;
                if (!handler.line(line, text)) {
                    return rows;
                }
            }
        } catch (NoSuchFileException e) {
            throw DatasetFileException.forFile(display, "no such file");
        } catch (AccessDeniedException e) {
            throw DatasetFileException.forFile(display, "not readable (permission denied)");
        } catch (IOException e) {
            throw DatasetFileException.forFile(display, "cannot read: " + e.getMessage(), e);
        }
    }

    private static ObjectNode parse(String display, int line, String text) {
        JsonNode node;
        try (JsonParser p = MAPPER.createParser(text)) {
            node = MAPPER.readTree(p);
            if (node == null) {
                throw DatasetFileException.atLine(display, line, "invalid JSON: no value");
            }
            if (p.nextToken() != null) {
                throw DatasetFileException.atLine(display, line, "invalid JSON at column "
                        + p.currentTokenLocation().getColumnNr() + ": unexpected content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            throw DatasetFileException.invalidJson(display, line, e);
        } catch (IOException e) {
            throw DatasetFileException.atLine(display, line, "cannot parse: " + e.getMessage());
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw DatasetFileException.atLine(display, line, "not a JSON object (found " + RowFields.kind(node) + ")");
    }
}
