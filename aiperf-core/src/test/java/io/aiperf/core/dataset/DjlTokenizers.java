package io.aiperf.core.dataset;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real Hugging Face tokenizers for tests, through DJL (test scope only). The tokenizer folder is the system property
 * {@code aiperf.tokenizers.dir}, by default {@code <module dir>/../../shared/tokenizers}; tests are skipped when the
 * file is missing.
 */
final class DjlTokenizers {

    private static final Map<String, TextTokenizer> CACHE = new ConcurrentHashMap<>();

    private DjlTokenizers() {
    }

    static Path dir() {
        String prop = System.getProperty("aiperf.tokenizers.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(base).resolve("../../shared/tokenizers").normalize();
    }

    static TextTokenizer qwen3() {
        return load("qwen3");
    }

    static TextTokenizer llama2() {
        return load("llama2");
    }

    /** Loads {@code <dir>/<name>/tokenizer.json} once per JVM; skips the test if it is not there. */
    static TextTokenizer load(String name) {
        Path file = dir().resolve(name).resolve("tokenizer.json");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no tokenizer at " + file);
        return CACHE.computeIfAbsent(name, n -> {
            try {
                HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder()
                        .optTokenizerPath(file)
                        .optTruncation(false)
                        .optAddSpecialTokens(false)
                        .optPadding(false)
                        .build();
                return new Adapter(name + " (" + file + ")", hf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@link TextTokenizer} over a DJL tokenizer: no special tokens, no truncation; decode keeps special tokens. */
    static final class Adapter implements TextTokenizer {
        private final String name;
        private final HuggingFaceTokenizer hf;

        Adapter(String name, HuggingFaceTokenizer hf) {
            this.name = name;
            this.hf = hf;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int[] encode(String text) {
            long[] ids = hf.encode(text, false, false).getIds();
            int[] out = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                out[i] = Math.toIntExact(ids[i]);
            }
            return out;
        }

        @Override
        public String decode(int[] ids) {
            long[] l = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                l[i] = ids[i];
            }
            return hf.decode(l, false);
        }
    }
}
