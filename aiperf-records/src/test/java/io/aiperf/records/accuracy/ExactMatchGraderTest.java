package io.aiperf.records.accuracy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExactMatchGraderTest {

    private final ExactMatchGrader grader = new ExactMatchGrader();

    @Test
    void surroundingWhitespaceIsIgnoredAndNothingElse() {
        assertThat(grader.grade("  C\n", "C").passed()).isTrue();
        assertThat(grader.grade("c", "C").passed()).isFalse();
        assertThat(grader.grade("C.", "C").passed()).isFalse();
        assertThat(grader.grade("The answer is C", "C").passed()).isFalse();
    }

    @Test
    void anEmptyResponseIsUnparsed() {
        Grade g = grader.grade(" \n", "A");
        assertThat(g.passed()).isFalse();
        assertThat(g.unparsed()).isTrue();
        assertThat(grader.grade("B", "A").unparsed()).isFalse();
    }
}
