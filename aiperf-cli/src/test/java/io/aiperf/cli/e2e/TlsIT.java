package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.worker.testing.TestCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code https://} end to end: the real {@code bin/aiperf} against the real mock server serving TLS with a
 * certificate the test makes. Without the CA every request is a {@code TlsCertificateError} record and the run fails
 * with one line; {@code --ssl-ca-file} makes it succeed; {@code --ssl-insecure} too, with one loud warning; a bad CA
 * file is a usage error before anything starts.
 */
class TlsIT {

    private static final String WARNING = "aiperf: WARNING: --ssl-insecure: server certificates are NOT verified";

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withParanoidLeakDetection();

    private MockServer startTlsMock() throws Exception {
        TestCertificate certificate = TestCertificate.generate(aiperf.dir().resolve("tls"), "dns:localhost",
                "ip:127.0.0.1");
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true), certificate.serverContext());
        assertThat(mock.baseUrl()).startsWith("https://127.0.0.1:");
        return mock;
    }

    private AiperfRun profile(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-m", "m", "--streaming", "--isl", "16", "--osl", "4",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "2", "--request-count", "4",
                "--workers-max", "1", "--ui", "none"));
        args.addAll(List.of(extra));
        return aiperf.profile(args);
    }

    @Test
    void aPrivateCaIsRefusedByDefaultAndTrustedWithTheCaFile() throws Exception {
        MockServer mock = startTlsMock();
        Path ca = aiperf.dir().resolve("tls/ca.pem");

        AiperfRun refused = profile();

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr().strip().lines()).as(refused.stderr()).hasSize(1);
        assertThat(refused.stderr().strip()).startsWith("aiperf: error: every request failed (4 of 4): ")
                .contains("server certificate not accepted: unable to find valid certification path")
                .contains("--ssl-ca-file");
        List<JsonNode> records = refused.records();
        assertThat(records).hasSize(4).allSatisfy(rec -> {
            assertThat(rec.at("/error/type").asText()).isEqualTo("TlsCertificateError");
            assertThat(rec.at("/error/message").asText()).doesNotContain("\n");
        });
        assertThat(mock.requestLog()).as("no request got through the handshake").isEmpty();

        AiperfRun trusted = profile("--ssl-ca-file", ca.toString());

        assertThat(trusted.exitCode()).as(trusted.stderr()).isZero();
        assertThat(trusted.stderr()).doesNotContain("WARNING");
        assertThat(mock.requestLog()).hasSize(4);
        assertThat(trusted.records()).hasSize(4).allSatisfy(rec -> assertThat(rec.get("error").isNull()).isTrue());
        assertThat(trusted.summary().at("/input_config/endpoint/ssl_ca_file").asText()).isEqualTo(ca.toString());
    }

    @Test
    void insecureTrustsAnyCertificateAndSaysSoOnce() throws Exception {
        MockServer mock = startTlsMock();

        AiperfRun r = profile("--ssl-insecure");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(4);
        assertThat(r.stderr().lines().filter(l -> l.startsWith(WARNING)).count()).as(r.stderr()).isEqualTo(1);
        assertThat(r.stderr()).contains("For testing only.");
    }

    @Test
    void aBadCaFileIsAUsageErrorBeforeAnythingStarts() throws Exception {
        MockServer mock = startTlsMock();
        Path missing = aiperf.dir().resolve("nowhere.pem");
        Path notPem = aiperf.dir().resolve("not.pem");
        Files.writeString(notPem, "hello\n");

        for (Path file : List.of(missing, notPem)) {
            AiperfRun r = profile("--ssl-ca-file", file.toString());
            assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
            assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
            assertThat(r.stderr().strip()).startsWith("aiperf: error: --ssl-ca-file: ").contains(file.toString())
                    .doesNotContain("Exception");
        }
        assertThat(mock.requestLog()).isEmpty();
    }
}
