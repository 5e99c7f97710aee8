package io.aiperf.core.dataset.accuracy;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.dataset.InputDataset;
import io.aiperf.core.dataset.SamplingStrategy;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aiperf.core.dataset.accuracy.AccuracyFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

/** The problems as the run's conversations: one turn each, the system prompt, the ISL, the output budget. */
class AccuracyConversationsTest {

    /** One token per space-separated word. */
    private static final TextTokenizer WORDS = new TextTokenizer() {
        @Override
        public String name() {
            return "words";
        }

        @Override
        public int[] encode(String text) {
            return text.isBlank() ? new int[0] : new int[text.trim().split("\\s+").length];
        }

        @Override
        public String decode(int[] ids) {
            return "";
        }
    };

    @Test
    void aimeProblemsCarryTheBoxedSystemPromptCountedInTheirLength() {
        AccuracyConfig aime = config(AccuracyBenchmark.AIME, "aime.jsonl", 0, false, List.of());
        List<Conversation> cs = AccuracyConversations.of(aime, WORDS, null);
        assertThat(cs).hasSize(3);
        Conversation first = cs.get(0);
        assertThat(first.systemMessage()).isEqualTo(
                "Please reason step by step, and put your final answer within \\boxed{}.");
        assertThat(first.turnCount()).isEqualTo(1);
        assertThat(first.firstTurn().inputTokens()).isEqualTo(
                WORDS.countTokens(first.systemMessage()) + WORDS.countTokens(first.firstTurn().text()));
        assertThat(first.firstTurn().maxTokens()).isNull();
    }

    @Test
    void mmluHasNoSystemPromptAndItsOneLetterBudgetUnlessOslIsGiven() {
        AccuracyConfig mmlu = config(AccuracyBenchmark.MMLU, "mmlu", 0, false, List.of());
        assertThat(AccuracyConversations.of(mmlu, WORDS, null)).allSatisfy(c -> {
            assertThat(c.systemMessage()).isNull();
            assertThat(c.firstTurn().maxTokens()).isEqualTo(5);
        });
        assertThat(AccuracyConversations.of(mmlu, WORDS, 64).get(0).firstTurn().maxTokens()).isEqualTo(64);
    }

    @Test
    void theInputDatasetOfAnAccuracyRunIsTheProblemsSentInOrder() {
        AccuracyConfig mmlu = config(AccuracyBenchmark.MMLU, "mmlu", 0, false, List.of("anatomy"));
        InputConfig input = new InputConfig(InputConfig.DEFAULT_ISL_MEAN, 0, null, 0, 1L,
                InputConfig.DEFAULT_NUM_DATASET_ENTRIES, null, null, null, null, null, null, null, null)
                .withAccuracy(mmlu);
        InputDataset ds = InputDataset.load(input, WORDS);
        assertThat(ds.accuracy()).isTrue();
        assertThat(ds.synthetic()).isFalse();
        assertThat(ds.samplingStrategy()).isEqualTo(SamplingStrategy.SEQUENTIAL);
        assertThat(ds.conversations()).extracting(Conversation::conversationId)
                .containsExactly("session_000000", "session_000001");
        assertThat(ds.conversations().get(0).firstTurn().text()).contains("Which chamber of the heart");
    }
}
