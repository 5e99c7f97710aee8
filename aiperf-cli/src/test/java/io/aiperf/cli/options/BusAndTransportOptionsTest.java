package io.aiperf.cli.options;

import org.junit.jupiter.api.Test;

import static io.aiperf.cli.options.Cli.m;
import static io.aiperf.cli.options.Cli.rejects;
import static org.assertj.core.api.Assertions.assertThat;

/** AIPerf's ZMQ group and its one-value Endpoint options: accepted as AIPerf's scripts pass them. */
class BusAndTransportOptionsTest {

    @Test
    void theBusBindsOnLoopbackUnlessZmqHostNamesAnInterface() {
        assertThat(m().service().zmqHost()).isEqualTo("127.0.0.1");
        assertThat(m("--zmq-host", "0.0.0.0").service().zmqHost()).isEqualTo("0.0.0.0");
        assertThat(m("--zmq-host", " 10.0.0.7 ").service().zmqHost()).isEqualTo("10.0.0.7");
    }

    @Test
    void aZmqHostNameIsResolvedOnceToTheIpv4AddressEveryProcessBinds() {
        assertThat(m("--zmq-host", "localhost").service().zmqHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aZmqHostThatIsNoIpv4InterfaceIsOneUsageLine() {
        rejects("--zmq-host", "no-such-host.invalid").hasMessage("--zmq-host 'no-such-host.invalid': unknown host");
        rejects("--zmq-host", "::1").hasMessage("--zmq-host '::1': has no IPv4 address (the bus binds IPv4 only)");
        rejects("--zmq-host", " ").hasMessageStartingWith("--zmq-host is empty");
    }

    @Test
    void theIpcPathIsAcceptedAndChangesNothing() {
        assertThat(m("--zmq-ipc-path", "/tmp/aiperf-ipc").service()).isEqualTo(m().service());
    }

    @Test
    void urlStrategyAndTransportTakeAiperfsOneValueInAnySpelling() {
        assertThat(m("--url-strategy", "ROUND-ROBIN", "--transport", "HTTP", "-u", "https://h:1").endpoint().urls())
                .containsExactly("https://h:1");
        assertThat(m("--transport-type", "http").endpoint()).isEqualTo(m().endpoint());
        rejects("--url-strategy", "least_loaded").hasMessage("--url-strategy 'least_loaded': expected round_robin");
        rejects("--transport", "grpc").hasMessage("--transport 'grpc': expected http");
    }
}
