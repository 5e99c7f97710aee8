package io.aiperf.core.endpoint;

import io.aiperf.core.model.TurnContents;

import java.util.Objects;

/**
 * One entry of a chat request's {@code messages} list. AIPerf sends a message with exactly one text and no media as
 * a plain string {@code content}; anything else (a text batch, images, audio, video) as a list of content parts,
 * rendered from {@code contents} by {@link ContentParts}.
 *
 * @param role     {@code system}, {@code user} or {@code assistant} (any role is written as given)
 * @param text     the text contents joined by spaces (the string content of a plain message); never null
 * @param contents the parts, or {@link TurnContents#NONE} for a plain string message
 */
public record ChatMessage(String role, String text, TurnContents contents) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        contents = contents == null ? TurnContents.NONE : contents;
    }

    public ChatMessage(String role, String text) {
        this(role, text, TurnContents.NONE);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage("user", text);
    }

    public static ChatMessage user(String text, TurnContents contents) {
        return new ChatMessage("user", text, contents);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text);
    }

    public static ChatMessage system(String text) {
        return new ChatMessage("system", text);
    }

    /** Whether the content is written as a plain string (one text, no media). */
    public boolean plain() {
        return !contents.hasMedia()
                && (contents.texts().isEmpty() || TurnContents.flatten(contents.texts()).size() == 1);
    }
}
