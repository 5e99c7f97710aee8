/**
 * Reserved for the telemetry manager (step 9): GPU telemetry (DCGM exporters) and server-metrics scraping, as the
 * next service type, with its entry class at this module's root beside the controller's, the worker's and the
 * records manager's. What it builds on is here already: {@code prometheus} parses what an endpoint serves,
 * {@code stats} turns scrapes into a window's quantiles and increases.
 */
package io.aiperf.telemetry;
