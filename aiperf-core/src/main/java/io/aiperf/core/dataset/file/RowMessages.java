package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.core.model.TurnContents;

import java.util.ArrayList;
import java.util.List;

/**
 * A mooncake row's {@code messages} (an OpenAI chat message list, sent verbatim) and {@code tools}. Each message
 * needs a string {@code role}; its {@code content} may be a string, a list of content parts or absent (an assistant
 * message carrying tool calls). The text the ISL counts is every string content and every text part, joined by
 * single spaces.
 */
final class RowMessages {

    private RowMessages() {
    }

    /** The row's text (for the ISL) and its messages and tools as compact JSON. */
    record Parsed(String text, TurnContents contents) {
    }

    static Parsed read(RowFields f) {
        JsonNode messages = f.node().get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw f.error("'messages' must be a non-empty list of chat messages, found " + RowFields.kind(messages));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "messages[" + i + "]";
            if (!m.isObject()) {
                throw f.error("'" + at + "' must be an object with 'role' and 'content', found " + RowFields.kind(m));
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual() || role.textValue().isEmpty()) {
                throw f.error("'" + at + ".role' must be a non-empty string, found " + RowFields.kind(role));
            }
            collectText(f, at, m.get("content"), texts);
        }
        if (texts.isEmpty()) {
            throw f.error("'messages' holds no text content to send");
        }
        String tools = null;
        if (f.has("tools")) {
            JsonNode t = f.node().get("tools");
            if (!t.isArray()) {
                throw f.error("'tools' must be a list, found " + RowFields.kind(t));
            }
            tools = t.toString();
        }
        return new Parsed(String.join(" ", texts), TurnContents.rawMessages(messages.toString(), tools));
    }

    private static void collectText(RowFields f, String at, JsonNode content, List<String> texts) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isTextual()) {
            if (!content.textValue().isEmpty()) {
                texts.add(content.textValue());
            }
            return;
        }
        if (!content.isArray()) {
            throw f.error("'" + at + ".content' must be a string or a list of content parts, found "
                    + RowFields.kind(content));
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            if (!part.isObject()) {
                throw f.error("'" + at + ".content[" + j + "]' must be a content part object, found "
                        + RowFields.kind(part));
            }
            JsonNode text = part.get("text");
            if ("text".equals(part.path("type").asText()) && text != null && text.isTextual()
                    && !text.textValue().isEmpty()) {
                texts.add(text.textValue());
            }
        }
    }
}
