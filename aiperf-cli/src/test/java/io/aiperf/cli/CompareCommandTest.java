package io.aiperf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf compare} through picocli, in process, on two hand-made single-run directories. */
class CompareCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AiperfMain.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path runDir(String name, double ttftAvg, double rps) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("profile_export_aiperf.json"), """
                {"schema_version": "1.0", "aiperf_version": "0.1.0",
                 "request_throughput": {"unit": "requests/sec", "avg": %s},
                 "time_to_first_token": {"unit": "ms", "avg": %s, "p50": %s, "p99": 90.0, "std": 5.0},
                 "request_count": {"unit": "requests", "avg": 200.0},
                 "input_config": {"endpoint": {"model_names": ["m"]}}}
                """.formatted(rps, ttftAvg, ttftAvg));
        return dir;
    }

    @Test
    void printsEveryMetricWithItsDifferenceAndWritesTheJson() throws Exception {
        Path a = runDir("a", 40.0, 10.0);
        Path b = runDir("b", 50.0, 8.0);
        Path json = tmp.resolve("out/compare.json");

        Run r = run("compare", a.toString(), b.toString(), "--json", json.toString());

        assertThat(r.code()).as(r.err()).isZero();
        // TTFT 40 → 50 ms with std 5 over 200 requests each: far beyond the noise.
        // Not a terminal here: the table is plain ASCII, as it is in a CI log.
        assertThat(r.out()).doesNotContain("│").containsPattern("time_to_first_token_avg +\\| ms +\\| +40\\.00 \\| "
                + "+50\\.00 \\| +10\\.00 \\| +\\+25\\.00% \\| +0\\.0000 \\| yes");
        assertThat(r.out()).containsPattern("time_to_first_token_p99 .*\\| n/a");
        assertThat(r.out()).containsPattern("request_throughput_avg .*\\| +-20\\.00% \\| +n/a \\| n/a");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("metrics")).hasSize(4);
        assertThat(root.get("b").get("kind").asText()).isEqualTo("single_run");
    }

    @Test
    void aMissingDirectoryIsOneLineAndExitTwo() throws Exception {
        Path a = runDir("a", 40.0, 10.0);

        Run r = run("compare", a.toString(), tmp.resolve("nope").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("aiperf: error: cannot compare: '").contains("nope' is not a directory");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aDirectoryWithoutASummaryOrABadLevelIsAUsageError() throws Exception {
        Path a = runDir("a", 40.0, 10.0);
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Run noSummary = run("compare", a.toString(), empty.toString());
        assertThat(noSummary.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSummary.err()).contains("profile_export_aiperf.json does not exist");

        Run badLevel = run("compare", a.toString(), a.toString(), "--confidence-level", "95");
        assertThat(badLevel.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badLevel.err()).contains("--confidence-level must be between 0 and 1");
    }

    @Test
    void helpSaysWhatHasNoNoiseEstimate() {
        Run r = run("compare", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Welch").contains("request_count as n").contains("\"n/a\"");
    }
}
