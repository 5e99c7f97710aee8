package io.aiperf.cli.options;

import io.aiperf.core.config.SynthesisConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.aiperf.cli.options.Cli.m;
import static io.aiperf.cli.options.Cli.rejects;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --synthesis-*}: resolved into InputConfig, with AIPerf's ranges and its trace-dataset rule. */
class SynthesisOptionsTest {

    @TempDir
    Path tmp;

    private String trace;
    private String single;

    @BeforeEach
    void writeFiles() throws IOException {
        trace = Files.writeString(tmp.resolve("trace.jsonl"),
                "{\"timestamp\": 0, \"input_length\": 10}\n{\"timestamp\": 5, \"input_length\": 10}\n").toString();
        single = Files.writeString(tmp.resolve("single.jsonl"), "{\"text\": \"hi\"}\n").toString();
    }

    @Test
    void withoutOptionsNothingIsSynthesized() {
        assertThat(m("--input-file", trace).input().synthesis()).isEqualTo(SynthesisConfig.NONE);
        assertThat(m().input().synthesis()).isEqualTo(SynthesisConfig.NONE);
    }

    @Test
    void everyOptionReachesTheConfig() {
        SynthesisConfig s = m("--input-file", trace, "--synthesis-speedup-ratio", "2.5",
                "--synthesis-prefix-len-multiplier", "1.5", "--synthesis-prefix-root-multiplier", "3",
                "--synthesis-prompt-len-multiplier", "0.5", "--synthesis-max-isl", "4096",
                "--synthesis-max-osl", "256").input().synthesis();

        assertThat(s).isEqualTo(new SynthesisConfig(2.5, 1.5, 3, 0.5, 4096, 256));
    }

    @Test
    void explicitTraceTypesAreAccepted() {
        assertThat(m("--input-file", trace, "--custom-dataset-type", "mooncake_trace",
                "--synthesis-max-osl", "5").input().synthesis().maxOsl()).isEqualTo(5);
    }

    @Test
    void rangesAreAIPerfs() {
        rejects("--input-file", trace, "--synthesis-speedup-ratio", "-1")
                .hasMessage("--synthesis-speedup-ratio must not be negative (got -1.0)");
        rejects("--input-file", trace, "--synthesis-prefix-len-multiplier", "-0.5")
                .hasMessageContaining("--synthesis-prefix-len-multiplier must not be negative");
        rejects("--input-file", trace, "--synthesis-prompt-len-multiplier", "inf")
                .hasMessageContaining("--synthesis-prompt-len-multiplier must be a finite number");
        rejects("--input-file", trace, "--synthesis-prefix-root-multiplier", "0")
                .hasMessage("--synthesis-prefix-root-multiplier must be at least 1 (got 0)");
        rejects("--input-file", trace, "--synthesis-max-isl", "0")
                .hasMessage("--synthesis-max-isl must be at least 1 (got 0)");
        rejects("--input-file", trace, "--synthesis-max-osl", "0")
                .hasMessage("--synthesis-max-osl must be at least 1 (got 0)");
    }

    @Test
    void aZeroSpeedupIsAcceptedAsAIPerfDoes() {
        assertThat(m("--input-file", trace, "--synthesis-speedup-ratio", "0").input().synthesis().speedupRatio())
                .isZero();
    }

    @Test
    void aNonTraceDatasetTypeIsRefused() {
        rejects("--input-file", single, "--custom-dataset-type", "single_turn", "--synthesis-speedup-ratio", "2")
                .hasMessageContaining("--synthesis-* options need a trace dataset type")
                .hasMessageContaining("single_turn");
        rejects("--input-file", single, "--custom-dataset-type", "single_turn", "--synthesis-max-isl", "100")
                .hasMessageContaining("need a trace dataset type");
    }

    @Test
    void synthesisWithoutAnInputFileIsRefused() {
        rejects("--synthesis-prefix-root-multiplier", "2")
                .hasMessageContaining("--synthesis-* options need a trace dataset: --input-file");
    }

    @Test
    void defaultValuesGivenExplicitlyNeedNoTrace() {
        assertThat(m("--synthesis-speedup-ratio", "1.0", "--synthesis-prefix-root-multiplier", "1").input()
                .synthesis()).isEqualTo(SynthesisConfig.NONE);
    }
}
