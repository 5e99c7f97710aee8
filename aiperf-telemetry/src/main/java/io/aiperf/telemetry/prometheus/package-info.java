/**
 * Reading what a Prometheus endpoint serves: {@link io.aiperf.telemetry.prometheus.ExpositionParser} turns text
 * format 0.0.4 or OpenMetrics 1.0 into {@link io.aiperf.telemetry.prometheus.MetricFamily families} of
 * {@link io.aiperf.telemetry.prometheus.Sample samples}, and every line it cannot read into a
 * {@link io.aiperf.telemetry.prometheus.ParseProblem} that the caller logs with the URL; nothing is thrown.
 *
 * <p>Threads: the telemetry service's scrape thread calls it, once per scrape of each endpoint (DCGM exporters, the
 * inference server's {@code /metrics}). It allocates per scrape (the families, their samples, label maps), never per
 * benchmark request, and holds no state between calls, so the worker's request path never meets it.
 * docs/telemetry.md says what is accepted and what becomes a problem.
 */
package io.aiperf.telemetry.prometheus;
