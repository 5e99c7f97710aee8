/**
 * GPU telemetry (DCGM exporters, Prometheus text) and server-metrics scraping. Empty until the telemetry issue:
 * the module exists now so the process and dependency layout is fixed from the first commit.
 */
package io.aiperf.telemetry;
