/**
 * What the benchmark sends and how it reads what comes back, per endpoint type.
 *
 * <ul>
 *   <li>{@link io.aiperf.core.endpoint.PayloadFormatter}: the request body of a turn (cold path: the controller
 *       pre-renders payloads, which also go to {@code inputs.json}); deterministic key order.</li>
 *   <li>{@link io.aiperf.core.endpoint.ResponseParser}: one server message (SSE {@code data:} payload or whole
 *       body) to text, reasoning and usage. Hot path: runs on the event loop once per SSE event. Chat and
 *       completions use Jackson's streaming parser (no tree); the other endpoints ({@code TreeResponseParser}:
 *       embeddings, rankings, TGI, Responses, Solido RAG) read a small tree. Embeddings and rankings answers are
 *       one non-text content response ({@link io.aiperf.core.endpoint.ParsedResponse#nonText}).</li>
 * </ul>
 *
 * Parsers never throw anything but {@link io.aiperf.core.endpoint.ResponseParseException} (stack-trace free),
 * which the transport turns into an error record.
 */
package io.aiperf.core.endpoint;
