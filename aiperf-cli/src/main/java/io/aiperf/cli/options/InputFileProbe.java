package io.aiperf.cli.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.error.UsageException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The little the CLI reads of {@code --input-file} to pick the timing mode: the first entry (does it carry a
 * {@code timestamp}?) and, for a fixed schedule without a count, the number of entries. The dataset itself is
 * parsed later by the dataset loaders; nothing here looks past the first entry except the line count.
 */
final class InputFileProbe {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InputFileProbe() {
    }

    /** {@code --input-file} as an existing path ({@code ~} expanded), or a usage error naming it. */
    static Path existing(String value) {
        return existing("--input-file", value);
    }

    /** The value of {@code option} as an existing path ({@code ~} expanded), or a usage error naming it. */
    static Path existing(String option, String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new UsageException(option + " must not be empty");
        }
        Path path = Path.of(v.startsWith("~") ? System.getProperty("user.home") + v.substring(1) : v);
        if (!Files.exists(path)) {
            throw new UsageException(option + ": no such file or directory: " + value);
        }
        if (!Files.isReadable(path)) {
            throw new UsageException(option + ": cannot read " + value);
        }
        return path.toAbsolutePath().normalize();
    }

    /**
     * Whether the first non-empty line of a JSONL file is an object with a non-null {@code timestamp}.
     * Only that line is read. A line that is not a JSON object is a usage error {@code FILE:LINE: ...}.
     */
    static boolean firstJsonEntryHasTimestamp(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = stripBom(line, number).strip();
                if (text.isEmpty()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new UsageException(file + ":" + number + ": not valid JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new UsageException(file + ":" + number + ": expected a JSON object per line");
                }
                JsonNode timestamp = node.get("timestamp");
                return timestamp != null && !timestamp.isNull();
            }
            return false;
        } catch (CharacterCodingException e) {
            throw new UsageException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("--input-file: cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Whether a BurstGPT CSV has a {@code Timestamp} column with a value in its first record (the line after
     * the header). Only those two lines are read.
     */
    static boolean firstCsvEntryHasTimestamp(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            int column = -1;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = stripBom(line, number).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (column < 0) {
                    column = indexOf(cells, "Timestamp");
                    if (column < 0) {
                        return false;
                    }
                    continue;
                }
                return column < cells.length && !unquote(cells[column]).isEmpty();
            }
            return false;
        } catch (CharacterCodingException e) {
            throw new UsageException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("--input-file: cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Lines holding anything besides whitespace, as AIPerf counts a trace's entries. Scans bytes, so a large
     * trace is counted without decoding it.
     */
    static long countNonEmptyLines(Path file) {
        long count = 0;
        boolean content = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (content) {
                            count++;
                        }
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r' && b != 0x0b && b != 0x0c) {
                        content = true;
                    }
                }
            }
        } catch (IOException e) {
            throw new UsageException("--input-file: cannot read " + file + ": " + e.getMessage());
        }
        return content ? count + 1 : count;
    }

    private static String stripBom(String line, int number) {
        return number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static int indexOf(String[] cells, String name) {
        for (int i = 0; i < cells.length; i++) {
            if (unquote(cells[i]).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String cell) {
        String c = cell.strip();
        if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
            c = c.substring(1, c.length() - 1).strip();
        }
        return c;
    }
}
