package io.aiperf.cli.options;

import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.TlsConfig;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --ssl-ca-file}, {@code --ssl-insecure} and {@code AIPERF_HTTP_SSL_VERIFY}: checked before anything runs. */
class TlsOptionsTest {

    @TempDir
    Path dir;

    private static BenchmarkConfig resolve(Map<String, String> env, String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(), command.loadOptions(),
                command.outputOptions(), List.of(args), false, 2, null, env);
    }

    private static BenchmarkConfig resolve(String... args) {
        return resolve(Map.of(), args);
    }

    /** A real CA certificate, taken from the JDK's trust store, as a PEM file. */
    private Path pemFile() throws Exception {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        X509TrustManager trust = (X509TrustManager) jdk.getTrustManagers()[0];
        byte[] der = trust.getAcceptedIssuers()[0].getEncoded();
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    @Test
    void defaultsVerifyAgainstTheJdkTrustStore() {
        assertThat(resolve("-m", "m", "-u", "https://h:8443").endpoint().tls()).isEqualTo(TlsConfig.DEFAULT);
    }

    @Test
    void aPemCaFileIsReadAndKeptAsAnAbsolutePath() throws Exception {
        Path pem = pemFile();
        TlsConfig tls = resolve("-m", "m", "--ssl-ca-file", pem.toString()).endpoint().tls();
        assertThat(tls).isEqualTo(new TlsConfig(pem.toAbsolutePath().normalize().toString(), false));
    }

    @Test
    void insecureFromTheOptionOrFromAiperfsEnvironmentVariable() {
        assertThat(resolve("-m", "m", "--ssl-insecure").endpoint().tls().insecure()).isTrue();
        assertThat(resolve(Map.of("AIPERF_HTTP_SSL_VERIFY", "false"), "-m", "m").endpoint().tls().insecure()).isTrue();
        assertThat(resolve(Map.of("AIPERF_HTTP_SSL_VERIFY", "0"), "-m", "m").endpoint().tls().insecure()).isTrue();
        assertThat(resolve(Map.of("AIPERF_HTTP_SSL_VERIFY", "true"), "-m", "m").endpoint().tls().insecure()).isFalse();
    }

    @Test
    void aBadCaFileIsAOneLineUsageErrorNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> resolve("-m", "m", "--ssl-ca-file", missing.toString()))
                .isInstanceOf(UsageException.class).hasMessage("--ssl-ca-file: no such file: " + missing);

        Path notPem = dir.resolve("key.txt");
        Files.writeString(notPem, "just some text\n");
        assertThatThrownBy(() -> resolve("-m", "m", "--ssl-ca-file", notPem.toString()))
                .isInstanceOf(UsageException.class).hasMessage("--ssl-ca-file: " + notPem
                        + " is not a PEM certificate file (no '-----BEGIN CERTIFICATE-----' line)");

        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nAAAAbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> resolve("-m", "m", "--ssl-ca-file", broken.toString()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--ssl-ca-file: " + broken
                        + ": certificate 1 cannot be read: ").hasMessageNotContaining("\n");

        Path unterminated = dir.resolve("unterminated.pem");
        Files.writeString(unterminated, "-----BEGIN CERTIFICATE-----\nAAAA\n");
        assertThatThrownBy(() -> resolve("-m", "m", "--ssl-ca-file", unterminated.toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("holds no complete PEM certificate");
    }

    @Test
    void aCaFileAndInsecureDoNotGoTogether() throws Exception {
        Path pem = pemFile();
        assertThatThrownBy(() -> resolve("-m", "m", "--ssl-ca-file", pem.toString(), "--ssl-insecure"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--ssl-ca-file and --ssl-insecure do not go "
                        + "together");
    }
}
