package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One block of rows of an AIPerf CSV export, header row first, written by Jackson the way Python's {@code csv} module
 * writes AIPerf's files: a cell is quoted only when it holds a comma, a quote or a line break (a quote inside is
 * doubled), and every row ends with CRLF. Cells are strings the exporter has already formatted, so numbers keep
 * their exact text. Files with several blocks put {@link #BLANK_LINE} between them; closing a section leaves the
 * target open for the next one.
 */
final class CsvSection implements Closeable {

    /** Python's csv module (which AIPerf uses) ends rows with CRLF; so do we, for byte-compatible files. */
    static final String EOL = "\r\n";

    /** What separates two sections of one file. */
    static final String BLANK_LINE = EOL;

    // Strict quoting: Jackson's default check also quotes any cell with a space, a tab or a leading '#'.
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    // No columns: each row is written as an array, the header being simply the first one, so a section with no
    // data rows still has its header.
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator(EOL);

    private final SequenceWriter rows;

    private CsvSection(SequenceWriter rows) {
        this.rows = rows;
    }

    /** Starts a section on {@code out} by writing its header row. */
    static CsvSection start(Writer out, List<String> header) throws IOException {
        CsvSection section = new CsvSection(MAPPER.writer(ROWS).writeValues(out));
        section.row(header);
        return section;
    }

    void row(List<String> cells) throws IOException {
        rows.write(cells);
    }

    /** Flushes the section's rows to the target and leaves the target open. */
    @Override
    public void close() throws IOException {
        rows.close();
    }
}
