/**
 * The telemetry manager ({@link io.aiperf.telemetry.TelemetryManager}): GPU telemetry from DCGM exporters and the
 * server's own Prometheus metrics, scraped in a JVM of their own beside the run, never on its request path.
 *
 * <h2>Threads</h2>
 * The bus thread (the one calling {@code run}) owns the ZeroMQ sockets: it registers, takes the configuration, sends
 * the scrape thread's notices on and, at the end, the result. The scrape thread ({@code telemetry-scrape},
 * {@link io.aiperf.telemetry.ScrapeLoop}) alone touches the stores ({@code gpu.GpuStore},
 * {@code server.ServerMetricsStore}) and the GPU JSONL until {@code stop} returns; the bus thread reads them after
 * that (a latch orders the two). Notices cross on a concurrent queue. The JDK HTTP client's own threads complete the
 * scrapes; the scrape thread waits for a round's answers, bounded by the scrape timeout.
 *
 * <h2>Cost</h2>
 * Everything here allocates per scrape (the exposition text, its parse), three times a second per endpoint, never
 * per request; a series costs 16 bytes per scrape (an hour: ~170 KB). {@code prometheus} parses what an endpoint
 * serves, {@code stats} and {@code scrape.WindowStats} turn scrapes into a window's statistics and increases.
 */
package io.aiperf.telemetry;
