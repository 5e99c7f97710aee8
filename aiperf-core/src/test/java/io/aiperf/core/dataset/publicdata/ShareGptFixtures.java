package io.aiperf.core.dataset.publicdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** ShareGPT-shaped files for tests, and a tokenizer whose counts are easy to reason about. */
final class ShareGptFixtures {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ShareGptFixtures() {
    }

    /** {@code n} words: "w0 w1 ...", so its token count with {@link #words()} is {@code n}. */
    static String words(String tag, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(tag).append(i);
        }
        return sb.toString();
    }

    /** One token per whitespace-separated word; thread-safe; ids are word lengths (decode is not needed). */
    static TextTokenizer words() {
        return new TextTokenizer() {
            @Override
            public String name() {
                return "words (test)";
            }

            @Override
            public int[] encode(String text) {
                String s = text.strip();
                return s.isEmpty() ? new int[0] : java.util.Arrays.stream(s.split("\\s+")).mapToInt(String::length)
                        .toArray();
            }

            @Override
            public String decode(int[] ids) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** An entry as the real file has them: id, then conversations of {from, value} messages. */
    static ObjectNode entry(String id, String... values) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", id);
        ArrayNode conv = e.putArray("conversations");
        for (int i = 0; i < values.length; i++) {
            ObjectNode m = conv.addObject();
            m.put("from", i % 2 == 0 ? "human" : "gpt");
            m.put("value", values[i]);
        }
        return e;
    }

    /** Writes the entries as one pretty-printed JSON array (several lines, like the real file). */
    static Path write(Path file, List<ObjectNode> entries) throws IOException {
        ArrayNode root = JSON.createArrayNode();
        entries.forEach(root::add);
        JSON.writeValue(file.toFile(), root);
        return file;
    }
}
