/**
 * The {@code --api-port} live JSON endpoint: {@link io.aiperf.cli.api.LiveRunState} keeps the latest progress,
 * stage, metrics and worker rows the controller publishes, {@link io.aiperf.cli.api.ApiJson} renders them and
 * {@link io.aiperf.cli.api.ApiServer} serves them on its own thread. {@code ProfileCommand} starts the server for the
 * whole command (every run of a plan) and {@code ProfileRunner} hands it each event it hands the live UI.
 */
package io.aiperf.cli.api;
