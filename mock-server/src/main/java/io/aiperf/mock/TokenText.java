package io.aiperf.mock;

/**
 * The text of output tokens. Every token is one very common lowercase English word, and every token but the
 * first carries exactly one leading space.
 *
 * <p>Why words like these: the client re-tokenizes the concatenated output with a real tokenizer (byte-level
 * BPE such as Qwen3 or o200k, or Llama 2's SentencePiece) to count output tokens. Each of these words, with or
 * without its leading space, is a single token in all of them, so the client's count equals the server's
 * {@code completion_tokens}. The first word has no space because SentencePiece adds its own word-start marker;
 * a real space there would cost Llama an extra token.
 */
final class TokenText {

    private static final String[] WORDS = {
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "with", "was", "on", "be", "at", "by",
        "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which", "one", "you", "were",
        "all", "we", "her", "she", "there", "would", "their", "will", "when", "who", "him", "been", "has", "more",
        "if", "no", "out", "so", "what", "up", "can", "about", "into", "them", "some", "time", "only", "new",
        "could", "other", "than", "then", "now", "its", "our", "two", "way", "may", "first", "well", "also",
        "any", "my", "over",
    };

    // Precomputed " word" forms so that streaming allocates no strings per token.
    private static final String[] SPACED = new String[WORDS.length];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            SPACED[i] = " " + WORDS[i];
        }
    }

    private final int start;

    /** Different prompts start at different words; the same prompt always produces the same text. */
    TokenText(long promptHash) {
        this.start = (int) Math.floorMod(promptHash, (long) WORDS.length);
    }

    /** The reasoning that precedes an answer: the same kind of words, starting elsewhere than the answer does. */
    static TokenText reasoning(long promptHash) {
        return new TokenText(~promptHash);
    }

    /** Text of output token {@code index} (0-based). */
    String token(int index) {
        int word = (int) ((start + (long) index) % WORDS.length);
        return index == 0 ? WORDS[word] : SPACED[word];
    }

    /** The first {@code count} tokens concatenated: the whole non-streamed completion. */
    String join(int count) {
        StringBuilder text = new StringBuilder(count * 5);
        for (int i = 0; i < count; i++) {
            text.append(token(i));
        }
        return text.toString();
    }

    static int vocabularySize() {
        return WORDS.length;
    }
}
