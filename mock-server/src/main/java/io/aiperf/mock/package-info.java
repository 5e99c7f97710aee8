/**
 * An OpenAI-compatible mock inference server on Netty, for testing and benchmarking the AIPerf client.
 *
 * <p>Deliberately depends on no other aiperf module, so a protocol misunderstanding in the client cannot be
 * mirrored here and go unnoticed.
 *
 * <h2>Threading</h2>
 * Each connection belongs to one event loop; {@link io.aiperf.mock.HttpDispatcher},
 * {@link io.aiperf.mock.Exchange} and {@link io.aiperf.mock.SseResponder} are confined to it and unsynchronized.
 * Nothing blocks an event loop: every delay is a task scheduled on the loop at an absolute
 * {@link java.lang.System#nanoTime()} deadline. State shared across loops is the lock-free
 * {@link io.aiperf.mock.RequestLog}, the error injector (one short lock per draw) and what was served,
 * {@link io.aiperf.mock.ServedTraffic}: atomic adds only (one per request at its start and end, one per stream
 * wake-up for the tokens it wrote), read by the scrape routes.
 *
 * <h2>Metrics</h2>
 * {@code GET /metrics} ({@link io.aiperf.mock.VllmMetricsRoute}) renders {@link io.aiperf.mock.ServedTraffic} in
 * vLLM's names; {@code GET /dcgm{N}/metrics} ({@link io.aiperf.mock.DcgmRoute}) is fake dcgm-exporter N, a
 * {@link io.aiperf.mock.DcgmFaker} whose load follows the served token throughput and whose state moves by
 * compare-and-set at each scrape; {@code POST /mock/metrics/reset} restarts their counters.
 *
 * <h2>Timing</h2>
 * Time zero of a request is when its last byte was read (the aggregator hands over the full request).
 * Streamed token {@code i} is written at {@code t0 + ttft + i * itl}; a non-streamed answer at
 * {@code t0 + ttft + itl * n}.
 *
 * <h2>Buffers</h2>
 * The dispatcher releases each request after its route returns; routes read the body synchronously and keep no
 * reference. Response buffers are handed to Netty, which releases them once written (or on failure).
 */
package io.aiperf.mock;
