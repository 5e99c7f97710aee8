package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a comma-separated file with a header line as rows: each data line becomes an object keyed by the header's
 * column names, a cell that is a number becoming a JSON number and any other cell a string, so rows are validated
 * like JSONL rows ({@link RowFields}). Cells may be double-quoted ({@code ""} inside quotes is one quote). Blank
 * lines are skipped but counted.
 */
final class CsvRows {

    private CsvRows() {
    }

    /** The header's column names, or null when the file has no non-blank line. */
    static List<String> header(Path file, String display) {
        List<List<String>> header = new ArrayList<>(1);
        JsonlRows.forEachLine(file, display, (line, text) -> {
            header.add(split(display, line, text));
            return false;
        });
        return header.isEmpty() ? null : header.get(0);
    }

    /** Calls {@code handler} with each data row; returns how many there were (the header not counted). */
    static int forEach(Path file, String display, JsonlRows.RowHandler handler) {
        List<String> header = new ArrayList<>();
        int[] rows = {0};
        JsonlRows.forEachLine(file, display, (line, text) -> {
            List<String> cells = split(display, line, text);
            if (header.isEmpty()) {
                for (String c : cells) {
                    header.add(c.strip());
                }
                return true;
            }
            if (cells.size() != header.size()) {
                throw DatasetFileException.atLine(display, line, "expected " + header.size()
                        + " comma-separated values (as in the header), found " + cells.size());
            }
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < cells.size(); i++) {
                row.set(header.get(i), value(cells.get(i).strip()));
            }
            rows[0]++;
            handler.row(line, row);
            return true;
        });
        return rows[0];
    }

    private static JsonNode value(String cell) {
        if (cell.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (cell.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            BigDecimal d = new BigDecimal(cell.startsWith("+") ? cell.substring(1) : cell);
            if (d.scale() <= 0 && cell.matches("[-+]?\\d+")) {
                try {
                    return JsonNodeFactory.instance.numberNode(d.longValueExact());
                } catch (ArithmeticException e) {
                    return JsonNodeFactory.instance.numberNode(d);
                }
            }
            return JsonNodeFactory.instance.numberNode(d.doubleValue());
        }
        return JsonNodeFactory.instance.textNode(cell);
    }

    static List<String> split(String display, int line, String text) {
        return CsvLine.split(display, line, text);
    }
}
