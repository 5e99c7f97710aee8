package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure rules for prompt tokens, output length, finish reason and token text. */
class OutputPlanTest {

    private static InferenceRequest request(String prompt, Integer max, Integer min, boolean ignoreEos) {
        return new InferenceRequest("m", false, false, max, min, ignoreEos, prompt, null);
    }

    @Test
    void promptTokensAreCharsOverFourRoundedUpAndAtLeastOne() {
        assertThat(OutputPlan.of(request("", 1, null, false)).promptTokens()).isEqualTo(1);
        assertThat(OutputPlan.of(request("abcd", 1, null, false)).promptTokens()).isEqualTo(1);
        assertThat(OutputPlan.of(request("abcde", 1, null, false)).promptTokens()).isEqualTo(2);
    }

    @Test
    void ignoreEosGivesExactlyMax() {
        OutputPlan plan = OutputPlan.of(request("p", 300, 10, true));
        assertThat(plan.outputTokens()).isEqualTo(300);
        assertThat(plan.finishReason()).isEqualTo("length");
    }

    @Test
    void minAboveMaxCollapsesToMax() {
        assertThat(OutputPlan.of(request("p", 4, 9, false)).outputTokens()).isEqualTo(4);
    }

    @Test
    void hugeMaxDoesNotOverflow() {
        assertThat(OutputPlan.of(request("p", Integer.MAX_VALUE, 0, false)).outputTokens()).isNotNegative();
    }

    @Test
    void tokensAreSingleSpacedCommonWordsWithoutALeadingSpace() {
        Set<String> seen = new HashSet<>();
        TokenText text = new TokenText(OutputPlan.hash("some prompt"));
        assertThat(text.token(0)).doesNotStartWith(" ");
        for (int i = 1; i < 200; i++) {
            assertThat(text.token(i)).matches(" [a-z]+");
            seen.add(text.token(i).trim());
        }
        assertThat(seen).hasSize(TokenText.vocabularySize());
        assertThat(text.join(3)).isEqualTo(text.token(0) + text.token(1) + text.token(2));
        assertThat(new TokenText(-12345L).token(0)).matches("[a-z]+");
    }
}
