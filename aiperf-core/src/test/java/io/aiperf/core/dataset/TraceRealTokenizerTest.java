package io.aiperf.core.dataset;

import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.SharedTokenizers;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A mooncake trace's {@code input_length} is the exact ISL with the real Qwen3 tokenizer (skipped without it). */
class TraceRealTokenizerTest {

    @TempDir
    Path dir;

    @Test
    void inputLengthIsExactWithQwen3() throws IOException {
        TextTokenizer tok = SharedTokenizers.qwen3();
        int[] lengths = {1, 2, 7, 64, 512, 655, 2048};
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            StringBuilder ids = new StringBuilder();
            for (int b = 0; b < (lengths[i] + 511) / 512; b++) {
                ids.append(b == 0 ? "" : ", ").append(1000 * i + b);
            }
            rows.add("{\"timestamp\": " + (i * 100) + ", \"input_length\": " + lengths[i]
                    + ", \"output_length\": 8, \"hash_ids\": [" + ids + "]}");
        }
        rows.add("{\"timestamp\": 900, \"text_input\": \"Hello, how are you today?\"}");
        Path f = dir.resolve("trace.jsonl");
        Files.write(f, rows);
        FileDataset ds = FileDatasetLoader.builder(f, tok).streams(new RandomStreams(42L)).load();
        assertThat(ds.inexactPrompts()).isZero();
        for (int i = 0; i < lengths.length; i++) {
            Turn t = ds.conversations().get(i).firstTurn();
            assertThat(t.inputTokens()).isEqualTo(lengths[i]);
            assertThat(tok.countTokens(t.text())).as("row %d", i + 1).isEqualTo(lengths[i]);
            assertThat(t.text()).doesNotContain("\uFFFD");
        }
        Turn text = ds.conversations().get(lengths.length).firstTurn();
        assertThat(text.inputTokens()).isEqualTo(tok.countTokens("Hello, how are you today?"));
    }

    @Test
    void sharedHashIdsShareTheDecodedPrefixWithQwen3() throws IOException {
        TextTokenizer tok = SharedTokenizers.qwen3();
        Path f = dir.resolve("shared.jsonl");
        Files.write(f, List.of(
                "{\"timestamp\": 0, \"input_length\": 40, \"hash_ids\": [7, 8, 9]}",
                "{\"timestamp\": 1, \"input_length\": 33, \"hash_ids\": [7, 8, 10]}",
                "{\"timestamp\": 2, \"input_length\": 20, \"hash_ids\": [7, 11]}"));
        FileDataset ds = FileDatasetLoader.builder(f, tok).streams(new RandomStreams(42L)).blockSize(16).load();
        assertThat(ds.inexactPrompts()).isZero();
        List<String> texts = ds.conversations().stream().map(c -> c.firstTurn().text()).toList();
        int[] lengths = {40, 33, 20};
        for (int i = 0; i < 3; i++) {
            assertThat(tok.countTokens(texts.get(i))).as("row %d", i + 1).isEqualTo(lengths[i]);
        }
        String a = texts.get(0);
        String b = texts.get(1);
        String c = texts.get(2);
        int ab = commonPrefix(a, b);
        int ac = commonPrefix(a, c);
        assertThat(ab).isGreaterThan(ac);
        // blocks 7 and 8 (32 tokens) are the same text in rows 1 and 2; block 7 in all three
        assertThat(tok.countTokens(a.substring(0, ab))).isGreaterThanOrEqualTo(31);
        assertThat(tok.countTokens(a.substring(0, ac))).isGreaterThanOrEqualTo(15);
    }

    @Test
    void bailianChainsWithManySmallBlocksAreExactWithQwen3() throws IOException {
        TextTokenizer tok = SharedTokenizers.qwen3();
        List<String> rows = new ArrayList<>();
        java.util.Random r = new java.util.Random(3);
        int[] lengths = new int[24];
        for (int i = 0; i < lengths.length; i++) {
            int blocks = 1 + r.nextInt(40);
            lengths[i] = (blocks - 1) * 16 + 1 + r.nextInt(16);
            StringBuilder ids = new StringBuilder();
            for (int b = 0; b < blocks; b++) {
                // the first 10 blocks are shared by every row; later ones by rows of the same parity
                ids.append(b == 0 ? "" : ", ").append(b < 10 ? b : 1000 * (i % 2) + b);
            }
            rows.add("{\"chat_id\": " + i + ", \"parent_chat_id\": " + (i < 2 ? -1 : i - 2) + ", \"timestamp\": "
                    + i + ", \"input_length\": " + lengths[i] + ", \"hash_ids\": [" + ids + "]}");
        }
        Path f = dir.resolve("bailian.jsonl");
        Files.write(f, rows);
        FileDataset ds = FileDatasetLoader.builder(f, tok).streams(new RandomStreams(42L)).load();
        assertThat(ds.inexactPrompts()).isZero();
        assertThat(ds.conversations()).hasSize(2);
        for (Conversation c : ds.conversations()) {
            for (Turn t : c.turns()) {
                assertThat(tok.countTokens(t.text())).isEqualTo(lengths[(int) (t.timestampMs() / 1000)]);
            }
        }
        assertThat(ds.turnCount()).isEqualTo(lengths.length);
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
