package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.HttpTrace;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --connection-reuse-strategy} against the mock server, one request after another; which connection each
 * request used is read from its trace (the client's port, and whether the connection had carried a request).
 */
class ConnectionReuseTransportTest {

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withFast(true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static EndpointConfig endpoint(ConnectionReuse strategy) {
        return new EndpointConfig(List.of("m"), EndpointType.CHAT, false, List.of(server.baseUrl()), null, 10, null,
                false, false, Map.of(), Map.of(), strategy);
    }

    private static HttpTransport transport(ConnectionReuse strategy) {
        // Two loops: a sticky connection is parked from its own loop onto the transport's home loop.
        return new HttpTransport(endpoint(strategy), "w", 2, false, true);
    }

    /** Turn {@code turn} of {@code turns} of conversation {@code conversation}, sent once the previous one ended. */
    private static HttpTrace turn(HttpTransport transport, String conversation, int turn, int turns)
            throws Exception {
        String body = PayloadFormatter.format(endpoint(ConnectionReuse.POOLED), "turn " + turn, 2, null);
        Credit credit = new Credit(turn, CreditPhase.PROFILING, conversation, conversation, turn, turns, body, 0,
                null, null, null, -1, null, false);
        CompletableFuture<RequestRecord> done = new CompletableFuture<>();
        transport.send(credit, System.nanoTime(), done::complete);
        RequestRecord record = done.get(10, TimeUnit.SECONDS);
        assertThat(record.error()).isNull();
        return record.trace();
    }

    @Test
    void pooledRequestsOneAfterAnotherShareOneConnection() throws Exception {
        try (HttpTransport transport = transport(ConnectionReuse.POOLED)) {
            HttpTrace a = turn(transport, "a", 0, 1);
            HttpTrace b = turn(transport, "b", 0, 1);
            HttpTrace c = turn(transport, "c", 0, 2);

            assertThat(List.of(a.connectionReused(), b.connectionReused(), c.connectionReused()))
                    .containsExactly(false, true, true);
            assertThat(List.of(b.localPort(), c.localPort())).containsOnly(a.localPort());
        }
    }

    @Test
    void neverGivesEveryRequestItsOwnNewConnection() throws Exception {
        try (HttpTransport transport = transport(ConnectionReuse.NEVER)) {
            HttpTrace a = turn(transport, "a", 0, 2);
            HttpTrace b = turn(transport, "a", 1, 2);
            HttpTrace c = turn(transport, "b", 0, 1);

            assertThat(List.of(a.connectionReused(), b.connectionReused(), c.connectionReused()))
                    .containsOnly(false);
            assertThat(List.of(a.localPort(), b.localPort(), c.localPort())).doesNotHaveDuplicates();
            // Each paid for its own connect, inside its own latency.
            assertThat(List.of(a.connectingNs(), b.connectingNs(), c.connectingNs())).allMatch(ns -> ns > 0);
        }
    }

    @Test
    void stickyKeepsOneConnectionPerConversationUntilItsLastTurn() throws Exception {
        try (HttpTransport transport = transport(ConnectionReuse.STICKY_USER_SESSIONS)) {
            HttpTrace a0 = turn(transport, "a", 0, 3);
            HttpTrace b0 = turn(transport, "b", 0, 2);
            HttpTrace a1 = turn(transport, "a", 1, 3);
            HttpTrace b1 = turn(transport, "b", 1, 2);
            HttpTrace a2 = turn(transport, "a", 2, 3);
            HttpTrace c0 = turn(transport, "c", 0, 1);

            // Each conversation's turns on its own connection, interleaved with the other's.
            assertThat(List.of(a0.connectionReused(), a1.connectionReused(), a2.connectionReused()))
                    .containsExactly(false, true, true);
            assertThat(List.of(a1.localPort(), a2.localPort())).containsOnly(a0.localPort());
            assertThat(List.of(b0.connectionReused(), b1.connectionReused())).containsExactly(false, true);
            assertThat(b1.localPort()).isEqualTo(b0.localPort()).isNotEqualTo(a0.localPort());
            // A new conversation never takes over another's connection, even one whose last turn is over.
            assertThat(c0.connectionReused()).isFalse();
            assertThat(c0.localPort()).isNotIn(a0.localPort(), b0.localPort());
        }
    }
}
