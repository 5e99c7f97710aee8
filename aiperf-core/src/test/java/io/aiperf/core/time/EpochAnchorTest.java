package io.aiperf.core.time;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EpochAnchorTest {

    /**
     * A worker whose clock reads 3 ms more than the controller's stamps an instant with the epoch time the controller
     * gives the same instant.
     */
    @Test
    void aShiftedAnchorGivesTheSameInstantTheSameEpochTime() {
        EpochAnchor controller = EpochAnchor.of(1_700_000_000_000_000_000L, 50_000_000L);
        EpochAnchor worker = controller.shiftedBy(3_000_000);

        long instantOnController = 80_000_000L;
        long sameInstantOnWorker = instantOnController + 3_000_000;

        assertThat(worker.epochNsOf(sameInstantOnWorker)).isEqualTo(controller.epochNsOf(instantOnController));
    }

    @Test
    void adoptingAnAnchorChangesTheProcessEpochTimes() {
        EpochAnchor own = EpochAnchor.process();
        try {
            EpochAnchor adopted = EpochAnchor.of(1_000_000_000L, 0);
            EpochAnchor.adopt(adopted);
            assertThat(EpochAnchor.process().epochNsOf(500)).isEqualTo(1_000_000_500L);
        } finally {
            EpochAnchor.adopt(own);
        }
    }
}
