package io.aiperf.worker.join;

import io.aiperf.core.message.Message.ClockReading;
import io.aiperf.core.message.Message.JoinAccepted;
import io.aiperf.core.time.EpochAnchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JoinedClockTest {

    private static final long MS = 1_000_000L;
    /** This host's clock reads 250 ms more than the controller's. */
    private static final long OFFSET = 250 * MS;

    private final EpochAnchor own = EpochAnchor.process();
    private final JoinedClock clock = new JoinedClock();

    @AfterEach
    void restoreAnchor() {
        EpochAnchor.adopt(own);
    }

    /** Answers probe {@code id}, sent at {@code sentNs}, after {@code outNs} out and {@code backNs} back. */
    private void answer(long id, long sentNs, long outNs, long backNs) {
        clock.sent(id, sentNs);
        long controllerReceived = sentNs - OFFSET + outNs;
        clock.reading(new ClockReading(id, controllerReceived, controllerReceived + 10_000),
                controllerReceived + 10_000 + OFFSET + backNs);
    }

    @Test
    void nothingIsProbedBeforeTheJoinIsAccepted() {
        assertThat(clock.probeDue(0)).isEqualTo(-1);
    }

    @Test
    void theInitialProbesAreSpacedAndTheClockSettlesOnTheBestOne() {
        clock.accepted(new JoinAccepted("w", 1_700_000_000_000_000_000L, 0));
        long now = 1_000 * MS;
        for (int i = 0; i < JoinedClock.INITIAL_PROBES; i++) {
            long id = clock.probeDue(now);
            assertThat(id).isEqualTo(i);
            assertThat(clock.probeDue(now)).as("one probe at a time").isEqualTo(-1);
            // One of the last ones is fast and even (still in the window); the others were slow out.
            answer(id, now, i == JoinedClock.INITIAL_PROBES - 3 ? 40_000 : 3 * MS, 40_000);
            assertThat(clock.probeDue(now + JoinedClock.INITIAL_SPACING_NS - 1)).as("spaced").isEqualTo(-1);
            now += JoinedClock.INITIAL_SPACING_NS;
        }

        assertThat(clock.settled()).isTrue();
        assertThat(clock.offsetNs()).isEqualTo(OFFSET);
        assertThat(clock.best().errorBoundNs()).isEqualTo(40_000);
        // Then one every few seconds.
        assertThat(clock.probeDue(now)).isEqualTo(-1);
        assertThat(clock.probeDue(now + JoinedClock.PERIOD_NS)).isEqualTo(JoinedClock.INITIAL_PROBES);
    }

    /** Epoch times on this host equal the controller's for the same instant. */
    @Test
    void theProcessStampsEpochTimesOnTheControllersClock() {
        long controllerAnchorEpoch = 1_700_000_000_000_000_000L;
        long controllerAnchorNano = 5_000 * MS;
        clock.accepted(new JoinAccepted("w", controllerAnchorEpoch, controllerAnchorNano));
        long id = clock.probeDue(9_000 * MS);
        answer(id, 9_000 * MS, 100_000, 100_000);

        long instantOnController = controllerAnchorNano + 2_000 * MS;
        assertThat(EpochAnchor.process().epochNsOf(instantOnController + OFFSET))
                .isEqualTo(controllerAnchorEpoch + 2_000 * MS);
    }

    /** An answer that came after its probe was given up on is dropped: its send time was replaced. */
    @Test
    void aLateAnswerIsDropped() {
        clock.accepted(new JoinAccepted("w", 0, 0));
        long first = clock.probeDue(0);
        clock.sent(first, 0);
        long second = clock.probeDue(JoinedClock.ANSWER_TIMEOUT_NS);
        assertThat(second).isEqualTo(first + 1);
        clock.sent(second, JoinedClock.ANSWER_TIMEOUT_NS);

        clock.reading(new ClockReading(first, 1, 2), JoinedClock.ANSWER_TIMEOUT_NS + 1);
        assertThat(clock.answered()).isZero();
    }
}
