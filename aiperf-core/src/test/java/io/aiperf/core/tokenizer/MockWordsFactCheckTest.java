package io.aiperf.core.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock server streams one common English word per SSE chunk (the first without a leading space, the rest
 * with one) and end-to-end tests expect OSL == max_tokens. That holds only if the client's count of the
 * concatenated text equals the number of words for the tokenizer in use; this test pins the fact for Qwen3,
 * Llama2 and the builtin tokenizer, for the brief's 20 words and for every adjacent pair of the mock's vocabulary.
 *
 * <p>Note: with Llama 2 (SentencePiece) a word <em>with</em> its leading space is two tokens when tokenized alone
 * (a word-start marker plus the word), but one token in running text, which is what the client counts.
 */
class MockWordsFactCheckTest {

    static final String TEXT = "the of and to in is that for it as with was on be at by this had not are";

    /** mock-server's TokenText vocabulary (kept in sync by hand; a mismatch only weakens this check). */
    static final String[] MOCK_WORDS = {
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "with", "was", "on", "be", "at", "by",
        "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which", "one", "you", "were",
        "all", "we", "her", "she", "there", "would", "their", "will", "when", "who", "him", "been", "has", "more",
        "if", "no", "out", "so", "what", "up", "can", "about", "into", "them", "some", "time", "only", "new",
        "could", "other", "than", "then", "now", "its", "our", "two", "way", "may", "first", "well", "also",
        "any", "my", "over",
    };

    @Test
    void builtinCountsOneTokenPerWord() {
        check(TiktokenTextTokenizer.o200kBase());
    }

    @Test
    void qwen3CountsOneTokenPerWord() {
        check(TokenizerLoader.loadLocal(SharedTokenizers.require("qwen3"), "qwen3"));
    }

    @Test
    void llama2CountsOneTokenPerWord() {
        check(TokenizerLoader.loadLocal(SharedTokenizers.require("llama2"), "llama2"));
    }

    private static void check(TextTokenizer tokenizer) {
        String[] words = TEXT.split(" ");
        List<String> isolated = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String piece = i == 0 ? words[i] : " " + words[i];
            int n = tokenizer.countTokens(piece);
            if (n != 1) {
                isolated.add("'" + piece + "'=" + n);
            }
        }
        int whole = tokenizer.countTokens(TEXT);
        System.out.println("[fact-check] " + tokenizer.name() + ": " + whole + " tokens for " + words.length
                + " words; pieces not 1 token when tokenized alone: " + isolated);
        assertThat(whole).as("tokens of the 20-word text with %s", tokenizer.name()).isEqualTo(words.length);

        List<String> badPairs = new ArrayList<>();
        for (String first : MOCK_WORDS) {
            if (tokenizer.countTokens(first) != 1) {
                badPairs.add("'" + first + "'");
            }
            for (String second : MOCK_WORDS) {
                String text = first + " " + second;
                if (tokenizer.countTokens(text) != 2) {
                    badPairs.add("'" + text + "'");
                }
            }
        }
        StringBuilder cyclic = new StringBuilder();
        for (int i = 0; i < 3 * MOCK_WORDS.length; i++) {
            cyclic.append(i == 0 ? "" : " ").append(MOCK_WORDS[i % MOCK_WORDS.length]);
        }
        assertThat(badPairs).as("mock vocabulary words/pairs not counted one token per word").isEmpty();
        assertThat(tokenizer.countTokens(cyclic.toString())).isEqualTo(3 * MOCK_WORDS.length);
    }
}
