/**
 * Reserved for the telemetry manager (step 9): GPU telemetry (DCGM exporters, Prometheus text) and server-metrics
 * scraping, as the next service type, with its entry class at this module's root beside the controller's, the
 * worker's and the records manager's. Empty until then.
 */
package io.aiperf.telemetry;
