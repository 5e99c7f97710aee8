package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticDatasetTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();

    private static InputConfig cfg(Integer osl, Long seed, int entries) {
        return new InputConfig(120, 30, osl, osl == null ? 0 : 20, seed, entries);
    }

    @Test
    void buildsSingleTurnConversationsWithExactLengths() {
        SyntheticDataset ds = SyntheticDataset.build(cfg(null, 1L, 50), TOK);
        assertThat(ds.size()).isEqualTo(50);
        assertThat(ds.inexactPrompts()).isZero();
        Set<String> ids = new HashSet<>();
        for (Conversation c : ds.conversations()) {
            assertThat(c.turns()).hasSize(1);
            Turn t = c.firstTurn();
            assertThat(TOK.countTokens(t.text())).isEqualTo(t.inputTokens());
            assertThat(t.maxTokens()).isNull();
            assertThat(t.delayMs()).isZero();
            assertThat(UUID.fromString(c.conversationId()).version()).isEqualTo(4);
            assertThat(ds.get(c.conversationId())).isSameAs(c);
            ids.add(c.conversationId());
        }
        assertThat(ids).hasSize(50);
        assertThat(ds.get("nope")).isNull();
        // ISL varies with stddev 30
        assertThat(ds.conversations().stream().map(c -> c.firstTurn().inputTokens()).distinct().count())
                .isGreaterThan(20);
    }

    @Test
    void maxTokensOnlyWithAnOutputMean() {
        SyntheticDataset ds = SyntheticDataset.build(cfg(64, 1L, 30), TOK);
        assertThat(ds.conversations()).allSatisfy(c -> assertThat(c.firstTurn().maxTokens()).isNotNull().isPositive());
        InputConfig fixed = new InputConfig(10, 0, 77, 0, 1L, 10);
        assertThat(SyntheticDataset.build(fixed, TOK).conversations())
                .allSatisfy(c -> {
                    assertThat(c.firstTurn().maxTokens()).isEqualTo(77);
                    assertThat(c.firstTurn().inputTokens()).isEqualTo(10);
                });
    }

    @Test
    void outputLengthsDoNotChangeThePrompts() {
        // separate streams: adding --output-tokens-mean leaves prompts and ids alone
        List<Conversation> without = SyntheticDataset.build(cfg(null, 9L, 20), TOK).conversations();
        List<Conversation> with = SyntheticDataset.build(cfg(64, 9L, 20), TOK).conversations();
        for (int i = 0; i < 20; i++) {
            assertThat(with.get(i).conversationId()).isEqualTo(without.get(i).conversationId());
            assertThat(with.get(i).firstTurn().text()).isEqualTo(without.get(i).firstTurn().text());
        }
    }

    @Test
    void sameSeedSameDatasetWhateverTheThreadCount() {
        SyntheticDataset a = SyntheticDataset.builder(cfg(64, 5L, 40), TOK).threads(1).build();
        SyntheticDataset b = SyntheticDataset.builder(cfg(64, 5L, 40), TOK).threads(3).build();
        SyntheticDataset c = SyntheticDataset.builder(cfg(64, 5L, 40), TOK)
                .streams(new RandomStreams(5L)).tokenPool(PromptCorpus.builtin().tokenize(TOK)).build();
        assertThat(b.conversations()).isEqualTo(a.conversations());
        assertThat(c.conversations()).isEqualTo(a.conversations());
    }

    @Test
    void differentSeedsDifferentPrompts() {
        Set<String> a = texts(SyntheticDataset.build(cfg(null, 1L, 20), TOK));
        Set<String> b = texts(SyntheticDataset.build(cfg(null, 2L, 20), TOK));
        assertThat(a).doesNotContainAnyElementsOf(b);
        SyntheticDataset e1 = SyntheticDataset.build(cfg(null, null, 5), TOK);
        SyntheticDataset e2 = SyntheticDataset.build(cfg(null, null, 5), TOK);
        assertThat(e1.streams().seeded()).isFalse();
        assertThat(texts(e1)).isNotEqualTo(texts(e2));
    }

    @Test
    void customCorpusIsUsed() {
        PromptCorpus tiny = PromptCorpus.of(List.of("red green blue"));
        SyntheticDataset ds = SyntheticDataset.builder(new InputConfig(5, 0, null, 0, 1L, 3), TOK).corpus(tiny).build();
        assertThat(ds.poolSize()).isEqualTo(3);
        assertThat(ds.conversations()).allSatisfy(c ->
                assertThat(c.firstTurn().text().split(" ")).hasSize(5).containsAnyOf("red", "green", "blue"));
    }

    @Test
    void invalidConfigIsRejected() {
        assertThatThrownBy(() -> SyntheticDataset.build(cfg(null, 1L, 0), TOK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticDataset.builder(null, TOK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Conversation("x", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Turn("t", 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Turn("t", 1, null, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> texts(SyntheticDataset ds) {
        return ds.conversations().stream().map(c -> c.firstTurn().text()).collect(Collectors.toSet());
    }
}
