package io.aiperf.cli.options;

import io.aiperf.core.config.InputConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.aiperf.cli.options.Cli.m;
import static io.aiperf.cli.options.Cli.rejects;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --prompt-batch-size}, the context prompt options and the rankings options, with AIPerf's rules. */
class PromptShapeOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"-b", "--prompt-batch-size", "--batch-size-text", "--batch-size"})
    void batchSizeAndItsAliases(String name) {
        assertThat(m(name, "4").input().prompts().batchSize()).isEqualTo(4);
    }

    @Test
    void batchSizeDefaultsToOneAndMustBePositive() {
        assertThat(m().input().prompts().batchSize()).isEqualTo(1);
        rejects("-b", "0").hasMessage("--prompt-batch-size must be at least 1 (got 0)");
    }

    @Test
    void contextPromptLengthsReachTheInputConfig() {
        InputConfig.Prompts p = m("--shared-system-prompt-length", "50", "--user-context-prompt-length", "20",
                "--num-dataset-entries", "4").input().prompts();
        assertThat(p.sharedSystemLength()).isEqualTo(50);
        assertThat(p.userContextLength()).isEqualTo(20);
        assertThat(m().input().prompts().contextPrompts()).isFalse();
    }

    @Test
    void contextPromptsFollowAiperfsRules() {
        rejects("--user-context-prompt-length", "20")
                .hasMessage("--user-context-prompt-length needs --num-dataset-entries: each dataset entry gets its"
                        + " own user context");
        rejects("--shared-system-prompt-length", "10", "--prompt-prefix-pool-size", "2", "--prompt-prefix-length",
                "5").hasMessageStartingWith("--shared-system-prompt-length cannot be used with"
                + " --prompt-prefix-pool-size or --prompt-prefix-length");
        rejects("--user-context-prompt-length", "10", "--num-dataset-entries", "3", "--num-prefix-prompts", "2",
                "--prefix-prompt-length", "5").hasMessageStartingWith("--user-context-prompt-length cannot be used");
        rejects("--shared-system-prompt-length", "0")
                .hasMessage("--shared-system-prompt-length must be at least 1 (got 0)");
    }

    @Test
    void rankingsEndpointsGetAiperfsDefaultsOrTheGivenShape() {
        assertThat(m().input().rankings()).isNull();
        assertThat(m("--endpoint-type", "nim_rankings").input().rankings()).isEqualTo(InputConfig.Rankings.DEFAULT);
        assertThat(m("--endpoint-type", "cohere_rankings", "--rankings-passages-mean", "3",
                "--rankings-passages-stddev", "1", "--rankings-passages-prompt-token-mean", "40",
                "--rankings-passages-prompt-token-stddev", "4", "--rankings-query-prompt-token-mean", "12",
                "--rankings-query-prompt-token-stddev", "2").input().rankings())
                .isEqualTo(new InputConfig.Rankings(3, 1, 40, 4, 12, 2));
    }

    @Test
    void rankingsOptionsNeedARankingsEndpoint() {
        rejects("--rankings-passages-mean", "3")
                .hasMessage("--rankings-passages-mean can only be used with a rankings endpoint type (nim_rankings,"
                        + " hf_tei_rankings, cohere_rankings), not chat");
        rejects("--endpoint-type", "embeddings", "--rankings-query-prompt-token-stddev", "3")
                .hasMessageStartingWith("--rankings-query-prompt-token-stddev can only be used with a rankings");
    }

    @Test
    void islOptionsAreRefusedOnRankingsEndpoints() {
        rejects("--endpoint-type", "hf_tei_rankings", "--isl", "100")
                .hasMessage("--synthetic-input-tokens-mean cannot be used with --endpoint-type hf_tei_rankings; set"
                        + " --rankings-query-prompt-token-mean and --rankings-passages-prompt-token-mean instead");
        rejects("--endpoint-type", "nim_rankings", "--isl-stddev", "0")
                .hasMessageStartingWith("--synthetic-input-tokens-stddev cannot be used with --endpoint-type");
        rejects("--endpoint-type", "nim_rankings", "--rankings-passages-prompt-token-mean", "0")
                .hasMessage("--rankings-passages-prompt-token-mean must be at least 1 (got 0)");
        // the block size is not an ISL option: AIPerf lets it through
        assertThat(m("--endpoint-type", "nim_rankings", "--isl-block-size", "16").input().rankings()).isNotNull();
    }
}
