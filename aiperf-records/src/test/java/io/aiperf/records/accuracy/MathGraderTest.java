package io.aiperf.records.accuracy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MathGraderTest {

    private final MathGrader grader = new MathGrader();

    @Test
    void theLastBoxedAnswerIsComparedAsANumber() {
        Grade g = grader.grade("First try \\boxed{25}. No: $2^{10} = 1024$, so the remainder is \\boxed{024}.", "24");
        assertThat(g.passed()).isTrue();
        assertThat(g.unparsed()).isFalse();
        assertThat(g.actual()).isEqualTo("024");
    }

    @Test
    void fractionsAgreeHoweverTheyAreSpelled() {
        assertThat(grader.grade("\\boxed{\\dfrac{3}{4}}", "\\frac{3}{4}").passed()).isTrue();
        assertThat(grader.grade("\\boxed{3/4}", "\\frac{3}{4}").passed()).isTrue();
        assertThat(grader.grade("\\boxed{0.75}", "\\frac{3}{4}").passed()).isTrue();
        assertThat(grader.grade("\\boxed{\\frac34}", "\\frac{3}{4}").passed()).isTrue();
        assertThat(grader.grade("\\boxed{\\frac{4}{3}}", "\\frac{3}{4}").passed()).isFalse();
    }

    @Test
    void unitsDollarsTextAndSeparatorsAreNotPartOfTheValue() {
        assertThat(grader.grade("\\boxed{1,000}", "1000").passed()).isTrue();
        assertThat(grader.grade("\\boxed{\\$18.00}", "18").passed()).isTrue();
        assertThat(grader.grade("\\boxed{90^\\circ}", "90").passed()).isTrue();
        assertThat(grader.grade("\\boxed{\\text{(C)}}", "(C)").passed()).isTrue();
        assertThat(grader.grade("\\boxed{5 \\sqrt{2}}", "5\\sqrt{2}").passed()).isTrue();
    }

    @Test
    void withoutABoxTheAnswerPhraseThenTheLastNumberAreFallbacks() {
        Grade phrase = grader.grade("So 7 + 1 = 8.\nThe final answer is 8.", "8");
        assertThat(phrase.passed()).isTrue();
        assertThat(phrase.unparsed()).isTrue();
        Grade number = grader.grade("36 has divisors 1, 2, 3, 4, 6, 9, 12, 18, 36: there are 9", "9");
        assertThat(number.passed()).isTrue();
        assertThat(number.unparsed()).isTrue();
        assertThat(number.actual()).isEqualTo("9");
    }

    @Test
    void aWrongOrMissingAnswerFails() {
        assertThat(grader.grade("\\boxed{23}", "24").passed()).isFalse();
        Grade none = grader.grade("so what up can", "24");
        assertThat(none.passed()).isFalse();
        assertThat(none.unparsed()).isTrue();
    }
}
