package io.aiperf.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a turn sends beyond one plain prompt: batches of texts (several prompts in one request, or named texts such
 * as a rankings query and its passages), images, audio clips and videos.
 *
 * <p>{@link #NONE} is the common case: the turn is exactly its {@link Turn#text()}. When {@code texts} is not empty
 * it replaces that single text, and {@link Turn#text()} is then every text content joined by single spaces (what
 * the ISL counts, as AIPerf does).
 *
 * @param texts  named text lists, or empty for the turn's single text
 * @param images named image lists (URL or data URL contents)
 * @param audios named audio lists ({@code "wav,<base64>"} contents)
 * @param videos named video lists (URL or data URL contents)
 * @param rawMessages a trace row's own chat message list as compact JSON (mooncake {@code messages}), sent verbatim
 *               by chat endpoints instead of a message built from the texts; null when none
 * @param tools  the row's {@code tools} list as compact JSON, sent with {@code rawMessages}; null when none
 */
public record TurnContents(List<NamedContents> texts, List<NamedContents> images, List<NamedContents> audios,
                           List<NamedContents> videos, String rawMessages, String tools) {

    public static final TurnContents NONE = new TurnContents(List.of(), List.of(), List.of(), List.of());

    /** Texts and media, without a raw message list. */
    public TurnContents(List<NamedContents> texts, List<NamedContents> images, List<NamedContents> audios,
                        List<NamedContents> videos) {
        this(texts, images, audios, videos, null, null);
    }

    /** A trace row's verbatim chat messages (and tools, or null). */
    public static TurnContents rawMessages(String messagesJson, String toolsJson) {
        return new TurnContents(List.of(), List.of(), List.of(), List.of(), messagesJson, toolsJson);
    }

    public TurnContents {
        texts = texts == null ? List.of() : List.copyOf(texts);
        images = images == null ? List.of() : List.copyOf(images);
        audios = audios == null ? List.of() : List.copyOf(audios);
        videos = videos == null ? List.of() : List.copyOf(videos);
        if (tools != null && rawMessages == null) {
            throw new IllegalArgumentException("tools are sent only with a raw message list");
        }
    }

    /** Whether the turn is a verbatim chat message list. */
    public boolean hasRawMessages() {
        return rawMessages != null;
    }

    /** Whether any image, audio or video is attached. */
    public boolean hasMedia() {
        return !images.isEmpty() || !audios.isEmpty() || !videos.isEmpty();
    }

    public boolean isEmpty() {
        return texts.isEmpty() && !hasMedia() && rawMessages == null;
    }

    /** Every content of the lists, in order. */
    public static List<String> flatten(List<NamedContents> lists) {
        if (lists.size() == 1) {
            return lists.get(0).contents();
        }
        List<String> all = new ArrayList<>();
        for (NamedContents n : lists) {
            all.addAll(n.contents());
        }
        return all;
    }

    /** The texts joined by single spaces (what the ISL counts), or null when there are none. */
    public String joinedText() {
        List<String> all = flatten(texts);
        return all.isEmpty() ? null : String.join(" ", all);
    }
}
