package io.aiperf.core.bus;

import io.aiperf.core.message.Message.CancelRun;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

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
}
