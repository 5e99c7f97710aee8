package io.aiperf.core.dataset.accuracy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoxedTest {

    @Test
    void takesTheLastBoxWithItsNestedBraces() {
        assertThat(Boxed.last("first \\boxed{1}, then \\boxed{\\frac{3}{4}} at last")).isEqualTo("\\frac{3}{4}");
    }

    @Test
    void anUnclosedLastBoxFallsBackToAnEarlierOne() {
        assertThat(Boxed.last("\\boxed{7} and then \\boxed{8")).isEqualTo("7");
    }

    @Test
    void noBoxIsNull() {
        assertThat(Boxed.last("the answer is 7")).isNull();
        assertThat(Boxed.last(null)).isNull();
    }
}
