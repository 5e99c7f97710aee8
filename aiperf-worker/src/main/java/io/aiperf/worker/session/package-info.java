/**
 * Multi-turn conversations on a worker: {@link io.aiperf.worker.session.UserSessions} renders the body of each
 * credit that arrives without one and keeps each conversation instance's message history (user turns and the
 * server's live replies) under its {@code X-Correlation-ID}. Everything here is confined to the worker's bus
 * thread; the HTTP event loops only ever see finished bodies and hand records back through the worker's queue.
 */
package io.aiperf.worker.session;
