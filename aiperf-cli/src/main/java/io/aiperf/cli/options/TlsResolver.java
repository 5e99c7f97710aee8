package io.aiperf.cli.options;

import io.aiperf.core.config.TlsConfig;
import io.aiperf.core.error.UsageException;

import java.nio.file.Path;

/**
 * {@code --ssl-ca-file} and {@code --ssl-insecure} (and AIPerf's {@code AIPERF_HTTP_SSL_VERIFY=false}, which means
 * the same as {@code --ssl-insecure}) into a {@link TlsConfig}. The CA file is read here, before anything starts, so
 * a missing or broken file is a usage error rather than a TLS failure of every request.
 */
final class TlsResolver {

    /** AIPerf's switch for TLS verification (default true). */
    static final String VERIFY_ENV = "AIPERF_HTTP_SSL_VERIFY";

    private TlsResolver() {
    }

    /** @param sslVerify {@code AIPERF_HTTP_SSL_VERIFY} ({@link io.aiperf.core.config.AiperfEnvironment}) */
    static TlsConfig resolve(EndpointOptions e, boolean sslVerify) {
        boolean insecure = e.sslInsecure || !sslVerify;
        if (e.sslCaFile == null) {
            return insecure ? new TlsConfig(null, true) : TlsConfig.DEFAULT;
        }
        if (insecure) {
            throw new UsageException("--ssl-ca-file and " + (e.sslInsecure ? "--ssl-insecure" : VERIFY_ENV + "=false")
                    + " do not go together: the first verifies certificates, the second turns verification off");
        }
        String name = e.sslCaFile.startsWith("~") ? System.getProperty("user.home") + e.sslCaFile.substring(1)
                : e.sslCaFile;
        Path file = Path.of(name).toAbsolutePath().normalize();
        try {
            TlsConfig.readPemCertificates(file);
        } catch (IllegalArgumentException ex) {
            throw new UsageException("--ssl-ca-file: " + ex.getMessage());
        }
        return new TlsConfig(file.toString(), false);
    }
}
