package io.aiperf.worker.http;

import io.aiperf.core.config.TlsConfig;
import io.aiperf.core.error.OneLine;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The client TLS context of a transport, built once (cold path) from the run's {@link TlsConfig}: the JDK provider
 * (the one the build ships and the tests exercise; no native OpenSSL), HTTP/1.1 offered by ALPN (a server that
 * would pick h2 must fall back to http/1.1, which is all this client speaks), and the server's certificate checked
 * against the trust store and its host name (Netty 4.2 checks the name by default; it is set here so the rule is
 * visible). {@code --ssl-ca-file} adds its certificates to the JDK's trusted ones; {@code --ssl-insecure} trusts
 * any certificate for any name.
 */
final class ClientTls {

    private ClientTls() {
    }

    /** @throws IllegalStateException when the context cannot be built (the CLI checked the CA file already) */
    static SslContext context(TlsConfig tls) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_1_1));
            if (tls.insecure()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                builder.endpointIdentificationAlgorithm("HTTPS");
                if (tls.caFile() != null) {
                    builder.trustManager(jdkTrustPlus(TlsConfig.readPemCertificates(Path.of(tls.caFile()))));
                }
            }
            return builder.build();
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("cannot set up TLS: " + OneLine.of(e), e);
        }
    }

    /** The JDK's trusted CAs and {@code extra} together. */
    private static TrustManagerFactory jdkTrustPlus(List<X509Certificate> extra)
            throws GeneralSecurityException, java.io.IOException {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (var manager : jdk.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    store.setCertificateEntry("jdk-" + n++, ca);
                }
            }
        }
        for (X509Certificate ca : extra) {
            store.setCertificateEntry("ssl-ca-file-" + n++, ca);
        }
        TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(store);
        return combined;
    }
}
