package io.aiperf.core.hub;

import io.aiperf.core.error.OneLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Fetches one file over HTTP(S) into place: redirects are followed (the hub sends large files to a CDN), the body is
 * streamed to a hidden temporary file beside the target and moved over it atomically only when complete, so a cache
 * never holds a partial file and concurrent runs never see one. The calling thread does the work; interrupting it
 * aborts the download.
 */
public final class HubDownload {

    private static final Logger LOG = LoggerFactory.getLogger(HubDownload.class);

    /** How long the server may take to start answering once connected. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long PROGRESS_EVERY_BYTES = 64L << 20;

    private HubDownload() {
    }

    /**
     * Downloads {@code url} to {@code target} (parent folders are created).
     *
     * @return the number of bytes written
     * @throws HubDownloadException on any failure (nothing is left at {@code target} then)
     */
    public static long download(URI url, Path target, HubSettings settings) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new HubDownloadException(url, "cannot create the cache folder " + dir + " (" + describe(e) + ")", 0);
        }
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout())
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(RESPONSE_TIMEOUT)
                .header("User-Agent", "aiperf-java");
        if (settings.token() != null) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        long t0 = System.nanoTime();
        Path part = null;
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200) {
                    throw new HubDownloadException(url, statusReason(status), status);
                }
                long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                LOG.info("downloading {} to {}{}", url, target,
                        expected > 0 ? " (" + (expected >> 20) + " MiB)" : "");
                part = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
                long written = copy(body, part, url);
                if (expected >= 0 && written != expected) {
                    throw new HubDownloadException(url, "the download stopped after " + written + " of " + expected
                            + " bytes", 0);
                }
                moveIntoPlace(part, target);
                part = null;
                LOG.info("downloaded {} ({} bytes) in {} ms", url, written, (System.nanoTime() - t0) / 1_000_000);
                return written;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubDownloadException(url, "interrupted", 0);
        } catch (IOException e) {
            throw new HubDownloadException(url, describe(e), 0);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a stray .part file is harmless: it is never read
                }
            }
        }
    }

    private static long copy(InputStream body, Path part, URI url) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        long nextReport = PROGRESS_EVERY_BYTES;
        try (OutputStream out = Files.newOutputStream(part)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                written += n;
                if (written >= nextReport) {
                    LOG.info("{}: {} MiB so far", url, written >> 20);
                    nextReport += PROGRESS_EVERY_BYTES;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("interrupted");
                }
            }
        }
        return written;
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String statusReason(int status) {
        if (status == 401 || status == 403) {
            return "HTTP " + status + " (access refused: a gated or private repository? set HF_TOKEN)";
        }
        if (status == 404) {
            return "HTTP 404 (not found)";
        }
        return "HTTP " + status;
    }

    /** A few words for an I/O failure; the JDK's HTTP client often throws exceptions without a message. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host (offline, or no DNS?)";
            }
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within the connect timeout (offline?)";
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within " + RESPONSE_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused (offline, or nothing listening?)";
        }
        if (e instanceof SSLException) {
            return "TLS failure: " + OneLine.of(e);
        }
        return OneLine.of(e);
    }

}
