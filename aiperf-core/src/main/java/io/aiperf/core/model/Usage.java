package io.aiperf.core.model;

/** The server's own token counts ({@code usage}); any field may be null when the server did not send it. */
public record Usage(Long promptTokens, Long completionTokens, Long totalTokens, Long reasoningTokens) {
}
