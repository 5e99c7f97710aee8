package io.aiperf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf plot}'s command line: what it writes where, and its mistakes as one line with exit 2. */
class PlotCommandTest {

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result plot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = new String[args.length + 1];
        argv[0] = "plot";
        System.arraycopy(args, 0, argv, 1, args.length);
        int code = AiperfMain.execute(argv, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path run(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("profile_export_aiperf.json"), "{\"input_config\":{\"loadgen\":{\"concurrency\":1}},"
                + "\"time_to_first_token\":{\"unit\":\"ms\",\"avg\":12.5}}");
        Files.writeString(dir.resolve("profile_export.jsonl"),
                "{\"metadata\":{\"benchmark_phase\":\"profiling\"},\"metrics\":{\"time_to_first_token\":{\"value\":12.5}}}\n");
        return dir;
    }

    @Test
    void writesTheReportUnderTheFirstDirByDefaultAndPrintsEachFile() throws Exception {
        Path dir = run("c1");

        Result r = plot(dir.toString(), "--no-png");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly(dir.resolve("plots/report.html").toString());
        assertThat(dir.resolve("plots/report.html")).isRegularFile();
    }

    @Test
    void writesPngsBesideTheHtmlInTheOutputGiven() throws Exception {
        Path out = tmp.resolve("out");

        Result r = plot(run("c1").toString(), "--output", out.toString(), "--theme", "dark");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains(out.resolve("report.html").toString(), out.resolve("ttft_cdf.png").toString());
        assertThat(out.resolve("ttft_cdf.png")).isRegularFile();
    }

    @Test
    void aDirWithoutARunIsOneLineAndExitTwo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Result r = plot(run("c1").toString(), empty.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).singleElement().asString()
                .startsWith("aiperf: error: " + empty + ": no profile_export_aiperf.json found");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        String dir = run("c1").toString();

        assertThat(plot(dir, "--num-gpus", "0").err()).startsWith("aiperf: error: --num-gpus must be at least 1, got 0");
        assertThat(plot(dir, "--num-gpus", "0").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(plot(dir, "--theme", "pink").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(plot().code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aiperfsPathsOptionNamesTheDirectoriesToo() throws Exception {
        Path out = tmp.resolve("via-paths");

        Result r = plot("--paths", run("c1").toString(), run("c2").toString(), "--output", out.toString(), "--no-png");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(Files.readString(out.resolve("report.html"))).contains("c1").contains("c2");
    }

    @Test
    void noDirectoryAtAllIsOneLine() {
        Result r = plot("--theme", "dark");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("aiperf: error: no artifact directory: give DIR... or --paths DIR...");
    }

    @Test
    void aDashboardPortOutOfRangeIsOneLine() throws Exception {
        Result r = plot(run("c1").toString(), "--dashboard", "--port", "70000");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("aiperf: error: --port must be between 0 and 65535, got 70000");
    }

    @Test
    void aDashboardPortAlreadyTakenIsOneLineAfterTheReportIsWritten() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Path out = tmp.resolve("taken");
            Result r = plot(run("c1").toString(), "--output", out.toString(), "--no-png", "--dashboard",
                    "--port", String.valueOf(taken.getLocalPort()));

            assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().strip()).startsWith("aiperf: error: --dashboard: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort());
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(out.resolve("report.html")).isRegularFile();
        }
    }
}
