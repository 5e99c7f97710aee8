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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP trace of real exchanges with the mock server: stamps in order, bytes and reads counted per exchange. */
class HttpTraceTransportTest {

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withTiming(5, 2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static EndpointConfig endpoint(boolean streaming) {
        return new EndpointConfig(List.of("mock-model"), EndpointType.CHAT, streaming, List.of(server.baseUrl()),
                null, 10, null, false, false, Map.of(), Map.of("ignore_eos", true), ConnectionReuse.POOLED);
    }

    private static RequestRecord send(HttpTransport transport, String body) throws Exception {
        CompletableFuture<RequestRecord> done = new CompletableFuture<>();
        transport.send(Credit.unscheduled(1, CreditPhase.PROFILING, "c", "corr", body), System.nanoTime(),
                done::complete);
        RequestRecord record = done.get(10, TimeUnit.SECONDS);
        assertThat(record.error()).isNull();
        return record;
    }

    @Test
    void aStreamedExchangesStampsFollowTheRequestsLifeAndItsCountsAreItsOwn() throws Exception {
        EndpointConfig cfg = endpoint(true);
        String body = PayloadFormatter.format(cfg, "a short prompt for the mock", 8, null);
        try (HttpTransport transport = new HttpTransport(cfg, "w", 2, false, true)) {
            RequestRecord first = send(transport, body);
            RequestRecord second = send(transport, body);

            HttpTrace t = first.trace();
            assertThat(t.connectionReused()).isFalse();
            assertThat(t.connectStartNs()).isGreaterThanOrEqualTo(first.requestStartNs());
            assertThat(t.connectEndNs()).isGreaterThan(t.connectStartNs());
            assertThat(t.connectionAcquiredNs()).isGreaterThanOrEqualTo(t.connectEndNs());
            assertThat(t.writeStartNs()).isEqualTo(first.requestWriteNs()).isGreaterThan(t.connectionAcquiredNs());
            assertThat(t.sendEndNs()).isGreaterThanOrEqualTo(t.writeStartNs());
            assertThat(first.responseHeadersNs()).isGreaterThanOrEqualTo(t.sendEndNs());
            assertThat(t.responseStartNs()).isGreaterThanOrEqualTo(first.responseHeadersNs())
                    .isLessThanOrEqualTo(first.responses().get(0).arrivalNs());
            assertThat(t.responseEndNs()).isEqualTo(first.requestEndNs());
            // 8 tokens 2 ms apart after a 5 ms first: the body arrives over many reads.
            assertThat(t.receivingNs()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(10));
            assertThat(t.chunksReceived()).isGreaterThan(3);
            assertThat(t.blockedNs(first.requestStartNs()) + t.connectingNs() + t.durationNs())
                    .isEqualTo(first.requestEndNs() - first.requestStartNs());
            // The request's bytes: its body and its headers, in one buffer.
            int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
            assertThat(t.bytesSent()).isGreaterThan(bodyBytes + 100L).isLessThan(bodyBytes + 1_000L);
            assertThat(t.chunksSent()).isPositive();
            assertThat(t.reason()).isEqualTo("OK");
            assertThat(t.remoteIp()).isEqualTo("127.0.0.1");
            assertThat(t.remotePort()).isEqualTo(server.port());
            assertThat(t.localPort()).isPositive();

            HttpTrace u = second.trace();
            assertThat(u.connectionReused()).isTrue();
            assertThat(u.localPort()).isEqualTo(t.localPort());
            assertThat(u.connectStartNs()).isEqualTo(-1);
            assertThat(u.connectingNs()).isZero();
            // Same body, same header lengths: the second exchange counts only its own bytes, not the first's.
            assertThat(u.bytesSent()).isEqualTo(t.bytesSent());
            assertThat(u.bytesReceived()).isBetween(t.bytesReceived() / 2, t.bytesReceived() * 2);
        }
    }

    @Test
    void aWholeBodyAnswerHasItsFirstAndLastByteInOrder() throws Exception {
        EndpointConfig cfg = endpoint(false);
        String body = PayloadFormatter.format(cfg, "a short prompt for the mock", 4, null);
        try (HttpTransport transport = new HttpTransport(cfg, "w", 1, false, true)) {
            RequestRecord r = send(transport, body);

            HttpTrace t = r.trace();
            assertThat(t.responseStartNs()).isGreaterThanOrEqualTo(t.sendEndNs());
            assertThat(t.responseEndNs()).isGreaterThanOrEqualTo(t.responseStartNs()).isEqualTo(r.requestEndNs());
            assertThat(t.waitingNs()).isPositive();
            assertThat(t.bytesReceived()).isGreaterThan(50);
        }
    }

    @Test
    void withoutTheTraceOptionsARecordCarriesNone() throws Exception {
        EndpointConfig cfg = endpoint(true);
        String body = PayloadFormatter.format(cfg, "a short prompt for the mock", 4, null);
        try (HttpTransport transport = new HttpTransport(cfg, "w", 1, false, false)) {
            assertThat(send(transport, body).trace()).isNull();
        }
    }
}
