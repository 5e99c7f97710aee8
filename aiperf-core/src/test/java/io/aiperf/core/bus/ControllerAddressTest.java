package io.aiperf.core.bus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControllerAddressTest {

    @Test
    void hostAndPortInEveryForm() {
        assertThat(ControllerAddress.parse("10.0.0.5:6000")).isEqualTo(new ControllerAddress("10.0.0.5", 6000));
        assertThat(ControllerAddress.parse("tcp://bench-ctl:6000")).isEqualTo(new ControllerAddress("bench-ctl", 6000));
        assertThat(ControllerAddress.parse(" aiperf-controller.bench.svc ").basePort()).isEqualTo(5564);
    }

    @Test
    void theWorkerDialsCreditsOnThePortAndEventsOnTheNext() {
        ServiceEndpoints endpoints = ControllerAddress.parse("ctl:6000").endpoints();

        assertThat(endpoints.get(Channel.CREDITS)).isEqualTo("tcp://ctl:6000");
        assertThat(endpoints.get(Channel.EVENTS)).isEqualTo("tcp://ctl:6001");
    }

    /** The records manager announces the address it bound (every interface, a pod IP): the worker keeps the port. */
    @Test
    void recordsGoToTheDialledHostAtTheAnnouncedPort() {
        assertThat(ControllerAddress.parse("ctl:6000").recordsEndpoint("tcp://0.0.0.0:6002")).isEqualTo("tcp://ctl:6002");
    }

    @Test
    void aBadAddressIsOneLine() {
        assertThatThrownBy(() -> ControllerAddress.parse("ctl:http")).hasMessage(
                "--controller 'ctl:http': expected HOST:PORT with PORT the controller's --zmq-port (1 to 65533)");
        assertThatThrownBy(() -> ControllerAddress.parse("ctl:65534")).hasMessageContaining("1 to 65533");
        assertThatThrownBy(() -> ControllerAddress.parse("http://ctl:6000")).hasMessage(
                "--controller 'http://ctl:6000': expected HOST or HOST:PORT");
        assertThatThrownBy(() -> ControllerAddress.parse("")).hasMessageContaining("expected HOST or HOST:PORT");
    }
}
