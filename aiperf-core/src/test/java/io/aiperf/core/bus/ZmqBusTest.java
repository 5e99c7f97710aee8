package io.aiperf.core.bus;

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
}
