package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --seq-dist} parsing and sampling, and prefix pools, in the synthetic dataset. */
class SequenceDistributionTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();
    private static int[] pool;

    @BeforeAll
    static void tokenizePool() {
        pool = PromptCorpus.builtin().tokenize(TOK);
    }

    @Test
    void parsesPlainAndBracketFormsWithOptionalStddevs() {
        SequenceDistribution d = SequenceDistribution.parse("256,128:40; 1024|50,512|10.5:60");
        assertThat(d.buckets()).containsExactly(new SequenceDistribution.Bucket(256, 0, 128, 0, 40),
                new SequenceDistribution.Bucket(1024, 50, 512, 10.5, 60));
        assertThat(SequenceDistribution.parse("[(256,128):40,(1024|50,512|10.5):60]")).isEqualTo(d);
        assertThat(SequenceDistribution.parse("100,10:33.3;200,20:66.7").buckets()).hasSize(2);
        assertThat(SequenceDistribution.parse("{\"pairs\": [{\"isl\": 256, \"osl\": 128, \"prob\": 40},"
                + " {\"isl\": 1024, \"isl_stddev\": 50, \"osl\": 512, \"osl_stddev\": 10.5, \"prob\": 60}]}"))
                .isEqualTo(d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "256,128:40;1024,512:50#the percentages sum to 90, not 100",
            "256,128:40;1024,512:70#the percentages sum to 110, not 100",
            "256:40;1024,512:60#cannot read '256:40'",
            "0,128:100#ISL must be a positive integer, found 0",
            "256,128:0;1,1:100#the percentage of 256,128 must be positive",
            "[(256,128):100#missing the closing ']'",
            "[(256,128):50 x (1,1):50]#cannot read '(256,128):50 x (1'",
            ";#no ISL,OSL:percent pairs",
            "{\"pairs\": [{\"isl\": 1, \"osl\": 2, \"prob\": 50}]}#the percentages sum to 50, not 100",
            "{\"pairs\": [{\"isl\": \"x\", \"osl\": 2, \"prob\": 100}]}#each pair needs integer 'isl'",
            "{\"buckets\": []}#the JSON form needs a 'pairs' list",
            "{\"pairs\": #invalid JSON"})
    void refusesBadSpecs(String spec, String what) {
        assertThatThrownBy(() -> SequenceDistribution.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(what);
    }

    private static SyntheticDataset build(InputConfig.Prompts prompts, int entries) {
        InputConfig c = new InputConfig(550, 0, null, 0, 9L, entries, null, null, null, null, prompts, null, null,
                null);
        return SyntheticDataset.builder(c, TOK).tokenPool(pool).build();
    }

    @Test
    void turnsDrawTheirBucketByProbability() {
        SyntheticDataset ds = build(new InputConfig.Prompts(null, "20,5:25;40,8:75", 0, 0), 2000);
        Map<Integer, Integer> byIsl = new HashMap<>();
        for (Conversation c : ds.conversations()) {
            Turn t = c.firstTurn();
            assertThat(t.maxTokens()).isEqualTo(t.inputTokens() == 20 ? 5 : 8);
            byIsl.merge(t.inputTokens(), 1, Integer::sum);
        }
        assertThat(byIsl.keySet()).containsExactlyInAnyOrder(20, 40);
        assertThat(byIsl.get(20)).isBetween(430, 570);
    }

    @Test
    void prefixPoolPrependsOneOfItsPromptsToFirstTurns() {
        InputConfig.Conversations twoTurns = new InputConfig.Conversations(2, 0, 0, 0, 1);
        InputConfig c = new InputConfig(30, 0, null, 0, 9L, 50, null, null, null, twoTurns,
                new InputConfig.Prompts(null, null, 3, 7), null, null, null);
        SyntheticDataset ds = SyntheticDataset.builder(c, TOK).tokenPool(pool).build();
        InputConfig plain = new InputConfig(30, 0, null, 0, 9L, 50, null, null, null, twoTurns, null, null, null, null);
        SyntheticDataset without = SyntheticDataset.builder(plain, TOK).tokenPool(pool).build();
        java.util.Set<String> prefixes = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            Conversation a = ds.conversations().get(i);
            Conversation b = without.conversations().get(i);
            List<String> words = List.of(a.firstTurn().text().split(" "));
            assertThat(a.firstTurn().inputTokens()).isEqualTo(37);
            assertThat(String.join(" ", words.subList(7, 37))).isEqualTo(b.firstTurn().text());
            prefixes.add(String.join(" ", words.subList(0, 7)));
            assertThat(a.turns().get(1).text()).isEqualTo(b.turns().get(1).text());
            assertThat(a.conversationId()).isEqualTo(b.conversationId());
        }
        assertThat(prefixes).hasSize(3);
    }

    @Test
    void optionsOffChangeNothing() {
        SyntheticDataset a = build(InputConfig.Prompts.DEFAULT, 20);
        SyntheticDataset b = build(new InputConfig.Prompts(64, null, 0, 16), 20);
        assertThat(b.conversations()).isEqualTo(a.conversations());
    }
}
