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
 * {@link io.aiperf.mock.RequestLog} and the error injector (one short lock per draw).
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
