package io.aiperf.cli.e2e;

import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A user mistake gets one line naming the cause and a non-zero exit: never a stack trace. */
class BadInputIT {

    @TempDir
    Path tmp;

    private AiperfProcess.Result aiperf(String... args) throws Exception {
        return AiperfProcess.run(tmp, List.of(args), 60);
    }

    private static void assertOneLineError(AiperfProcess.Result r, String expected) {
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("aiperf: error: ").contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownOption() throws Exception {
        assertOneLineError(aiperf("profile", "-m", "m", "--no-such-option"), "--no-such-option");
    }

    @Test
    void missingModel() throws Exception {
        assertOneLineError(aiperf("profile", "-u", "localhost:1"), "-m/--model-names");
    }

    @Test
    void negativeCount() throws Exception {
        assertOneLineError(aiperf("profile", "-m", "m", "--request-count", "-5"), "--request-count");
    }

    @Test
    void notANumber() throws Exception {
        assertOneLineError(aiperf("profile", "-m", "m", "--concurrency", "many"), "--concurrency");
    }

    @Test
    void concurrencyAboveRequestCount() throws Exception {
        assertOneLineError(aiperf("profile", "-m", "m", "--concurrency", "8", "--request-count", "4"),
                "must not exceed --request-count");
    }

    @Test
    void tokenizerPathThatDoesNotExist() throws Exception {
        assertOneLineError(aiperf("profile", "-m", "m", "--tokenizer", "/no/such/tokenizer.json"),
                "path does not exist: /no/such/tokenizer.json");
    }

    @Test
    void explicitHubTokenizerThatCannotBeLoaded() throws Exception {
        try (MockServer mock = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            AiperfProcess.Result r = AiperfProcess.run(tmp, List.of("profile", "-m", "m", "-u",
                    "127.0.0.1:" + mock.port(), "--tokenizer", "no-such-org/no-such-tokenizer",
                    "--artifact-dir", tmp.resolve("a").toString()), 90);
            assertOneLineError(r, "no-such-org/no-such-tokenizer");
            assertThat(mock.requestLog()).isEmpty();
        }
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void malformedExtraInputs() throws Exception {
        assertOneLineError(aiperf("profile", "-m", "m", "--extra-inputs", "just-a-word"), "--extra-inputs");
    }

    @Test
    void unreachableUrlFailsFast() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        long start = System.nanoTime();
        AiperfProcess.Result r = aiperf("profile", "-m", "m", "-u", "http://127.0.0.1:" + freePort,
                "--tokenizer", "builtin", "--artifact-dir", tmp.resolve("a").toString());
        assertOneLineError(r, "cannot reach http://127.0.0.1:" + freePort);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10 + 5);
    }
}
