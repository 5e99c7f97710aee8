package io.aiperf.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void givesTheLastLinesOldestFirst() throws Exception {
        Path log = dir.resolve("aiperf.log");
        Files.writeString(log, "one\ntwo\n\nthree\nfour\n");
        assertThat(new LogTail(log).last(2)).containsExactly("three", "four");
        assertThat(new LogTail(log).last(10)).containsExactly("one", "two", "three", "four");
    }

    @Test
    void aLongLogIsReadFromItsTailOnlyAndTheCutLineIsDropped() throws Exception {
        Path log = dir.resolve("aiperf.log");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            s.append("line number ").append(i).append('\n');
        }
        Files.writeString(log, s);
        assertThat(new LogTail(log).last(3)).containsExactly("line number 19997", "line number 19998",
                "line number 19999");
        assertThat(new LogTail(log).last(100_000)).allMatch(l -> l.startsWith("line number "))
                .hasSizeLessThan(LogTail.TAIL_BYTES / 12);
    }

    @Test
    void aMissingLogIsAnEmptyPane() {
        assertThat(new LogTail(dir.resolve("absent.log")).last(5)).isEmpty();
        assertThat(new LogTail(null).last(5)).isEmpty();
    }
}
