package io.aiperf.cli.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace tools through bin/aiperf: a generated trace reads back, and mistakes are one line on stderr. */
class TraceToolsIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(60);

    @Test
    void synthesizeThenAnalyze() throws Exception {
        AiperfRun gen = aiperf.run("synthesize-sine", "--output", "sine.jsonl", "--duration", "20",
                "--request-rate-min", "1", "--request-rate-max", "5", "--request-rate-period", "10",
                "--random-seed", "9");
        assertThat(gen.exitCode()).as(gen.stderr()).isZero();
        assertThat(gen.stderr()).isBlank();
        AiperfRun report = aiperf.run("analyze-trace", "--input-file", "sine.jsonl", "--output-file",
                "report.json");
        assertThat(report.exitCode()).as(report.stderr()).isZero();
        assertThat(report.stdout()).contains("Mean request rate").contains("Block hit ratio");
        assertThat(Files.readString(aiperf.dir().resolve("report.json"))).contains("\"request_count\"");
    }

    @Test
    void badInputsAreOneLine() throws Exception {
        Files.writeString(aiperf.dir().resolve("bad.jsonl"), "{\"input_length\": 1}\n{oops}\n");
        for (AiperfRun r : List.of(
                aiperf.run("analyze-trace", "--input-file", "bad.jsonl"),
                aiperf.run("analyze-trace", "--input-file", "missing.jsonl"),
                aiperf.run("convert-burstgpt", "--input", "bad.jsonl", "--output", "out.jsonl", "--speed-ratio", "-1"),
                aiperf.run("synthesize-sine", "--output", "x.jsonl", "--duration", "1"))) {
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
            assertThat(r.stderr()).startsWith("aiperf: error: ").doesNotContain("Exception");
        }
    }
}
