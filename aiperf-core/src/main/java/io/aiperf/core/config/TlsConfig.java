package io.aiperf.core.config;

import io.aiperf.core.error.OneLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code https://} servers are verified. By default against the JDK's trust store, with the host name checked
 * against the certificate.
 *
 * @param caFile   {@code --ssl-ca-file}: an absolute path to PEM certificates trusted in addition to the JDK's, or
 *                 null
 * @param insecure {@code --ssl-insecure} (or {@code AIPERF_HTTP_SSL_VERIFY=false}): trust any certificate for any
 *                 host; for testing only
 */
public record TlsConfig(String caFile, boolean insecure) {

    /** The JDK's trust store, host names checked. */
    public static final TlsConfig DEFAULT = new TlsConfig(null, false);

    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    /**
     * The certificates of a PEM file, for both the CLI's check before the run and the workers' trust store.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it (missing, unreadable, no PEM
     *                                  certificate, a certificate that does not parse)
     */
    public static List<X509Certificate> readPemCertificates(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (!text.contains(PEM_BEGIN)) {
            throw new IllegalArgumentException(file + " is not a PEM certificate file (no '" + PEM_BEGIN + "' line)");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_BLOCK.matcher(text);
        while (block.find()) {
            int number = certificates.size() + 1;
            try {
                byte[] der = Base64.getMimeDecoder().decode(block.group(1));
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException e) {
                throw new IllegalArgumentException(file + ": certificate " + number + " cannot be read: "
                        + OneLine.of(e.getMessage()));
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no complete PEM certificate (BEGIN without END, or "
                    + "characters that are not base64 inside)");
        }
        return certificates;
    }
}
