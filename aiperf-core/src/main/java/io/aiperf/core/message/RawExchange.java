package io.aiperf.core.message;

import java.util.List;
import java.util.Map;

/**
 * One request and its response as they crossed the wire, for {@code profile_export_raw.jsonl}. Workers build it only
 * at export level raw; otherwise a {@link RequestRecord} carries none. Secret request headers are already redacted
 * by the worker, so the credential never leaves it.
 *
 * @param payload         the exact request body sent
 * @param requestHeaders  the request headers in send order, secret values replaced by
 *                        {@link io.aiperf.core.config.BenchmarkConfig#REDACTED}
 * @param responseHeaders the final response's headers (repeated names joined by {@code ", "}), or null when none came
 * @param responses       what came back, in arrival order: every SSE message, or the whole body
 */
public record RawExchange(
        String payload,
        Map<String, String> requestHeaders,
        Map<String, String> responseHeaders,
        List<RawResponse> responses) {

    public RawExchange {
        requestHeaders = requestHeaders == null ? Map.of() : requestHeaders;
        responses = responses == null ? List.of() : List.copyOf(responses);
    }

    /**
     * One SSE message ({@code packets} set) or one non-streaming body ({@code contentType} and {@code text} set).
     *
     * @param perfNs      the worker's {@code System.nanoTime()} when the read that completed it arrived
     * @param packets     the SSE fields in order ({@code event}, {@code data}, {@code comment}), or null
     * @param contentType the body's content type, or null
     * @param text        the body as text, or null
     */
    public record RawResponse(long perfNs, List<Packet> packets, String contentType, String text) {
    }

    /** One SSE field. */
    public record Packet(String name, String value) {
    }
}
