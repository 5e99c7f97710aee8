package io.aiperf.records.export;

import io.aiperf.core.error.OneLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JsonLinesFileTest {

    /** A full disk, as {@code /dev/full} is one for every write: the failure names the file, on one line. */
    @Test
    void aWriteThatFailsNamesTheFileAndTheReason(@TempDir Path dir) throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");
        Path file = dir.resolve("profile_export.jsonl");
        Files.createSymbolicLink(file, Path.of("/dev/full"));
        JsonLinesFile lines = new JsonLinesFile(file, null);
        lines.generator().writeStartObject();
        lines.generator().writeEndObject();
        lines.endLine(); // into the buffer: fine

        IOException flush = catchThrowableOfType(lines::flush, IOException.class);
        assertThat(flush).hasMessage("cannot write " + file + ": No space left on device");
        assertThat(OneLine.of(new IllegalStateException("wrapped", flush))).isEqualTo(flush.getMessage());
        assertThat(flush.getSuppressed()).hasSize(1);
        lines.close(); // what could not be written is gone; closing after the report must not hang or leak
    }

    @Test
    void linesThatWereWrittenAreWholeAfterClose(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.jsonl");
        JsonLinesFile lines = new JsonLinesFile(file, null);
        for (int i = 0; i < 3; i++) {
            lines.generator().writeStartObject();
            lines.generator().writeNumberField("i", i);
            lines.generator().writeEndObject();
            lines.endLine();
        }
        lines.close();
        assertThat(Files.readAllLines(file)).containsExactly("{\"i\":0}", "{\"i\":1}", "{\"i\":2}");
    }
}
