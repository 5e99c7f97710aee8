package io.aiperf.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The command line: parsing, and errors mapped to one stderr line and an exit code. */
class MockServerMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MockServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsMeansTheDefaults() throws Exception {
        assertThat(MockServerMain.parse().config()).isEqualTo(MockConfig.defaults());
        assertThat(MockConfig.defaults()).extracting(MockConfig::host, MockConfig::port, MockConfig::ttftMs,
                MockConfig::itlMs, MockConfig::fast, MockConfig::errorRatePct, MockConfig::randomSeed)
                .containsExactly("127.0.0.1", 8000, 20.0, 5.0, false, 0.0, null);
    }

    @Test
    void everyOptionInBothSpellings() throws Exception {
        MockConfig expected = new MockConfig("0.0.0.0", 9001, 100.0, 2.5, true, 12.5, 7L);
        assertThat(MockServerMain.parse("--port", "9001", "--host", "0.0.0.0", "--ttft", "100", "--itl", "2.5",
                "--fast", "--error-rate", "12.5", "--random-seed", "7").config()).isEqualTo(expected);
        assertThat(MockServerMain.parse("--port=9001", "--host=0.0.0.0", "-t", "100", "--itl=2.5", "-f",
                "--error-rate=12.5", "--random-seed=7").config()).isEqualTo(expected);
    }

    @Test
    void dcgmOptions() throws Exception {
        assertThat(MockConfig.defaults().dcgm()).isEqualTo(new DcgmConfig(GpuProfile.H200, 2, 100, 1.0, "localhost",
                null, true));
        DcgmConfig dcgm = MockServerMain.parse("--dcgm-gpu-name", "B200", "--dcgm-num-gpus", "8",
                "--dcgm-min-throughput=250", "--dcgm-window-sec", "0.5", "--dcgm-hostname", "gpu-node",
                "--dcgm-seed", "11", "--no-dcgm-auto-load").config().dcgm();
        assertThat(dcgm).isEqualTo(new DcgmConfig(GpuProfile.B200, 8, 250, 0.5, "gpu-node", 11L, false));
        assertThat(MockServerMain.parse("--no-dcgm-auto-load", "--dcgm-auto-load").config().dcgm().autoLoad())
                .isTrue();
        for (GpuProfile gpu : GpuProfile.values()) {
            assertThat(MockServerMain.parse("--dcgm-gpu-name", gpu.cliName).config().dcgm().gpu()).isEqualTo(gpu);
            assertThat(gpu.idlePowerW).isPositive().isLessThan(gpu.powerLimitW);
        }
    }

    @Test
    void itemLatencyOptions() throws Exception {
        MockConfig config = MockServerMain.parse("--embedding-base-latency", "3", "--embedding-per-input-latency=0.5",
                "--ranking-base-latency", "4", "--ranking-per-passage-latency", "0.25").config();
        assertThat(config.latencies()).isEqualTo(new MockConfig.ItemLatencies(3, 0.5, 4, 0.25));
        MockConfig media = MockServerMain.parse("--image-retrieval-base-latency", "7",
                "--image-retrieval-per-image-latency", "1.5", "--video-job-time", "900", "--ranking-base-latency", "4")
                .config();
        assertThat(media.latencies()).isEqualTo(new MockConfig.ItemLatencies(10, 2, 4, 1, 7, 1.5, 900));
        assertThat(config.embeddingLatencyNs(2)).isEqualTo(4_000_000L);
        assertThat(config.rankingLatencyNs(4)).isEqualTo(5_000_000L);
        assertThat(config.withFast(true).rankingLatencyNs(4)).isZero();
        assertThat(MockConfig.defaults().latencies()).isEqualTo(new MockConfig.ItemLatencies(10, 2, 10, 1));
        assertThatThrownBy(() -> MockServerMain.parse("--ranking-base-latency", "-1"))
                .hasMessageStartingWith("Invalid value for option '--ranking-base-latency': ");
    }

    @Test
    void reasoningAndUsageOffsetOptions() throws Exception {
        MockConfig config = MockServerMain.parse("--reasoning-tokens", "40", "--usage-token-offset=3").config();
        assertThat(config.reasoningTokens()).isEqualTo(40);
        assertThat(config.usageTokenOffset()).isEqualTo(3);
        assertThat(MockConfig.defaults()).extracting(MockConfig::reasoningTokens, MockConfig::usageTokenOffset)
                .containsExactly(0, 0);
        assertThatThrownBy(() -> MockServerMain.parse("--reasoning-tokens", "-1"))
                .hasMessage("Invalid value for option '--reasoning-tokens': reasoning tokens must be >= 0, got -1");
    }

    @Test
    void helpIsNotAnError() throws Exception {
        assertThat(MockServerMain.parse("--port", "1", "--help", "--bogus").help()).isTrue();
        // picocli ignores what it cannot match once help is asked for, wherever --help stands.
        assertThat(MockServerMain.parse("--bogus", "-h").help()).isTrue();
        assertThat(MockServerMain.parse("--port", "1").help()).isFalse();

        assertThat(run("-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(MockServerMain.usage());
        assertThat(stderr()).isEmpty();
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndTheRoutes() {
        String usage = MockServerMain.usage();
        assertThat(usage).startsWith("Usage: aiperf-mock-server [OPTIONS]")
                .contains("Routes: POST /v1/chat/completions").contains("GET|DELETE /mock/requests")
                .contains("GET /metrics, /vllm/metrics").contains("GET /dcgm{N}/metrics").contains("/mock/metrics/reset")
                .contains("POST /v1/images/generations").contains("GET /v1/videos/{id}/content");
        CommandSpec spec = new CommandLine(new MockServerOptions()).getCommandSpec();
        assertThat(spec.options()).hasSize(25);
        for (OptionSpec option : spec.options()) {
            assertThat(usage).contains(option.negatable() ? option.longestName().replace("--", "--[no-]")
                    : String.join(", ", option.names()));
            boolean flag = option.usageHelp() || option.longestName().equals("--fast");
            if (!flag) {
                assertThat(String.join(" ", option.description())).as(option.longestName()).contains("(default: ");
            }
        }
        assertThat(usage).contains("(default: 8000)", "(default: 127.0.0.1)", "(default: 20.0)", "(default: 5.0)",
                "(default: 10.0)", "(default: 2.0)", "(default: 1.0)", "(default: random)");
    }

    @Test
    void aLaterOptionOverridesAnEarlierOne() throws Exception {
        MockConfig config = MockServerMain.parse("-p", "5", "--port=6", "--ttft", "1", "-t", "2",
                "--fault", "reset:10", "--fault", "stall:5", "--fault", "reset:20", "--fast", "-f").config();
        assertThat(config.port()).isEqualTo(6);
        assertThat(config.ttftMs()).isEqualTo(2.0);
        assertThat(config.faultsPct()).containsOnly(entry(Fault.RESET, 20.0), entry(Fault.STALL, 5.0));
        assertThat(config.fast()).isTrue();
    }

    @Test
    void unknownOptionsAndStrayArgumentsPointToHelp() {
        assertThat(run("--prot", "9000")).isEqualTo(2);
        assertThat(run("8000")).isEqualTo(2);
        assertThat(stderr().lines()).containsExactly(
                "aiperf-mock-server: Unknown options: '--prot', '9000' (see --help)",
                "aiperf-mock-server: Unmatched argument at index 0: '8000' (see --help)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus                   | Unknown option: '--bogus'",
        "stray                     | Unmatched argument at index 0: 'stray'",
        "--port                    | Missing required parameter for option '--port' (N)",
        "--port abc                | Invalid value for option '--port': 'abc' is not an int",
        "-p abc                    | Invalid value for option '--port': 'abc' is not an int",
        "--port 70000              | Invalid value for option '--port': port must be in [0, 65535], got 70000",
        "--host=                   | Invalid value for option '--host': host must not be empty",
        "--ttft fast               | Invalid value for option '--ttft': 'fast' is not a double",
        "--itl -1                  | Invalid value for option '--itl': itl must be a finite number >= 0 ms, got -1.0",
        "--itl NaN                 | Invalid value for option '--itl': itl must be a finite number >= 0 ms, got NaN",
        "--error-rate 101          | Invalid value for option '--error-rate': error rate must be in [0, 100] percent,"
            + " got 101.0",
        "--random-seed 1.5         | Invalid value for option '--random-seed': '1.5' is not a long",
        "--fast=yes                | option '--fast' should be specified without 'yes' parameter",
        "--fast=false              | option '--fast' should be specified without 'false' parameter",
        "--reasoning-tokens 2.5    | Invalid value for option '--reasoning-tokens': '2.5' is not an int",
        "--usage-token-offset -1   | Invalid value for option '--usage-token-offset': usage token offset must be"
            + " >= 0, got -1",
        "--embedding-per-input-latency soon | Invalid value for option '--embedding-per-input-latency': 'soon' is"
            + " not a double",
        "--embedding-per-input-latency -2 | Invalid value for option '--embedding-per-input-latency': latencies"
            + " must be finite numbers >= 0 ms, got -2.0",
        "--fault sse-error:101     | Invalid value for option '--fault': sse-error rate must be in [0, 100] percent,"
            + " got 101.0",
        "--fault sse-error:60 --fault reset:50 | Invalid value for option '--fault': fault rates (with the error"
            + " rate) add up to 110.0 percent, more than 100",
        "--error-rate 30 --fault stall:80 | Invalid value for option '--fault': fault rates (with the error rate)"
            + " add up to 110.0 percent, more than 100",
        "--fault stall:80 --error-rate 30 | Invalid value for option '--error-rate': fault rates (with the error"
            + " rate) add up to 110.0 percent, more than 100",
        "--fault bogus:5           | Invalid value for option '--fault': unknown fault 'bogus' (one of http-500,"
            + " sse-error, malformed-json, empty-choices, empty-content, reset, stall, http-429, http-503, oversize,"
            + " endless-stream, malformed-sse)",
        "--fault reset             | Invalid value for option '--fault': 'reset' is not NAME:PCT",
        "--dcgm-gpu-name v100      | Invalid value for option '--dcgm-gpu-name': unknown GPU 'v100' (one of rtx6000,"
            + " a100, h100, h100-sxm, h200, b200, gb200)",
        "--dcgm-num-gpus 0         | Invalid value for option '--dcgm-num-gpus': number of GPUs must be in [1, 64],"
            + " got 0",
        "--dcgm-min-throughput 0   | Invalid value for option '--dcgm-min-throughput': minimum throughput must be a"
            + " finite number > 0, got 0.0",
        "--dcgm-window-sec -1      | Invalid value for option '--dcgm-window-sec': window must be a finite number > 0"
            + " s, got -1.0",
        "--fault reset:lots        | Invalid value for option '--fault': 'lots' in 'reset:lots' is not a number",
    })
    void badCommandLinesAreUsageErrors(String args, String message) {
        assertThatThrownBy(() -> MockServerMain.parse(args.split(" ")))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith(message);

        assertThat(run(args.split(" "))).isEqualTo(2);
        assertThat(stderr()).startsWith("aiperf-mock-server: " + message).endsWith(System.lineSeparator());
        assertThat(stderr().lines()).hasSize(1);
        assertThat(out.size()).isZero();
    }

    @Test
    void portInUseExitsWithOneLine() {
        try (MockServer taken = MockServer.start(MockConfig.ephemeral())) {
            assertThat(run("--port", String.valueOf(taken.port()))).isEqualTo(1);
            assertThat(stderr()).startsWith("aiperf-mock-server: cannot listen on 127.0.0.1:" + taken.port());
            assertThat(stderr().lines()).hasSize(1);
        }
    }
}
