package io.aiperf.core.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DueQueueTest {

    @Test
    void theEarliestComesFirstAndTiesKeepTheirOrder() {
        DueQueue queue = new DueQueue(SendAhead.exactly(0));
        Session late = new Session();
        Session first = new Session();
        Session second = new Session();
        queue.add(200, late);
        queue.add(100, first);
        queue.add(100, second);
        assertThat(queue.poll()).isSameAs(first);
        assertThat(queue.poll()).isSameAs(second);
        assertThat(queue.headAtNs()).isEqualTo(200);
        assertThat(queue.poll()).isSameAs(late);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void anEntryIsReleasedOneLeadBeforeItsTime() {
        DueQueue queue = new DueQueue(SendAhead.exactly(10));
        assertThat(queue.wakeNs()).isEqualTo(Long.MAX_VALUE);
        assertThat(queue.releasable(Long.MAX_VALUE)).isFalse();
        queue.add(100, new Session());
        assertThat(queue.wakeNs()).isEqualTo(90);
        assertThat(queue.releasable(89)).isFalse();
        assertThat(queue.releasable(90)).isTrue();
        assertThat(queue.headAtNs()).as("the due time itself is kept").isEqualTo(100);
    }
}
