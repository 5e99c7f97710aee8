package io.aiperf.worker.endpoint;

import io.aiperf.core.model.Usage;

/**
 * What one server message carried.
 *
 * @param text      output text, or null
 * @param reasoning reasoning text, or null
 * @param usage     the message's {@code usage} object, or null when absent or JSON null
 */
public record ParsedResponse(String text, String reasoning, Usage usage) {

    /** True when the message carries non-empty text or reasoning, i.e. counts as a content response. */
    public boolean hasContent() {
        return (text != null && !text.isEmpty()) || (reasoning != null && !reasoning.isEmpty());
    }
}
