package io.aiperf.telemetry;

import io.aiperf.core.config.TelemetryConfig;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Message.GpuLive;
import io.aiperf.telemetry.gpu.GpuField;
import io.aiperf.telemetry.gpu.GpuFields;
import io.aiperf.telemetry.gpu.GpuLiveSnapshots;
import io.aiperf.telemetry.gpu.GpuLiveStats;
import io.aiperf.telemetry.gpu.GpuStore;
import io.aiperf.telemetry.gpu.GpuTelemetryJsonl;
import io.aiperf.telemetry.prometheus.Exposition;
import io.aiperf.telemetry.prometheus.ExpositionParser;
import io.aiperf.telemetry.prometheus.ParseProblem;
import io.aiperf.telemetry.scrape.EndpointScraper;
import io.aiperf.telemetry.scrape.Scrape;
import io.aiperf.telemetry.server.ServerMetricsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The scrape thread ({@code telemetry-scrape}): every {@link TelemetryConfig#gpuIntervalMs} it GETs the DCGM
 * exporters and every {@link TelemetryConfig#serverIntervalMs} the servers' {@code /metrics}, each round's endpoints
 * at once; it parses what came back and folds it into the GPU and server-metrics stores; GPU samples go to the JSONL
 * as they arrive. The first round sorts the endpoints: a default that did not answer is dropped without a
 * word; one the user named is reported once and tried again every round. A malformed exposition is reported once
 * per endpoint (its URL and first bad line); its good lines are kept. It owns the stores until {@link #stop} has
 * returned; the bus thread reads them after that. Words for the user go through {@link #pollNotice()}. With
 * {@code --gpu-telemetry dashboard} it also keeps the dashboard's running GPU statistics and leaves a snapshot of them
 * at most once a second for the bus thread ({@link #takeGpuLive()}).
 */
final class ScrapeLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ScrapeLoop.class);

    private final TelemetryConfig config;
    private final Path gpuJsonlFile;
    private final EndpointScraper scraper = new EndpointScraper();
    final GpuStore gpus;
    final ServerMetricsStore server = new ServerMetricsStore();
    private final Queue<String> notices = new ConcurrentLinkedQueue<>();
    private final Set<String> gpuUrls = new LinkedHashSet<>();
    private final Set<String> serverUrls = new LinkedHashSet<>();
    private final Set<String> userUrls = new HashSet<>();
    private final Set<String> reported = new HashSet<>();
    private final Set<String> answered = new LinkedHashSet<>();
    private final CountDownLatch firstRound = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    /** Set by the bus thread when profiling starts (wall clock); the live GPU statistics start again from it. */
    private volatile long profilingStartEpochNs;
    private final GpuLiveStats gpuLive;
    private final GpuLiveSnapshots gpuLiveSnapshots;
    private GpuTelemetryJsonl jsonl;
    private boolean jsonlClosed;
    private Thread thread;

    ScrapeLoop(TelemetryConfig config, Path gpuJsonlFile) {
        this.config = config;
        this.gpuJsonlFile = gpuJsonlFile;
        this.gpus = new GpuStore(GpuFields.of(config.gpu().customFields()));
        if (config.gpu().enabled()) {
            gpuUrls.addAll(config.gpu().urls());
            gpuUrls.addAll(config.gpu().defaultUrls());
            userUrls.addAll(config.gpu().urls());
        }
        if (config.serverMetrics().enabled() || !config.prometheusMetrics().isEmpty()) {
            serverUrls.addAll(config.serverMetrics().urls());
            serverUrls.addAll(config.serverMetrics().defaultUrls());
            userUrls.addAll(config.serverMetrics().urls());
        }
        boolean dashboard = config.gpu().enabled() && config.gpu().dashboard();
        gpuLive = dashboard ? new GpuLiveStats() : null;
        gpuLiveSnapshots = dashboard ? new GpuLiveSnapshots(gpuLive, System::nanoTime) : null;
    }

    void start() {
        thread = new Thread(this, "telemetry-scrape");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the first round (every endpoint tried once). */
    boolean awaitFirstRound(long timeoutMs) throws InterruptedException {
        return firstRound.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            boolean first = true;
            long gpuPeriodNs = TimeUnit.MILLISECONDS.toNanos(config.gpuIntervalMs());
            long serverPeriodNs = TimeUnit.MILLISECONDS.toNanos(config.serverIntervalMs());
            long nextGpuNs = System.nanoTime();
            long nextServerNs = nextGpuNs;
            while (running) {
                long now = System.nanoTime();
                boolean gpuDue = first || now - nextGpuNs >= 0;
                boolean serverDue = first || now - nextServerNs >= 0;
                List<String> urls = new ArrayList<>();
                if (gpuDue) {
                    urls.addAll(gpuUrls);
                }
                if (serverDue) {
                    serverUrls.stream().filter(u -> !urls.contains(u)).forEach(urls::add);
                }
                for (Scrape s : scraper.scrapeAll(urls)) {
                    fold(s, first);
                }
                if (first) {
                    // A default that did not answer is not there: no word, no more tries.
                    gpuUrls.removeIf(u -> !answered.contains(u) && !userUrls.contains(u));
                    serverUrls.removeIf(u -> !answered.contains(u) && !userUrls.contains(u));
                    first = false;
                    firstRound.countDown();
                }
                if (gpuLiveSnapshots != null) {
                    gpuLiveSnapshots.offer();
                }
                // Each kind keeps its own period; a slow round moves the next one to now, none is made up.
                now = System.nanoTime();
                if (gpuDue) {
                    nextGpuNs = nextGpuNs + gpuPeriodNs - now > 0 ? nextGpuNs + gpuPeriodNs : now;
                }
                if (serverDue) {
                    nextServerNs = nextServerNs + serverPeriodNs - now > 0 ? nextServerNs + serverPeriodNs : now;
                }
                long sleepNs = Math.min(nextGpuNs, nextServerNs) - now;
                if (sleepNs > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleepNs);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("telemetry scraping stopped", e);
            notices.add("telemetry scraping stopped: " + OneLine.of(e));
        } finally {
            // The JSONL stays open for the final round; every scrape was flushed already.
            firstRound.countDown();
            stopped.countDown();
        }
    }

    private void fold(Scrape s, boolean first) {
        if (!s.ok()) {
            if (userUrls.contains(s.url()) && reported.add(s.url())) {
                notices.add("telemetry endpoint " + s.url() + " is unreachable (" + s.failure()
                        + "); the run goes on without it");
            }
            return;
        }
        Exposition e = ExpositionParser.parse(s.text());
        if (!e.problems().isEmpty() && reported.add("malformed " + s.url())) {
            ParseProblem p = e.problems().get(0);
            notices.add("malformed metrics from " + s.url() + " line " + p.line() + ": " + p.message() + " ("
                    + e.problems().size() + " bad line(s) skipped; the rest is kept)");
        }
        answered.add(s.url());
        if (gpuUrls.contains(s.url())) {
            var scraped = gpus.accept(s.url(), s.epochNs(), e);
            if (!scraped.isEmpty()) {
                writeJsonl(s.epochNs(), scraped);
                if (gpuLive != null) {
                    gpuLive.accept(s.epochNs(), scraped, profilingStartEpochNs);
                }
            }
        }
        if (serverUrls.contains(s.url())) {
            server.accept(s.url(), s.epochNs(), e);
        }
    }

    private void writeJsonl(long epochNs, List<Map.Entry<GpuStore.Gpu, Map<GpuField, Double>>> scraped) {
        try {
            if (jsonl == null) {
                jsonl = new GpuTelemetryJsonl(gpuJsonlFile);
            }
            if (!jsonlClosed) {
                jsonl.write(epochNs, scraped);
            }
        } catch (IOException ex) {
            if (reported.add("jsonl")) {
                notices.add("cannot write " + gpuJsonlFile + ": " + OneLine.of(ex));
            }
        }
    }

    private void closeJsonl() {
        if (jsonl != null && !jsonlClosed) {
            jsonlClosed = true;
            try {
                jsonl.close();
            } catch (IOException ex) {
                log.warn("cannot close {}: {}", gpuJsonlFile, OneLine.of(ex));
            }
        }
    }

    /** Ends the loop after the round under way; the stores are the caller's once this returns. */
    void stop(long timeoutMs) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        stopped.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * One more round after {@link #stop}, on the caller's thread: the counters' values once the last requests of the
     * window have ended (AIPerf keeps scraping a little after profiling for the same reason). @return when it ran
     */
    long finalRound() {
        List<String> urls = new ArrayList<>(gpuUrls);
        serverUrls.stream().filter(u -> !gpuUrls.contains(u)).forEach(urls::add);
        long at = 0;
        for (Scrape s : scraper.scrapeAll(urls)) {
            fold(s, false);
            at = Math.max(at, s.epochNs());
        }
        return at;
    }

    /** Closes the JSONL; after {@link #stop}. */
    void close() {
        closeJsonl();
    }

    /** Endpoints that answered at least once, in the order tried. */
    List<String> answeredGpu() {
        return answered.stream().filter(gpuUrls::contains).filter(gpus::hasGpus).toList();
    }

    List<String> answeredServer() {
        return answered.stream().filter(serverUrls::contains).toList();
    }

    List<String> configuredGpu() {
        List<String> all = new ArrayList<>(config.gpu().urls());
        config.gpu().defaultUrls().stream().filter(u -> !all.contains(u)).forEach(all::add);
        return config.gpu().enabled() ? all : List.of();
    }

    List<String> configuredServer() {
        List<String> all = new ArrayList<>(config.serverMetrics().urls());
        config.serverMetrics().defaultUrls().stream().filter(u -> !all.contains(u)).forEach(all::add);
        return all;
    }

    /** The path of the GPU JSONL when one was written. */
    Path gpuJsonl() {
        return jsonl == null ? null : jsonl.file();
    }

    /** Bus thread: profiling began at {@code epochNs} (wall clock); the live GPU statistics cover it from now on. */
    void profilingStarted(long epochNs) {
        profilingStartEpochNs = epochNs;
    }

    /** Bus thread: the dashboard's latest GPU statistics not sent yet, or null (always null without the dashboard). */
    GpuLive takeGpuLive() {
        return gpuLiveSnapshots == null ? null : gpuLiveSnapshots.take();
    }

    /** The next word for the user, or null. */
    String pollNotice() {
        return notices.poll();
    }
}
