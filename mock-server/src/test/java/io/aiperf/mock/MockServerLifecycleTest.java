package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Start, address, close: what an embedding test relies on. */
class MockServerLifecycleTest {

    @Test
    void portZeroBindsAnEphemeralPort() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral())) {
            assertThat(server.port()).isPositive();
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(TestHttp.get(server, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeFreesThePort() throws Exception {
        int port;
        try (MockServer server = MockServer.start(MockConfig.ephemeral())) {
            port = server.port();
        }
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aTakenPortFailsWithBindException() {
        try (MockServer first = MockServer.start(MockConfig.ephemeral())) {
            assertThatThrownBy(() -> MockServer.start(MockConfig.ephemeral().withPort(first.port())))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(BindException.class);
        }
    }

    @Test
    void wildcardBindIsReachedThroughLoopback() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withHost("0.0.0.0"))) {
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(TestHttp.get(server, "/health").statusCode()).isEqualTo(200);
        }
    }
}
