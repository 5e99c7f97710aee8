package io.aiperf.core.time;

/**
 * One probe of another host's monotonic clock, NTP's way: four stamps, two on each clock. The other host's reading is
 * assumed to fall in the middle of the round trip, so the offset is exact when the way out and the way back took
 * equally long, and off by at most half the round trip whatever they took.
 *
 * @param offsetNs    how much this host's {@code System.nanoTime()} reads more than the other host's at one instant
 * @param roundTripNs the round trip without the other host's own time between receiving and answering
 */
public record ClockSample(long offsetNs, long roundTripNs) {

    /**
     * @param sentNs          this host's clock as the probe left
     * @param peerReceivedNs  the other host's clock as it took the probe
     * @param peerSentNs      the other host's clock as it answered
     * @param receivedNs      this host's clock as the answer arrived
     */
    public static ClockSample of(long sentNs, long peerReceivedNs, long peerSentNs, long receivedNs) {
        long roundTrip = (receivedNs - sentNs) - (peerSentNs - peerReceivedNs);
        // Halves taken separately: the stamps of two hosts' clocks can be far apart, their sum could overflow.
        long offset = (sentNs - peerReceivedNs) / 2 + (receivedNs - peerSentNs) / 2;
        return new ClockSample(offset, Math.max(0, roundTrip));
    }

    /** The most this sample's offset can be wrong by (half the round trip). */
    public long errorBoundNs() {
        return roundTripNs / 2;
    }
}
