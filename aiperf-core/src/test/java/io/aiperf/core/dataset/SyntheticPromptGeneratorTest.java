package io.aiperf.core.dataset;

import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticPromptGeneratorTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();
    private static final int[] POOL = PromptCorpus.builtin().tokenize(TOK);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 100, 550, 3000, 20_000})
    void exactLengthWithTheFakeTokenizer(int n) {
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(TOK, POOL, new SeededRandom(n));
        for (int i = 0; i < 5; i++) {
            Prompt p = gen.prompt(n);
            assertThat(p.tokens()).isEqualTo(n);
            assertThat(TOK.countTokens(p.text())).isEqualTo(n);
        }
        assertThat(gen.inexactCount()).isZero();
    }

    @Test
    void wrapsAroundASmallPool() {
        TextTokenizer tok = new WhitespaceTokenizer();
        int[] pool = PromptCorpus.of(List.of("alpha beta gamma", "delta epsilon")).tokenize(tok);
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, pool, new SeededRandom(1));
        Prompt p = gen.prompt(12);
        assertThat(p.tokens()).isEqualTo(12);
        assertThat(p.text().split(" ")).hasSize(12);
        assertThat(p.text()).contains("epsilon alpha");
    }

    @Test
    void sameStreamSamePromptsDifferentStreamDifferentPrompts() {
        Prompt a = new SyntheticPromptGenerator(TOK, POOL, new SeededRandom(11)).prompt(50);
        Prompt b = new SyntheticPromptGenerator(TOK, POOL, new SeededRandom(11)).prompt(50);
        Prompt c = new SyntheticPromptGenerator(TOK, POOL, new SeededRandom(12)).prompt(50);
        assertThat(a).isEqualTo(b);
        assertThat(c.text()).isNotEqualTo(a.text());
    }

    @Test
    void nonPositiveLengthGivesTheEmptyPrompt() {
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(TOK, POOL, new SeededRandom(1));
        assertThat(gen.prompt(0)).isEqualTo(new Prompt("", 0));
        assertThat(gen.prompt(-3)).isEqualTo(new Prompt("", 0));
        assertThatThrownBy(() -> new SyntheticPromptGenerator(TOK, new int[0], new SeededRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every word counts as two tokens when re-encoded: odd lengths are impossible. */
    @Test
    void impossibleLengthReturnsTheClosestWithItsTrueCount() {
        TextTokenizer base = new WhitespaceTokenizer();
        int[] pool = PromptCorpus.builtin().tokenize(base);
        TextTokenizer doubling = new TextTokenizer() {
            @Override
            public String name() {
                return "doubling";
            }

            @Override
            public int[] encode(String text) {
                int[] ids = base.encode(text);
                int[] out = new int[ids.length * 2];
                for (int i = 0; i < ids.length; i++) {
                    out[2 * i] = ids[i];
                    out[2 * i + 1] = ids[i];
                }
                return out;
            }

            @Override
            public String decode(int[] ids) {
                return base.decode(ids);
            }
        };
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(doubling, pool, new SeededRandom(3));
        Prompt p = gen.prompt(7);
        assertThat(p.tokens()).isIn(6, 8);
        assertThat(doubling.countTokens(p.text())).isEqualTo(p.tokens());
        assertThat(gen.inexactCount()).isEqualTo(1);
        Prompt even = gen.prompt(8);
        assertThat(even.tokens()).isEqualTo(8);
        assertThat(gen.inexactCount()).isEqualTo(1);
    }
}
