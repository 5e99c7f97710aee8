package io.aiperf.core.bus;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedPortsTest {

    @Test
    void theRemoteFacingChannelsTakeTheBasePortAndTheNextTwo() {
        assertThat(Channel.CREDITS.portFrom(6000)).isEqualTo(6000);
        assertThat(Channel.EVENTS.portFrom(6000)).isEqualTo(6001);
        assertThat(Channel.RECORDS.portFrom(6000)).isEqualTo(6002);
        // Used on the controller's host only: always ephemeral.
        assertThat(Channel.CONTROL.portFrom(6000)).isZero();
        assertThat(Channel.CLI_INBOX.portFrom(6000)).isZero();
        assertThat(Channel.CREDITS.portFrom(0)).isZero();
    }

    @Test
    void aChannelBindsAtItsFixedPort() throws IOException {
        int base = freePort();
        try (ZmqBus bus = new ZmqBus()) {
            ZMQ.Socket events = bus.bind(Channel.EVENTS, base - 1);
            assertThat(ZmqBus.endpointOf(events)).isEqualTo("tcp://127.0.0.1:" + base);
        }
    }

    @Test
    void aTakenPortIsOneLineNamingPortAndChannel() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ZmqBus bus = new ZmqBus()) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> bus.bind(Channel.CREDITS, port))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessage("--zmq-port: port " + port + " (the credits channel) is already in use on 127.0.0.1;"
                            + " another aiperf run may hold it: choose another --zmq-port");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
