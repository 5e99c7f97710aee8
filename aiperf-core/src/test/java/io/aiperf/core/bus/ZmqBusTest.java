package io.aiperf.core.bus;

import io.aiperf.core.message.Message.CancelRun;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZmqBusTest {

    @Test
    void aConnectionWhoseHandshakeStallsIsRetriedWithinASecondNotThirty() {
        try (ZmqBus bus = new ZmqBus()) {
            ZMQ.Socket bound = bus.bind(Channel.CONTROL);
            ZMQ.Socket connected = bus.connect(Channel.CONTROL, ZmqBus.endpointOf(bound));

            assertThat(bound.getHandshakeIvl()).isEqualTo(1_000);
            assertThat(connected.getHandshakeIvl()).isEqualTo(1_000);
        }
    }

    @Test
    void socketsBindOnLoopbackUnlessAnotherInterfaceIsNamed() {
        try (ZmqBus loopback = new ZmqBus(); ZmqBus everywhere = new ZmqBus("0.0.0.0")) {
            assertThat(ZmqBus.endpointOf(loopback.bind(Channel.EVENTS))).startsWith("tcp://127.0.0.1:");
            assertThat(ZmqBus.endpointOf(everywhere.bind(Channel.EVENTS))).startsWith("tcp://0.0.0.0:");
        }
    }

    @Test
    void aServiceBindsBesideTheEndpointItWasGivenAndIsReachedThere() {
        try (ZmqBus cli = new ZmqBus("0.0.0.0")) {
            String inbox = ZmqBus.endpointOf(cli.bind(Channel.CONTROL));
            try (ZmqBus service = ZmqBus.bindingBeside(inbox)) {
                assertThat(service.bindHost()).isEqualTo("0.0.0.0");
                ZMQ.Socket pull = service.bind(Channel.CONTROL);
                ZMQ.Socket push = cli.connect(Channel.CONTROL, ZmqBus.endpointOf(pull));
                ZmqBus.send(push, new CancelRun("test"));
                assertThat(ZmqBus.receive(pull, 5_000)).isEqualTo(new CancelRun("test"));
            }
        }
    }

    @Test
    void theHostOfAnEndpointIsWhatLiesBetweenSchemeAndPort() {
        assertThat(ZmqBus.hostOf("tcp://10.1.2.3:4567")).isEqualTo("10.1.2.3");
        assertThat(ZmqBus.hostOf("tcp://127.0.0.1:1")).isEqualTo("127.0.0.1");
        assertThat(ZmqBus.hostOf("inproc://x")).isEqualTo(ZmqBus.LOOPBACK);
        assertThat(ZmqBus.hostOf(null)).isEqualTo(ZmqBus.LOOPBACK);
    }

    /** A peer of another build, or a stray client, reaching the credits port must not end the run. */
    @Test
    void aFrameThatIsNoMessageIsPassedOverNamingItsSender() throws InterruptedException {
        try (ZmqBus bus = new ZmqBus()) {
            ZMQ.Socket router = bus.bind(Channel.CREDITS);
            ZMQ.Socket dealer = bus.connect(Channel.CREDITS, ZmqBus.endpointOf(router), "stranger");
            dealer.send("{\"t\":\"NoSuchKind\"}".getBytes(ZMQ.CHARSET), 0);
            dealer.send(new byte[] {(byte) 0xff, 0, 1}, 0);
            ZmqBus.send(dealer, new CancelRun("after the garbage"));

            List<ZmqBus.Routed> got = new ArrayList<>();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (got.size() < 3 && System.nanoTime() < deadline) {
                ZmqBus.Routed r = ZmqBus.pollRouted(router);
                if (r == null) {
                    Thread.sleep(5);
                } else {
                    got.add(r);
                }
            }

            assertThat(got).extracting(ZmqBus.Routed::identity).containsExactly("stranger", "stranger", "stranger");
            assertThat(got).extracting(ZmqBus.Routed::message)
                    .containsExactly(null, null, new CancelRun("after the garbage"));
        }
    }
}
