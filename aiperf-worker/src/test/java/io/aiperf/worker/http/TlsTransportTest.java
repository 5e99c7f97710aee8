package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.TlsConfig;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.worker.testing.TestCertificate;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS through the real transport against a local Netty server with a certificate made by the test: verified
 * against {@code --ssl-ca-file}, refused without it (and for the wrong host) as a {@code TlsCertificateError} record,
 * accepted by {@code --ssl-insecure}, and always HTTP/1.1 by ALPN even when the server also offers h2.
 */
class TlsTransportTest {

    private static final String ANSWER = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"hi there\"},\"finish_reason\":\"stop\"}]}";
    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"m\"}";

    @TempDir
    static Path dir;
    private static TestCertificate forLoopback;

    private TestHttpServer server;
    private HttpTransport transport;

    @BeforeAll
    static void certificate() throws Exception {
        LeakWatch.install();
        forLoopback = TestCertificate.generate(dir.resolve("loopback"), "dns:localhost", "ip:127.0.0.1");
    }

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakWatch.assertNoLeaks();
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPrivateCaFromTheCaFileIsTrustedAndAlpnPicksHttp11() throws Exception {
        startServer(forLoopback);
        transport = transport(new TlsConfig(forLoopback.pem.toString(), false));

        RequestRecord r = send();

        assertThat(r.error()).as("%s", r.error()).isNull();
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(server.requests.poll(5, TimeUnit.SECONDS).body()).isEqualTo(BODY);
        assertThat(server.negotiatedProtocols.poll(5, TimeUnit.SECONDS))
                .as("the client offers http/1.1 only, so a server that prefers h2 still picks http/1.1")
                .isEqualTo("http/1.1");
    }

    @Test
    void withoutTheCaTheRecordIsATlsCertificateErrorNamingTheWayOut() throws Exception {
        startServer(forLoopback);
        transport = transport(TlsConfig.DEFAULT);

        RequestRecord r = send();

        assertThat(r.error()).isNotNull();
        assertThat(r.error().code()).isNull();
        assertThat(r.error().type()).isEqualTo("TlsCertificateError");
        assertThat(r.error().message())
                .isEqualTo("server certificate not accepted: unable to find valid certification path to requested "
                        + "target; pass --ssl-ca-file PATH to trust a private CA (or --ssl-insecure, for testing only)");
        assertThat(server.requests).as("nothing reached the server").isEmpty();
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        TestCertificate elsewhere = TestCertificate.generate(dir.resolve("elsewhere"), "dns:elsewhere.example");
        startServer(elsewhere);
        transport = transport(new TlsConfig(elsewhere.pem.toString(), false));

        RequestRecord r = send();

        assertThat(r.error()).isNotNull();
        assertThat(r.error().type()).isEqualTo("TlsCertificateError");
        assertThat(r.error().message()).startsWith("server certificate not accepted: ").contains("127.0.0.1");
    }

    @Test
    void insecureAcceptsAnyCertificateForAnyHost() throws Exception {
        TestCertificate elsewhere = TestCertificate.generate(dir.resolve("insecure"), "dns:elsewhere.example");
        startServer(elsewhere);
        transport = transport(new TlsConfig(null, true));

        RequestRecord r = send();

        assertThat(r.error()).as("%s", r.error()).isNull();
        assertThat(r.httpStatus()).isEqualTo(200);
    }

    @Test
    void httpsToAPlainHttpServerIsATlsError() throws Exception {
        server = new TestHttpServer();
        server.responder = TestHttpServer.json(HttpResponseStatus.OK, ANSWER, true);
        EndpointConfig cfg = endpoint(server.baseUrl().replace("http://", "https://"), new TlsConfig(null, true));
        transport = new HttpTransport(cfg, "worker-test", 1, false, false);

        RequestRecord r = send();

        assertThat(r.error()).isNotNull();
        assertThat(r.error().type()).as("%s", r.error()).isEqualTo("TlsError");
        assertThat(r.error().message()).isEqualTo("the server did not answer with TLS (a plain-HTTP port? then use "
                + "http://)");
    }

    private void startServer(TestCertificate certificate) throws Exception {
        server = new TestHttpServer(certificate.serverContext());
        server.responder = TestHttpServer.json(HttpResponseStatus.OK, ANSWER, true);
    }

    private HttpTransport transport(TlsConfig tls) {
        return new HttpTransport(endpoint(server.baseUrl(), tls), "worker-test", 1, false, false);
    }

    private static EndpointConfig endpoint(String baseUrl, TlsConfig tls) {
        return new EndpointConfig(List.of("m"), EndpointType.CHAT, false, List.of(baseUrl), null, 10, null, false,
                false, Map.of(), Map.of(), ConnectionReuse.POOLED, List.of(), tls);
    }

    private RequestRecord send() throws Exception {
        CompletableFuture<RequestRecord> done = new CompletableFuture<>();
        transport.send(Credit.unscheduled(1, CreditPhase.PROFILING, "conv-1", "corr-1", BODY), System.nanoTime(),
                done::complete);
        return done.get(15, TimeUnit.SECONDS);
    }
}
