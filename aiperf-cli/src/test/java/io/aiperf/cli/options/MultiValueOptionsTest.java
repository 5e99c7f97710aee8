package io.aiperf.cli.options;

import io.aiperf.cli.AiperfMain;
import io.aiperf.cli.ExitCodes;
import io.aiperf.core.config.BenchmarkConfig;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** AIPerf's list options take several values after one flag, and repeated flags, with the same result. */
class MultiValueOptionsTest {

    @Test
    void modelNamesAfterOneFlagOrRepeated() {
        BenchmarkConfig several = Cli.resolve("-m", "a", "b", "--streaming");
        BenchmarkConfig repeated = Cli.resolve("-m", "a", "-m", "b", "--streaming");
        BenchmarkConfig commas = Cli.resolve("--model-names", "a,b");

        assertThat(several.endpoint().modelNames()).containsExactly("a", "b");
        assertThat(repeated.endpoint().modelNames()).containsExactly("a", "b");
        assertThat(commas.endpoint().modelNames()).containsExactly("a", "b");
        assertThat(several.endpoint().streaming()).isTrue();
    }

    @Test
    void anAttachedValueIsOneValue() {
        assertThat(Cli.resolve("--model-names=a", "b").endpoint().modelNames()).containsExactly("a", "b");
    }

    @Test
    void aValueStartingWithADashIsStillTakenByAnOptionOfOneValue() {
        assertThat(Cli.m("--api-key", "-leading-dash-key", "-u", "h1:1").endpoint().apiKey())
                .isEqualTo("-leading-dash-key");
    }

    @Test
    void urlsAfterOneFlagOrRepeated() {
        assertThat(Cli.m("-u", "h1:8000", "h2:8001", "--isl", "7").endpoint().urls())
                .containsExactly("http://h1:8000", "http://h2:8001");
        assertThat(Cli.m("-u", "h1:8000", "--url", "h2:8001").endpoint().urls())
                .containsExactly("http://h1:8000", "http://h2:8001");
    }

    @Test
    void extraInputsAfterOneFlagOrRepeated() {
        Map<String, Object> expected = Map.of("ignore_eos", true, "top_k", 5L);
        assertThat(Cli.m("--extra-inputs", "ignore_eos:true", "top_k:5").endpoint().extraInputs())
                .isEqualTo(expected);
        assertThat(Cli.m("--extra-inputs", "ignore_eos:true", "--extra-inputs", "top_k:5").endpoint().extraInputs())
                .isEqualTo(expected);
    }

    @Test
    void headersAfterOneFlagOrRepeatedKeepTheSpacesInAValue() {
        Map<String, String> expected = Map.of("X-Note", "two words", "X-Team", "perf");
        assertThat(Cli.m("-H", "X-Note: two words", "X-Team:perf").endpoint().headers()).isEqualTo(expected);
        assertThat(Cli.m("-H", "X-Note: two words", "--header", "X-Team:perf").endpoint().headers())
                .isEqualTo(expected);
    }

    @Test
    void goodputAsSeveralValuesOrOneQuotedString() {
        Map<String, Double> expected = Map.of("request_latency", 250.0, "inter_token_latency", 10.0);
        assertThat(Cli.m("--streaming", "--goodput", "request_latency:250", "inter_token_latency:10")
                .metrics().goodput()).isEqualTo(expected);
        assertThat(Cli.m("--streaming", "--goodput", "request_latency:250 inter_token_latency:10")
                .metrics().goodput()).isEqualTo(expected);
        assertThat(Cli.m("--streaming", "--goodput", "request_latency:250", "--goodput", "inter_token_latency:10")
                .metrics().goodput()).isEqualTo(expected);
    }

    @Test
    void aValueListEndsAtAnUnknownOptionWhichIsStillAnError() {
        StringWriter err = new StringWriter();
        int code = AiperfMain.execute(new String[] {"profile", "-m", "a", "b", "--no-such-option"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("aiperf: error: Unknown option: '--no-such-option'");
    }
}
