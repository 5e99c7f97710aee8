package io.aiperf.cli.sweep;

import io.aiperf.cli.AiperfCommandLine;
import io.aiperf.cli.AiperfMain;
import io.aiperf.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command as the user meets it; points run through a recording runner that starts nothing. */
class SweepCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("sweep.yaml"), yaml);
    }

    private int aiperf(String... args) {
        return AiperfMain.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** Each row of the sweep summary as "label status[ error]". */
    private static List<String> summaryRows(Path base) throws java.io.IOException {
        List<String> rows = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode p : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(base.resolve("sweep_summary.json").toFile()).get("points")) {
            String error = p.path("error").asText("");
            rows.add(p.get("label").asText() + " " + p.get("status").asText()
                    + (error.startsWith("exit code") ? " " + error : ""));
        }
        return rows;
    }

    /**
     * {@code aiperf sweep args…} as the user runs it, with {@code runner} in place of real profile runs; without an
     * {@code --artifact-dir}, the sweep's base is {@code dir/artifacts/sweep} (the summary is written there).
     */
    private int sweep(PointRunner runner, String... args) {
        if (!List.of(args).contains("--artifact-dir")) {
            List<String> withDir = new ArrayList<>(List.of(args));
            withDir.addAll(List.of("--artifact-dir", dir.resolve("artifacts/sweep").toString()));
            args = withDir.toArray(String[]::new);
        }
        CommandLine root = AiperfCommandLine.create(new PrintWriter(out), new PrintWriter(err));
        SweepCommand command = root.getSubcommands().get("sweep").getCommand();
        command.runner = runner;
        List<String> argv = new ArrayList<>(List.of("sweep"));
        argv.addAll(List.of(args));
        return root.execute(argv.toArray(String[]::new));
    }

    @Test
    void aDryRunPrintsEveryPointWithCredentialsMaskedAndRunsNothing() throws Exception {
        Path f = file("""
                profile:
                  model: m
                  api-key: sk-sweep-secret-2291
                  header: ["Authorization: Bearer tok-sweep-5521", "X-Trace: on"]
                  ui: none
                sweep:
                  concurrency: [1, 2]
                  request-rate: [5]
                """);

        int code = aiperf("sweep", "--config", f.toString(), "--artifact-dir", dir.resolve("out").toString(),
                "--url", "http://127.0.0.1:1", "--dry-run");

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("c1/r5  aiperf profile --model m --api-key '<redacted>' --header "
                + "'Authorization:<redacted>' --header 'X-Trace: on' --ui none --url http://127.0.0.1:1 "
                + "--concurrency 1 --request-rate 5 --artifact-dir ");
        assertThat(lines.get(1)).startsWith("c2/r5  aiperf profile ").endsWith("c2" + java.io.File.separator + "r5");
        assertThat(lines.get(2)).isEqualTo("2 points (dry run: nothing was run)");
        assertThat(out.toString()).doesNotContain("sk-sweep-secret-2291").doesNotContain("tok-sweep-5521");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aBadKeyIsOneLineNamingFileAndLineExit2() throws Exception {
        Path f = file("profile:\n  model: m\nsweep:\n  concurency: [1]\n");

        int code = aiperf("sweep", "--config", f.toString(), "--dry-run");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip().lines()).containsExactly("aiperf: error: " + f
                + ":4: unknown sweep key 'concurency' (did you mean 'concurrency'?) (see 'aiperf sweep --help')");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aUsageErrorInAnyPointStopsTheSweepBeforeAnythingRuns() throws Exception {
        Path f = file("profile:\n  model: m\nsweep:\n  concurrency: [1, 0]\n");
        List<List<String>> ran = new ArrayList<>();

        int code = sweep(args -> {
            ran.add(args);
            return 0;
        }, "--config", f.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(ran).isEmpty();
        assertThat(err.toString().strip()).isEqualTo("aiperf: error: point c0: --concurrency must be at least 1 (got 0) "
                + "(see 'aiperf sweep --help')");
    }

    @Test
    void anUnknownCommandLineOptionIsFoundUpFront() throws Exception {
        Path f = file("profile:\n  model: m\nsweep:\n  concurrency: [1]\n");

        int code = aiperf("sweep", "--config", f.toString(), "--api-kee", "sk-typo-value-77");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("aiperf: error: point c1: Unknown option: '--api-kee'")
                .doesNotContain("sk-typo-value-77");
    }

    @Test
    void aFailedPointIsReportedAndTheSweepGoesOn() throws Exception {
        Path f = file("profile:\n  model: m\nsweep:\n  concurrency: [1, 2, 3]\n");
        List<String> ran = new ArrayList<>();

        int code = sweep(args -> {
            String c = args.get(args.indexOf("--concurrency") + 1);
            ran.add(c);
            return c.equals("2") ? ExitCodes.FAILED : ExitCodes.OK;
        }, "--config", f.toString(), "--artifact-dir", dir.resolve("out").toString());

        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(ran).containsExactly("1", "2", "3");
        assertThat(out.toString()).contains("aiperf sweep: point 2 of 3: c2");
        assertThat(summaryRows(dir.resolve("out"))).containsExactly("c1 failed", "c2 failed exit code 1", "c3 failed");
    }

    @Test
    void everyPointSucceedingIsExit0() throws Exception {
        Path f = file("profile:\n  model: m\nsweep:\n  concurrency: [1, 2]\n");

        assertThat(sweep(args -> ExitCodes.OK, "--config", f.toString())).isZero();
    }

    @Test
    void anInterruptedPointStopsTheSweepWithItsCode() throws Exception {
        Path f = file("profile:\n  model: m\nsweep:\n  concurrency: [1, 2, 3]\n");
        List<String> ran = new ArrayList<>();

        int code = sweep(args -> {
            ran.add(args.get(args.indexOf("--concurrency") + 1));
            return ran.size() == 2 ? ExitCodes.TERMINATED : ExitCodes.OK;
        }, "--config", f.toString());

        assertThat(code).isEqualTo(ExitCodes.TERMINATED);
        assertThat(ran).containsExactly("1", "2");
        // The fake runs write no exports, so the summary lists them without metrics; c3 never ran.
        assertThat(summaryRows(dir.resolve("artifacts/sweep"))).containsExactly("c1 failed",
                "c2 failed exit code 143");
    }

    @Test
    void aSignalBetweenPointsStopsBeforeTheNext() throws Exception {
        Path f = file("profile:\n  model: m\nsweep:\n  concurrency: [1, 2, 3]\n");
        List<String> ran = new ArrayList<>();
        PointRunner runner = new PointRunner() {
            @Override
            public int run(List<String> args) {
                ran.add(args.get(args.indexOf("--concurrency") + 1));
                return ExitCodes.OK;
            }

            @Override
            public int stopRequested() {
                return ran.size() == 1 ? ExitCodes.INTERRUPTED : ExitCodes.OK;
            }
        };

        assertThat(sweep(runner, "--config", f.toString())).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(ran).containsExactly("1");
    }

    @Test
    void theHelpShowsTheSweepOptions() {
        assertThat(aiperf("sweep", "--help")).isZero();
        assertThat(out.toString()).contains("--config=FILE").contains("--dry-run").contains("docs/sweeps.md");
    }
}
