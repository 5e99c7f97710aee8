package io.aiperf.worker.session;

/**
 * A worker-rendered request.
 *
 * @param payloadJson the body to send, or null when the credit could not be rendered (no turn text)
 * @param inputText   the text contents of the request joined by single spaces (for the record), or null
 */
public record RenderedTurn(String payloadJson, String inputText) {
}
