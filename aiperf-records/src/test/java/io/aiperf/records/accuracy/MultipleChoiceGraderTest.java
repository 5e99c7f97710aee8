package io.aiperf.records.accuracy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MultipleChoiceGraderTest {

    private final MultipleChoiceGrader grader = new MultipleChoiceGrader();

    @Test
    void aBareLetterAsTheNonCotPromptAsksIsParsed() {
        assertThat(grader.grade(" B", "B")).isEqualTo(new Grade(true, false, "B",
                "first-line-of-response extracted to 'B'; ground_truth 'B'; match=true"));
        assertThat(grader.grade("C. thigh\n", "B").passed()).isFalse();
        assertThat(grader.grade("(D) Left ventricle", "D").passed()).isTrue();
    }

    @Test
    void theCotClosingSentenceWinsOverLettersMentionedWhileReasoning() {
        Grade g = grader.grade("A is wrong because the clavicle is elsewhere. B looks plausible.\n"
                + "Therefore, the answer is (C).", "C");
        assertThat(g.passed()).isTrue();
        assertThat(g.unparsed()).isFalse();
        assertThat(g.actual()).isEqualTo("C");
    }

    @Test
    void answerColonIsParsedAndTheLastOneCounts() {
        assertThat(grader.grade("Answer: A\nWait, let me check again.\nAnswer: D", "D").actual()).isEqualTo("D");
        assertThat(grader.grade("ANSWER:(b)", "B").passed()).isFalse(); // a lowercase b is a word, not a choice
    }

    @Test
    void aLetterFoundOnlyByTheFallbackIsFlaggedUnparsedButStillScored() {
        Grade g = grader.grade("I think it must be option B here", "B");
        assertThat(g.passed()).isTrue();
        assertThat(g.unparsed()).isTrue();
    }

    @Test
    void aResponseWithoutAnyChoiceFailsUnparsed() {
        Grade g = grader.grade("their will when", "C");
        assertThat(g.passed()).isFalse();
        assertThat(g.unparsed()).isTrue();
        assertThat(g.actual()).isEmpty();
    }
}
