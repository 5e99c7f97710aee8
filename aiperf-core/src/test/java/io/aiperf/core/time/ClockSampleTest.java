package io.aiperf.core.time;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockSampleTest {

    /** The worker's clock reads 5 s more than the controller's; each way takes 300 µs; the controller answers in 20 µs. */
    @Test
    void equalWaysGiveTheExactOffset() {
        long offset = 5_000_000_000L;
        long sent = 1_000_000_000_000L;
        long peerReceived = sent - offset + 300_000;
        long peerSent = peerReceived + 20_000;
        long received = peerSent + offset + 300_000;

        ClockSample s = ClockSample.of(sent, peerReceived, peerSent, received);

        assertThat(s.offsetNs()).isEqualTo(offset);
        assertThat(s.roundTripNs()).isEqualTo(600_000);
        assertThat(s.errorBoundNs()).isEqualTo(300_000);
    }

    /** A way out of 900 µs and back of 100 µs: off by half the difference, within half the round trip. */
    @Test
    void lopsidedWaysAreOffByHalfTheirDifferenceAtMostHalfTheRoundTrip() {
        long offset = -42_000;
        long sent = 7_000_000;
        long peerReceived = sent - offset + 900_000;
        long peerSent = peerReceived + 10_000;
        long received = peerSent + offset + 100_000;

        ClockSample s = ClockSample.of(sent, peerReceived, peerSent, received);

        assertThat(s.offsetNs() - offset).isEqualTo(-400_000);
        assertThat(Math.abs(s.offsetNs() - offset)).isLessThanOrEqualTo(s.errorBoundNs());
    }

    /** Two hosts' nanoTime values can be far apart (different boot times): no overflow in the arithmetic. */
    @Test
    void clocksFarApartDoNotOverflow() {
        long offset = Long.MAX_VALUE / 2 - 1; // even: the two halves are then exact
        long sent = Long.MAX_VALUE / 2 + 1_000;
        long peerReceived = sent - offset + 50;
        long peerSent = peerReceived + 10;
        long received = peerSent + offset + 50;

        assertThat(ClockSample.of(sent, peerReceived, peerSent, received).offsetNs()).isEqualTo(offset);
    }
}
