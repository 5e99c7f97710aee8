package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.TestConfigs;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
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
        return TestConfigs.input(120, 30, osl, osl == null ? 0 : 20, seed, entries);
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
        InputConfig fixed = TestConfigs.input(10, 0, 77, 0, 1L, 10);
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
        SyntheticDataset ds = SyntheticDataset.builder(TestConfigs.input(5, 0, null, 0, 1L, 3), TOK).corpus(tiny)
                .build();
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

    private static InputConfig multi(Integer osl, long seed, int entries, InputConfig.Conversations shape) {
        return new InputConfig(40, 10, osl, osl == null ? 0 : 5, seed, entries, null, null, null, shape, null, null,
                null, null);
    }

    @Test
    void fixedTurnCountAndFixedDelay() {
        // 3 turns each; delay 500 ms x ratio 0.5 with no spread = exactly 250 ms before turns 2 and 3
        SyntheticDataset ds = SyntheticDataset.build(
                multi(16, 3L, 20, new InputConfig.Conversations(3, 0, 500, 0, 0.5)), TOK);
        assertThat(ds.size()).isEqualTo(20);
        assertThat(ds.inexactPrompts()).isZero();
        for (Conversation c : ds.conversations()) {
            assertThat(c.turns()).hasSize(3);
            assertThat(c.turns()).extracting(Turn::delayMs).containsExactly(0.0, 250.0, 250.0);
            for (Turn t : c.turns()) {
                assertThat(TOK.countTokens(t.text())).isEqualTo(t.inputTokens());
                assertThat(t.maxTokens()).isNotNull().isPositive();
                assertThat(t.timestampMs()).isNull();
                assertThat(t.hashIds()).isEmpty();
            }
        }
        // every turn has its own prompt
        assertThat(ds.conversations().stream().flatMap(c -> c.turns().stream()).map(Turn::text).distinct().count())
                .isEqualTo(60);
    }

    @Test
    void variableTurnCountsAndDelays() {
        SyntheticDataset ds = SyntheticDataset.build(
                multi(null, 4L, 200, new InputConfig.Conversations(4, 2, 1000, 300, 1.0)), TOK);
        List<Integer> counts = ds.conversations().stream().map(Conversation::turnCount).toList();
        assertThat(counts).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(1));
        assertThat(counts.stream().distinct().count()).isGreaterThan(3);
        assertThat(counts.stream().mapToInt(Integer::intValue).average().orElseThrow()).isBetween(3.5, 5.5);
        List<Double> later = ds.conversations().stream()
                .flatMap(c -> c.turns().stream().skip(1)).map(Turn::delayMs).toList();
        assertThat(later).isNotEmpty().allSatisfy(d -> assertThat(d).isPositive());
        assertThat(later.stream().distinct().count()).isEqualTo(later.size());
        assertThat(ds.conversations()).allSatisfy(c -> {
            assertThat(c.firstTurn().delayMs()).isZero();
            assertThat(c.turns()).allSatisfy(t -> assertThat(t.maxTokens()).isNull());
        });
    }

    @Test
    void noDelayWithoutADelayMean() {
        SyntheticDataset ds = SyntheticDataset.build(
                multi(null, 4L, 30, new InputConfig.Conversations(3, 1, 0, 50, 1.0)), TOK);
        assertThat(ds.conversations()).allSatisfy(c ->
                assertThat(c.turns()).allSatisfy(t -> assertThat(t.delayMs()).isZero()));
    }

    @Test
    void multiTurnIsDeterministicAndKeepsIdsAndFirstPrompt() {
        InputConfig.Conversations shape = new InputConfig.Conversations(3, 1, 200, 50, 2.0);
        SyntheticDataset a = SyntheticDataset.builder(multi(32, 11L, 25, shape), TOK).threads(1).build();
        SyntheticDataset b = SyntheticDataset.builder(multi(32, 11L, 25, shape), TOK).threads(4).build();
        assertThat(b.conversations()).isEqualTo(a.conversations());
        // ids come from their own stream (one draw pair per conversation), so the turn shape does not move them;
        // the very first prompt is the first draw of the length and corpus streams in both configurations
        SyntheticDataset single = SyntheticDataset.build(multi(32, 11L, 25, null), TOK);
        assertThat(a.conversations()).extracting(Conversation::conversationId)
                .containsExactlyElementsOf(single.conversations().stream().map(Conversation::conversationId).toList());
        assertThat(a.conversations().get(0).firstTurn()).isEqualTo(single.conversations().get(0).firstTurn());
        assertThat(single.conversations()).allSatisfy(c -> assertThat(c.turns()).hasSize(1));
        // a different seed gives a different shape
        SyntheticDataset other = SyntheticDataset.build(multi(32, 12L, 25, shape), TOK);
        assertThat(other.conversations()).isNotEqualTo(a.conversations());
    }

    @Test
    void invalidConversationShapeIsRejected() {
        assertThatThrownBy(() -> SyntheticDataset.build(multi(null, 1L, 3,
                new InputConfig.Conversations(0, 0, 0, 0, 1)), TOK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("turn mean");
        assertThatThrownBy(() -> SyntheticDataset.build(multi(null, 1L, 3,
                new InputConfig.Conversations(2, 0, -5, 0, 1)), TOK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> SyntheticDataset.build(multi(null, 1L, 3,
                new InputConfig.Conversations(2, 0, 5, 0, Double.NaN)), TOK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void turnTimestampsAndHashIdsAreValidated() {
        Turn t = new Turn("a b", 2, null, 0, 12.5, "user", List.of(1, 2));
        assertThat(t.hasTimestamp()).isTrue();
        assertThat(t.hashIds()).containsExactly(1, 2);
        assertThat(new Turn("a", 1, null, 0).hasTimestamp()).isFalse();
        assertThat(new Turn("a", 1, null, 0, null, null, null).hashIds()).isEmpty();
        assertThatThrownBy(() -> new Turn("a", 1, null, 0, -1.0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Turn("a", 1, null, 0, Double.POSITIVE_INFINITY, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> texts(SyntheticDataset ds) {
        return ds.conversations().stream().map(c -> c.firstTurn().text()).collect(Collectors.toSet());
    }
}
