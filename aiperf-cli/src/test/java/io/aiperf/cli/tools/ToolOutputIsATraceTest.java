package io.aiperf.cli.tools;

import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the generators write is what {@code aiperf profile --input-file} reads as a mooncake trace. */
class ToolOutputIsATraceTest {

    @TempDir
    Path tmp;

    @Test
    void sineAndBurstGptOutputsAreDetectedAsMooncakeTraces() throws Exception {
        Path sine = tmp.resolve("sine.jsonl");
        assertThat(ToolRun.run("synthesize-sine", "--output", sine.toString(), "--duration", "5",
                "--request-rate-min", "5", "--request-rate-max", "5", "--request-rate-period", "5",
                "--total-blocks", "100", "--random-seed", "1").exitCode()).isZero();
        assertThat(FileDatasetLoader.detect(sine)).isEqualTo(DatasetFormat.MOONCAKE_TRACE);

        Path csv = tmp.resolve("b.csv");
        Files.writeString(csv, "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n"
                + "5,ChatGPT,472,18,490,Conversation log\n");
        Path converted = tmp.resolve("b.jsonl");
        assertThat(ToolRun.run("convert-burstgpt", "--input", csv.toString(), "--output", converted.toString())
                .exitCode()).isZero();
        assertThat(FileDatasetLoader.detect(converted)).isEqualTo(DatasetFormat.MOONCAKE_TRACE);

        // And the analyzer reads both back.
        assertThat(ToolRun.run("analyze-trace", "--input-file", sine.toString()).exitCode()).isZero();
        assertThat(ToolRun.run("analyze-trace", "--input-file", converted.toString()).exitCode()).isZero();
    }
}
