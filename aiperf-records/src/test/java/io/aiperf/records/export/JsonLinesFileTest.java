package io.aiperf.records.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesFileTest {

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
