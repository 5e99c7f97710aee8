package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.TurnContents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The media fields of a single_turn row (or multi_turn turn, or random_pool row): {@code image} | {@code images},
 * {@code audio} | {@code audios}, {@code video} | {@code videos}. The singular takes one string; the plural a
 * non-empty list of strings or of {@code {"name": ..., "contents": [strings]}} objects. Each string is a URL, a
 * data URL or a local file ({@link MediaFiles}); audio may also be {@code "<format>,<base64>"}.
 */
final class RowMedia {

    private RowMedia() {
    }

    /** The row's media as contents without texts ({@link TurnContents#NONE} when it has none). */
    static TurnContents read(RowFields f) {
        List<NamedContents> images = modality(f, "image", "images", MediaFiles.Kind.IMAGE);
        List<NamedContents> audios = modality(f, "audio", "audios", MediaFiles.Kind.AUDIO);
        List<NamedContents> videos = modality(f, "video", "videos", MediaFiles.Kind.VIDEO);
        if (images.isEmpty() && audios.isEmpty() && videos.isEmpty()) {
            return TurnContents.NONE;
        }
        return new TurnContents(List.of(), images, audios, videos);
    }

    /**
     * The texts of {@code base} with its media lists followed by those of {@code more} (a turn getting its row's
     * media; random_pool: the rows drawn for one request).
     */
    static TurnContents merge(TurnContents base, TurnContents more) {
        if (!more.hasMedia()) {
            return base;
        }
        return new TurnContents(base.texts(), concat(base.images(), more.images()),
                concat(base.audios(), more.audios()), concat(base.videos(), more.videos()));
    }

    private static List<NamedContents> concat(List<NamedContents> a, List<NamedContents> b) {
        List<NamedContents> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<NamedContents> modality(RowFields f, String one, String many, MediaFiles.Kind kind) {
        f.exclusive(one, many);
        if (f.has(one)) {
            JsonNode v = f.node().get(one);
            if (!v.isTextual()) {
                throw f.error("'" + one + "' must be a string (a URL, data URL or file path), found "
                        + RowFields.kind(v));
            }
            return List.of(new NamedContents(kind.defaultName,
                    List.of(f.media().content(f, "'" + one + "'", v.textValue(), kind))));
        }
        if (!f.has(many)) {
            return List.of();
        }
        JsonNode list = f.node().get(many);
        if (!list.isArray() || list.isEmpty()) {
            throw f.error("'" + many + "' must be a non-empty list, found " + RowFields.kind(list));
        }
        List<NamedContents> out = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = many + "[" + i + "]";
            if (e.isTextual()) {
                plain.add(f.media().content(f, "'" + at + "'", e.textValue(), kind));
            } else if (e instanceof ObjectNode obj) {
                if (!plain.isEmpty()) {
                    out.add(new NamedContents(kind.defaultName, plain));
                    plain = new ArrayList<>();
                }
                out.add(named(f.nested(at, obj), obj, kind));
            } else {
                throw f.error("'" + at + "' must be a string or an object with 'contents', found " + RowFields.kind(e));
            }
        }
        if (!plain.isEmpty()) {
            out.add(new NamedContents(kind.defaultName, plain));
        }
        return out;
    }

    private static NamedContents named(RowFields ef, ObjectNode obj, MediaFiles.Kind kind) {
        ef.onlyKeys(Set.of("name", "contents"), kind.noun() + " entry");
        String name = ef.string("name");
        JsonNode contents = obj.get("contents");
        if (contents == null || !contents.isArray() || contents.isEmpty()) {
            throw ef.error("'contents' must be a non-empty list of strings, found " + RowFields.kind(contents));
        }
        List<String> out = new ArrayList<>(contents.size());
        for (int j = 0; j < contents.size(); j++) {
            JsonNode c = contents.get(j);
            if (!c.isTextual()) {
                throw ef.error("'contents[" + j + "]' must be a string, found " + RowFields.kind(c));
            }
            out.add(ef.media().content(ef, "'contents[" + j + "]'", c.textValue(), kind));
        }
        return new NamedContents(name == null ? kind.defaultName : name, out);
    }
}
