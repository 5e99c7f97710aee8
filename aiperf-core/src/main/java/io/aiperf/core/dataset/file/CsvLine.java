package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one CSV record that sits on one line, with Jackson's CSV parser (double quotes enclose, a doubled quote
 * is a quote). Callers read files line by line themselves so every error can name its line.
 */
public final class CsvLine {

    private static final ObjectReader READER = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    private CsvLine() {
    }

    /**
     * @throws DatasetFileException {@code display:line: unterminated quoted value} (or Jackson's reason) when the
     *                              line is not one CSV record
     */
    public static List<String> split(String display, int line, String text) {
        if (unterminatedQuote(text)) {
            throw DatasetFileException.atLine(display, line, "unterminated quoted value");
        }
        try (MappingIterator<String[]> records = READER.readValues(text)) {
            return records.hasNext() ? Arrays.asList(records.next()) : List.of("");
        } catch (IOException | RuntimeException e) {
            throw DatasetFileException.atLine(display, line, "malformed CSV: " + e.getMessage().lines().findFirst()
                    .orElse("unreadable"));
        }
    }

    /** An odd number of quotes: the record would run past the end of its line. */
    private static boolean unterminatedQuote(String text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        return quotes % 2 != 0;
    }
}
