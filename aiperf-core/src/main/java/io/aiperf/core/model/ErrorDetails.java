package io.aiperf.core.model;

/**
 * Why a request failed, as data on its record (AIPerf's {@code ErrorDetails}).
 *
 * @param code    HTTP status, 499 for a client-side cancellation, 502 for an SSE {@code event: error}, or null
 *                for failures below HTTP (connect refused, reset, timeout)
 * @param type    a short class of failure, e.g. the HTTP reason phrase or {@code ConnectionRefusedError} (docs/errors.md lists them)
 * @param message human-readable detail (for HTTP errors: the response body, truncated)
 */
public record ErrorDetails(Integer code, String type, String message) {
}
