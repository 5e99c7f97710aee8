package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aiperf.core.error.AiperfException;
import io.aiperf.core.error.OneLine;

/**
 * An input file (or its declared type) cannot be used. The message is one line, ready to print as is:
 * {@code <file>:<line>: <what is wrong>} for a bad row (line numbers are 1-based and count blank lines), or
 * {@code <file>: <what is wrong>} for the file as a whole.
 */
public final class DatasetFileException extends AiperfException {

    private final String file;
    private final int line;

    private DatasetFileException(String file, int line, String what, Throwable cause) {
        super((line > 0 ? file + ":" + line : file) + ": " + OneLine.fold(what), cause);
        this.file = file;
        this.line = line;
    }

    /** A problem with row {@code line} (1-based) of {@code file}. */
    public static DatasetFileException atLine(String file, int line, String what) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
        return new DatasetFileException(file, line, what, null);
    }

    /** A problem with {@code file} as a whole. */
    /**
     * {@code file:line: invalid JSON at column C: <Jackson's reason>}: the reason cut to its first line and without
     * Jackson's source-location appendix, so a user sees the cause and never a dump of their data.
     */
    public static DatasetFileException invalidJson(String file, int line, JsonProcessingException e) {
        String column = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? ""
                : " at column " + e.getLocation().getColumnNr();
        String m = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = m.replaceAll("\\s*\\(start marker at \\[Source:.*$", "").strip();
        return atLine(file, line, "invalid JSON" + column + ": " + m);
    }

    public static DatasetFileException forFile(String file, String what) {
        return new DatasetFileException(file, 0, what, null);
    }

    /** A problem with {@code file} as a whole, caused by {@code cause}. */
    public static DatasetFileException forFile(String file, String what, Throwable cause) {
        return new DatasetFileException(file, 0, what, cause);
    }

    /** The file as it was named in the configuration. */
    public String file() {
        return file;
    }

    /** The 1-based line of the bad row, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

}
