package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiperf.mock.MockServerMain.Command;
import io.aiperf.mock.MockServerMain.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void itemLatencyOptions() throws Exception {
        MockConfig config = MockServerMain.parse("--embedding-base-latency", "3", "--embedding-per-input-latency=0.5",
                "--ranking-base-latency", "4", "--ranking-per-passage-latency", "0.25").config();
        assertThat(config.latencies()).isEqualTo(new MockConfig.ItemLatencies(3, 0.5, 4, 0.25));
        assertThat(config.embeddingLatencyNs(2)).isEqualTo(4_000_000L);
        assertThat(config.rankingLatencyNs(4)).isEqualTo(5_000_000L);
        assertThat(config.withFast(true).rankingLatencyNs(4)).isZero();
        assertThat(MockConfig.defaults().latencies()).isEqualTo(new MockConfig.ItemLatencies(10, 2, 10, 1));
        assertThatThrownBy(() -> MockServerMain.parse("--ranking-base-latency", "-1"))
                .hasMessageContaining("--ranking-base-latency");
    }

    @Test
    void reasoningAndUsageOffsetOptions() throws Exception {
        MockConfig config = MockServerMain.parse("--reasoning-tokens", "40", "--usage-token-offset=3").config();
        assertThat(config.reasoningTokens()).isEqualTo(40);
        assertThat(config.usageTokenOffset()).isEqualTo(3);
        assertThat(MockConfig.defaults()).extracting(MockConfig::reasoningTokens, MockConfig::usageTokenOffset)
                .containsExactly(0, 0);
        assertThatThrownBy(() -> MockServerMain.parse("--reasoning-tokens", "-1"))
                .hasMessageContaining("invalid value for --reasoning-tokens: -1");
    }

    @Test
    void helpIsNotAnError() throws Exception {
        Command command = MockServerMain.parse("--port", "1", "--help", "--bogus");
        assertThat(command.help()).isTrue();

        assertThat(run("-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: aiperf-mock-server").contains("--ttft");
        assertThat(stderr()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus                   | unknown option: --bogus",
        "stray                     | unexpected argument: stray",
        "--port                    | option --port needs a value",
        "--port abc                | invalid value for --port: 'abc' is not an integer",
        "--port 70000              | invalid value for --port: 70000",
        "--ttft fast               | invalid value for --ttft: 'fast' is not a number",
        "--itl -1                  | invalid value for --itl: -1",
        "--error-rate 101          | invalid value for --error-rate: 101",
        "--random-seed 1.5         | invalid value for --random-seed: '1.5' is not an integer",
        "--fast=yes                | option --fast takes no value",
        "--usage-token-offset -1   | invalid value for --usage-token-offset: -1 (usage token offset must be >= 0,"
            + " got -1)",
        "--embedding-per-input-latency soon | invalid value for --embedding-per-input-latency: 'soon' is not a"
            + " number",
        "--embedding-per-input-latency -2 | invalid value for --embedding-per-input-latency: -2 (latencies must be"
            + " finite numbers >= 0 ms, got -2.0)",
        "--fault sse-error:101     | invalid value for --fault: sse-error:101 (sse-error rate must be in [0, 100]"
            + " percent, got 101.0)",
        "--fault sse-error:60 --fault reset:50 | invalid value for --fault: reset:50 (fault rates (with the error"
            + " rate) add up to 110.0 percent, more than 100)",
        "--error-rate 30 --fault stall:80 | invalid value for --fault: stall:80 (fault rates (with the error rate)"
            + " add up to 110.0 percent, more than 100)",
        "--fault bogus:5           | invalid value for --fault: unknown fault 'bogus' (one of http-500, sse-error,"
            + " malformed-json, empty-choices, empty-content, reset, stall)",
    })
    void badCommandLinesAreUsageErrors(String args, String message) {
        assertThatThrownBy(() -> MockServerMain.parse(args.split(" ")))
                .isInstanceOf(UsageException.class)
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
