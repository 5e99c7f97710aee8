package io.aiperf.core.model;

import java.util.List;

/**
 * A named list of one modality's contents in a turn (AIPerf's {@code Text}/{@code Image}/{@code Audio}/{@code Video}
 * with {@code name} and {@code contents}). Names carry meaning for some endpoints: rankings read the texts named
 * {@code query} and {@code passages}; templates can address contents by name.
 *
 * @param name     the name ({@code text}, {@code image_url}, {@code query}, …); never null
 * @param contents the contents in order: prompts for texts, URLs or data URLs for images and videos,
 *                 {@code "<format>,<base64>"} for audio
 */
public record NamedContents(String name, List<String> contents) {

    public NamedContents {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        contents = List.copyOf(contents);
    }

    public static NamedContents of(String name, String... contents) {
        return new NamedContents(name, List.of(contents));
    }
}
