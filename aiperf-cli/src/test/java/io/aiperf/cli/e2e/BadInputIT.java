package io.aiperf.cli.e2e;

import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A user mistake gets one line naming the cause and a non-zero exit: never a stack trace. */
class BadInputIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(60);

    private static void assertOneLineError(AiperfRun r, String expected) {
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("aiperf: error: ").contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownOption() throws Exception {
        assertOneLineError(aiperf.run("profile", "-m", "m", "--no-such-option"), "--no-such-option");
    }

    @Test
    void missingModel() throws Exception {
        assertOneLineError(aiperf.run("profile", "-u", "localhost:1"), "-m/--model-names");
    }

    @Test
    void negativeCount() throws Exception {
        assertOneLineError(aiperf.run("profile", "-m", "m", "--request-count", "-5"), "--request-count");
    }

    @Test
    void notANumber() throws Exception {
        assertOneLineError(aiperf.run("profile", "-m", "m", "--concurrency", "many"), "--concurrency");
    }

    @Test
    void concurrencyAboveRequestCount() throws Exception {
        assertOneLineError(aiperf.run("profile", "-m", "m", "--concurrency", "8", "--request-count", "4"),
                "must not exceed --request-count");
    }

    @Test
    void tokenizerPathThatDoesNotExist() throws Exception {
        assertOneLineError(aiperf.run("profile", "-m", "m", "--tokenizer", "/no/such/tokenizer.json"),
                "path does not exist: /no/such/tokenizer.json");
    }

    @Test
    void explicitHubTokenizerThatCannotBeLoaded() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = aiperf.within(90).profile("-m", "m", "--tokenizer", "no-such-org/no-such-tokenizer");
        assertOneLineError(r, "no-such-org/no-such-tokenizer");
        assertThat(mock.requestLog()).isEmpty();
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void malformedExtraInputs() throws Exception {
        assertOneLineError(aiperf.run("profile", "-m", "m", "--extra-inputs", "just-a-word"), "--extra-inputs");
    }

    @Test
    void unreachableUrlFailsFast() throws Exception {
        String closed = AiperfProcess.closedEndpoint();
        long start = System.nanoTime();
        AiperfRun r = aiperf.profile("-m", "m", "-u", closed);
        assertOneLineError(r, "cannot reach " + closed);
        assertThat((System.nanoTime() - start) / 1e9).as("one line within 10 s").isLessThan(10);
    }
}
