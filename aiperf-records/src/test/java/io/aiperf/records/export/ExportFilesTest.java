package io.aiperf.records.export;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFilesTest {

    private final Path dir = Path.of("/runs/a");

    @Test
    void defaultNamesAreAiperfs() {
        ExportFiles files = new ExportFiles(dir, null);
        assertThat(files.summaryJson()).isEqualTo(dir.resolve("profile_export_aiperf.json"));
        assertThat(files.summaryCsv()).isEqualTo(dir.resolve("profile_export_aiperf.csv"));
        assertThat(files.recordsJsonl()).isEqualTo(dir.resolve("profile_export.jsonl"));
        assertThat(files.rawJsonl()).isEqualTo(dir.resolve("profile_export_raw.jsonl"));
        assertThat(files.timeslicesJson()).isEqualTo(dir.resolve("profile_export_aiperf_timeslices.json"));
        assertThat(files.timeslicesCsv()).isEqualTo(dir.resolve("profile_export_aiperf_timeslices.csv"));
    }

    @Test
    void aPrefixNamesEveryFile() {
        ExportFiles files = new ExportFiles(dir, "run7");
        assertThat(files.summaryJson()).isEqualTo(dir.resolve("run7.json"));
        assertThat(files.summaryCsv()).isEqualTo(dir.resolve("run7.csv"));
        assertThat(files.recordsJsonl()).isEqualTo(dir.resolve("run7.jsonl"));
        assertThat(files.rawJsonl()).isEqualTo(dir.resolve("run7_raw.jsonl"));
        assertThat(files.timeslicesJson()).isEqualTo(dir.resolve("run7_timeslices.json"));
        assertThat(files.timeslicesCsv()).isEqualTo(dir.resolve("run7_timeslices.csv"));
    }
}
