package io.aiperf.cli.tools;

import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.error.UsageException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening the tools' input and output files, with one-line messages for the usual mistakes. */
final class ToolFiles {

    private ToolFiles() {
    }

    /**
     * Opens a UTF-8 text input named by {@code option}; a missing or unreadable file is a usage error (exit 2), as it
     * is a mistake on the command line.
     */
    static BufferedReader openInput(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new UsageException(option + ": " + file + " is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new UsageException(option + ": no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(option + ": cannot read " + file + " (permission denied)");
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot open " + file + ": " + e.getMessage());
        }
    }

    /** A read failure in the middle of {@code file} (bad UTF-8, an I/O error), as one line. */
    static DatasetFileException readFailure(Path file, int line, IOException e) {
        String what = e instanceof java.nio.charset.CharacterCodingException ? "not valid UTF-8 text"
                : "cannot read: " + e.getMessage();
        return line > 0 ? DatasetFileException.atLine(file.toString(), line, what)
                : DatasetFileException.forFile(file.toString(), what);
    }

    /** A write failure on {@code file}, as one line. */
    static DatasetFileException writeFailure(Path file, IOException e) {
        return DatasetFileException.forFile(file.toString(), "cannot write: " + e.getMessage());
    }
}
