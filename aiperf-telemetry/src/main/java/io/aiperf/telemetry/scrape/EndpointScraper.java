package io.aiperf.telemetry.scrape;

import io.aiperf.core.error.OneLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * GETs every endpoint's Prometheus exposition at once (the JDK's HTTP client, asynchronously), so one slow exporter
 * delays no other and a round takes as long as its slowest answer, bounded by {@link #TIMEOUT}. Accepts OpenMetrics
 * as well as the 0.0.4 text format, as Prometheus itself asks.
 */
public final class EndpointScraper {

    /** Longer than a scrape interval would be pointless: the next round is due. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.9,"
            + "text/plain;version=0.0.4;q=0.8,*/*;q=0.1";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** One scrape of each of {@code urls}, in their order; never throws. */
    public List<Scrape> scrapeAll(List<String> urls) {
        List<CompletableFuture<Scrape>> pending = new ArrayList<>(urls.size());
        for (String url : urls) {
            pending.add(scrape(url));
        }
        List<Scrape> done = new ArrayList<>(urls.size());
        for (CompletableFuture<Scrape> f : pending) {
            done.add(f.join());
        }
        return done;
    }

    private CompletableFuture<Scrape> scrape(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", ACCEPT).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Scrape(url, epochNow(), null, "not a URL: " + OneLine.of(e)));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long at = epochNow();
            if (failure != null) {
                return new Scrape(url, at, null, OneLine.of(failure));
            }
            if (response.statusCode() != 200) {
                return new Scrape(url, at, null, "HTTP " + response.statusCode());
            }
            return new Scrape(url, at, response.body(), null);
        });
    }

    private static long epochNow() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
