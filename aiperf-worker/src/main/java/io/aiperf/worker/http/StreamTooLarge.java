package io.aiperf.worker.http;

/**
 * Sent by {@link SseDecoder} in place of the rest of an event stream that went past its byte cap: the response
 * handler turns it into a {@code ResponseTooLargeError} record and closes the connection. Without the cap, a stream
 * that never ends (or one {@code data:} line that never ends) would grow the worker's memory until the request
 * timeout, which is six hours by default.
 *
 * @param maxBytes the cap that was exceeded
 */
record StreamTooLarge(long maxBytes) {
}
