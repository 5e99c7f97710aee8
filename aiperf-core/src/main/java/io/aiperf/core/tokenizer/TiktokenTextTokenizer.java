package io.aiperf.core.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * The {@code builtin} tokenizer: tiktoken's {@code o200k_base} via JTokkit. The vocabulary ships inside the
 * JTokkit jar, so it works offline. Text that looks like a special token (for example {@code <|endoftext|>}) is
 * encoded as ordinary text, never as a special token.
 *
 * <p>Thread-safe: JTokkit encodings are immutable.
 */
public final class TiktokenTextTokenizer implements TextTokenizer {

    /** What {@link #name()} reports. */
    public static final String NAME = "builtin (tiktoken o200k_base)";

    private static final class Holder {
        static final TiktokenTextTokenizer INSTANCE = new TiktokenTextTokenizer(
                Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE));
    }

    private final Encoding encoding;

    private TiktokenTextTokenizer(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The shared instance (the vocabulary is loaded once, on first use). */
    public static TiktokenTextTokenizer o200kBase() {
        return Holder.INSTANCE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int[] encode(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        return encoding.encodeOrdinary(text).toArray();
    }

    @Override
    public String decode(int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        for (int id : ids) {
            list.add(id);
        }
        return encoding.decode(list);
    }

    @Override
    public int countTokens(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
