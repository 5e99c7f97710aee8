package io.aiperf.core.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport phases of one request, from the worker's stamps. */
class HttpTraceTest {

    private static final long START = 1_000_000;

    /** A new plain-TCP connection: connect issued at +100, connected at +400, written at +450. */
    private static HttpTrace newConnection() {
        return new HttpTrace(START + 420, false, START + 100, START + 400, START + 450, START + 470,
                START + 2_000, START + 5_000, 300, 1, 900, 4, "OK", "127.0.0.1", 40000, "127.0.0.1", 8000);
    }

    /** A pooled connection handed over at +30, written at +50. */
    private static HttpTrace reused() {
        return new HttpTrace(START + 30, true, -1, -1, START + 50, START + 60, START + 1_060, START + 1_060, 300, 1,
                900, 1, "OK", "127.0.0.1", 40000, "127.0.0.1", 8000);
    }

    @Test
    void aNewConnectionsPhasesAddUpToTheWholeRequest() {
        HttpTrace t = newConnection();

        assertThat(t.connectingNs()).isEqualTo(300);
        assertThat(t.sendStartNs()).isEqualTo(START + 450);
        assertThat(t.blockedNs(START)).isEqualTo(150); // +0..+100 and +400..+450: everything but the connect
        assertThat(t.sendingNs()).isEqualTo(20);
        assertThat(t.waitingNs()).isEqualTo(1_530);
        assertThat(t.receivingNs()).isEqualTo(3_000);
        assertThat(t.durationNs()).isEqualTo(t.sendingNs() + t.waitingNs() + t.receivingNs());
        assertThat(t.blockedNs(START) + t.connectingNs() + t.durationNs()).isEqualTo(5_000); // last byte − start
    }

    @Test
    void aReusedConnectionHasNoConnectingAndIsBlockedOnlyUntilItsWrite() {
        HttpTrace t = reused();

        assertThat(t.connectingNs()).isZero();
        assertThat(t.blockedNs(START)).isEqualTo(50);
        assertThat(t.sendingNs()).isEqualTo(10);
        assertThat(t.waitingNs()).isEqualTo(1_000);
        assertThat(t.receivingNs()).isZero(); // the whole body in one read
        assertThat(t.durationNs()).isEqualTo(1_010);
    }

    @Test
    void onANewTlsConnectionSendingStartsWhenTheHandshakeEnds() {
        // Written at +450 into the TLS handler, which held it until the handshake ended at +900.
        HttpTrace t = new HttpTrace(START + 420, false, START + 100, START + 900, START + 450, START + 950,
                START + 2_000, START + 2_000, 2_000, 3, 3_000, 3, "OK", null, 0, null, 0);

        assertThat(t.sendStartNs()).isEqualTo(START + 900);
        assertThat(t.connectingNs()).isEqualTo(800);
        assertThat(t.blockedNs(START)).isEqualTo(100); // only the time before the connect was issued
        assertThat(t.sendingNs()).isEqualTo(50);
        assertThat(t.blockedNs(START) + t.connectingNs() + t.durationNs()).isEqualTo(2_000);
    }

    @Test
    void aPhaseThatDidNotHappenIsNotMeasurable() {
        // Written, never answered: no body, no end.
        HttpTrace unanswered = new HttpTrace(START + 30, true, -1, -1, START + 50, START + 60, -1, -1, 300, 1, 0, 0,
                null, null, 0, null, 0);
        assertThat(unanswered.sendingNs()).isEqualTo(10);
        assertThat(unanswered.waitingNs()).isEqualTo(-1);
        assertThat(unanswered.receivingNs()).isEqualTo(-1);
        assertThat(unanswered.durationNs()).isEqualTo(-1);

        // Never written: nothing from the send start on.
        HttpTrace unwritten = new HttpTrace(START + 30, false, START + 5, START + 20, -1, -1, -1, -1, 0, 0, 0, 0,
                null, null, 0, null, 0);
        assertThat(unwritten.sendStartNs()).isEqualTo(-1);
        assertThat(unwritten.blockedNs(START)).isEqualTo(-1);
        assertThat(unwritten.connectingNs()).isEqualTo(15);
    }

    @Test
    void stampsOutOfOrderGiveNoValueRatherThanANegativeOne() {
        HttpTrace t = new HttpTrace(START + 30, true, -1, -1, START + 50, START + 40, START + 45, START + 45, 1, 1,
                1, 1, "OK", null, 0, null, 0);

        assertThat(t.sendingNs()).isEqualTo(-1);
        assertThat(t.waitingNs()).isEqualTo(5);
    }
}
