package io.aiperf.cli.options;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ModelSelectionStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Several {@code -m} models, {@code --model-selection-strategy} and {@code --tokenizer-trust-remote-code}. */
class ModelOptionsTest {

    @Test
    void repeatedModelFlagsKeepTheirOrderAndRoundRobinIsTheDefault() {
        BenchmarkConfig c = Cli.resolve("-m", "a", "-m", "b", "--model", "c");
        assertThat(c.endpoint().modelNames()).containsExactly("a", "b", "c");
        assertThat(c.endpoint().modelSelection()).isEqualTo(ModelSelectionStrategy.ROUND_ROBIN);
    }

    @Test
    void randomIsChosenByName() {
        assertThat(Cli.m("--model-selection-strategy", "random").endpoint().modelSelection())
                .isEqualTo(ModelSelectionStrategy.RANDOM);
    }

    @Test
    void anUnknownStrategyListsTheValidOnes() {
        Cli.rejects("--model-selection-strategy", "fastest")
                .hasMessage("--model-selection-strategy 'fastest': expected one of round_robin, random");
    }

    @Test
    void severalModelsNameTheRunDirectoryAfterTheFirstWithMulti() {
        assertThat(Cli.runDir(Cli.resolve("-m", "org/first", "-m", "second")))
                .isEqualTo("org_first_multi-openai-chat-concurrency1");
        assertThat(Cli.runDir(Cli.resolve("-m", "org/first"))).isEqualTo("org_first-openai-chat-concurrency1");
    }

    @Test
    void trustRemoteCodeIsAcceptedAndOnlyRecorded() {
        assertThat(Cli.m().tokenizer().trustRemoteCode()).isFalse();
        BenchmarkConfig c = Cli.m("--tokenizer-trust-remote-code", "--tokenizer", "builtin");
        assertThat(c.tokenizer().trustRemoteCode()).isTrue();
        assertThat(c.tokenizer().name()).isEqualTo("builtin");
    }
}
