package io.aiperf.core.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Hugging Face {@code tokenizer.json} run by DJL's native (Rust) tokenizers library. Always encodes without
 * special tokens and without truncation, whatever the file says: {@link TokenizerLoader} builds the DJL tokenizer
 * with truncation and padding off, and every call here passes {@code addSpecialTokens=false} again.
 *
 * <p>Thread-safe: the native tokenizer is immutable after loading and encode/decode take no lock. The instance is
 * meant to live for the whole process (loading a large vocabulary costs ~0.5 s); it is never closed while in use.
 */
public final class HuggingFaceTextTokenizer implements TextTokenizer {

    private final HuggingFaceTokenizer delegate;
    private final String name;
    private final Path file;

    HuggingFaceTextTokenizer(HuggingFaceTokenizer delegate, String name, Path file) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The {@code tokenizer.json} it was loaded from (absolute). */
    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] encode(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        long[] ids = delegate.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return delegate.decode(longs, false);
    }

    @Override
    public String toString() {
        return name;
    }
}
