package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What the server saw when one inference request arrived. "Arrived" means the whole request (headers and
 * body) had been read, which is the instant the token schedule starts from.
 *
 * @param arrivalNs       {@link System#nanoTime()} at arrival; comparable with the caller's own nanoTime
 *                        when the server runs in the same process (and on Linux, in the same host)
 * @param arrivalEpochNs  wall-clock time at arrival, nanoseconds since the Unix epoch
 * @param path            request path, e.g. {@code /v1/chat/completions}
 * @param model           the request's {@code model} field, or null if absent or the body was not JSON
 * @param stream          the request's {@code stream} field
 * @param xRequestId      the {@code X-Request-ID} header, or null
 * @param xCorrelationId  the {@code X-Correlation-ID} header, or null
 * @param images          image parts (chat, responses) or {@code <img>} inputs (NIM embeddings) in the body
 * @param audios          {@code input_audio} parts in the body
 * @param videos          {@code video_url} parts in the body
 * @param body            the parsed JSON body, so tests can check what the client sent; null if it was not JSON,
 *                        and null past the first {@link RequestLog#MAX_BODIES} records of a log
 * @param fault           the {@link Fault} injected into this request's answer, or null for a normal answer
 * @param connection      which connection it came on: 1 for the server's first accepted connection, then 2, …
 * @param writes          when the server wrote each part of the answer (filled in as the answer goes out)
 * @param headers         every request header, names as sent (a repeated name's values joined with {@code ", "}),
 *                        so tests can check what credentials arrived; null past the first
 *                        {@link RequestLog#MAX_BODIES} records of a log, like the body
 */
public record RequestRecord(
        long arrivalNs,
        long arrivalEpochNs,
        String path,
        String model,
        boolean stream,
        String xRequestId,
        String xCorrelationId,
        int images,
        int audios,
        int videos,
        JsonNode body,
        Fault fault,
        long connection,
        ResponseWrites writes,
        Map<String, String> headers) {

    /** The value of request header {@code name} (case-insensitive), or null; null too when headers were not kept. */
    public String header(String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    RequestRecord withoutBody() {
        return new RequestRecord(arrivalNs, arrivalEpochNs, path, model, stream, xRequestId, xCorrelationId, images,
                audios, videos, null, fault, connection, writes, null);
    }

    RequestRecord withHeaders(Map<String, String> requestHeaders) {
        return new RequestRecord(arrivalNs, arrivalEpochNs, path, model, stream, xRequestId, xCorrelationId, images,
                audios, videos, body, fault, connection, writes, requestHeaders);
    }
}
