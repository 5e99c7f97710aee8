package io.aiperf.records.export;

import io.aiperf.core.error.OneLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
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

    /** What a process killed at any moment leaves: the file as it is between two writes. */
    private static void assertWholeLines(Path path) throws Exception {
        long size = Files.size(path);
        if (size == 0) {
            return;
        }
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            f.seek(size - 1);
            assertThat(f.read()).as("the file ends with a complete line at %d bytes", size).isEqualTo('\n');
        }
    }

    @Test
    void theFileOnlyEverHoldsWholeLinesWhateverTheirSize(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("lines.jsonl");
        long grewTimes = 0;
        long lastSize = 0;
        try (JsonLinesFile file = new JsonLinesFile(path, null)) {
            for (int i = 0; i < 3000; i++) {
                file.checkOpen();
                file.generator().writeStartObject();
                file.generator().writeNumberField("i", i);
                // 97-byte to ~30 KiB lines, so a write boundary falls anywhere in a line
                file.generator().writeStringField("text", "é".repeat(1 + (i * 7919) % 15000));
                file.generator().writeEndObject();
                file.endLine();
                assertWholeLines(path);
                long size = Files.size(path);
                if (size != lastSize) {
                    grewTimes++;
                    lastSize = size;
                }
            }
            file.flush();
            assertWholeLines(path);
        }
        assertThat(grewTimes).as("lines reached the file while it was being written, not only at the end")
                .isGreaterThan(10);
        assertThat(Files.readAllLines(path)).hasSize(3000)
                .allSatisfy(line -> assertThat(line).startsWith("{\"i\":").endsWith("\"}"));
    }
}
