package io.aiperf.worker.endpoint;

import java.util.Objects;

/**
 * One entry of a chat request's {@code messages} list: a role and a plain-string content (AIPerf sends a turn with
 * exactly one text and no media as a string).
 *
 * @param role    {@code user} or {@code assistant} (any role is written as given)
 * @param content the text; never null
 */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
