package io.aiperf.core.dataset;

import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trace prompts built from {@code hash_ids} blocks: shared prefixes, exact lengths, the final-block rule. */
class HashBlockPromptsTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();
    private static int[] pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void tokenizePool() {
        pool = PromptCorpus.builtin().tokenize(TOK);
    }

    private FileDataset load(Integer blockSize, long seed, String... rows) throws IOException {
        Path f = dir.resolve("trace.jsonl");
        Files.write(f, List.of(rows));
        return FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(seed)).tokenPool(pool)
                .blockSize(blockSize).load();
    }

    private static List<String> words(FileDataset ds, int conversation) {
        return List.of(ds.conversations().get(conversation).firstTurn().text().split(" "));
    }

    @Test
    void rowsSharingLeadingHashIdsShareTheirPrefix() throws IOException {
        FileDataset ds = load(4, 3L,
                "{\"input_length\": 10, \"hash_ids\": [1, 2, 3]}",
                "{\"input_length\": 12, \"hash_ids\": [1, 2, 4]}",
                "{\"input_length\": 5, \"hash_ids\": [1, 5]}",
                "{\"input_length\": 9, \"hash_ids\": [6, 2, 7]}",
                "{\"input_length\": 7}");
        int[] lengths = {10, 12, 5, 9, 7};
        for (int i = 0; i < lengths.length; i++) {
            assertThat(ds.conversations().get(i).firstTurn().inputTokens()).isEqualTo(lengths[i]);
            assertThat(words(ds, i)).hasSize(lengths[i]);
        }
        assertThat(ds.inexactPrompts()).isZero();
        assertThat(words(ds, 0).subList(0, 8)).isEqualTo(words(ds, 1).subList(0, 8));
        assertThat(words(ds, 0).subList(0, 4)).isEqualTo(words(ds, 2).subList(0, 4));
        // block 2 is the same text wherever it appears
        assertThat(words(ds, 3).subList(4, 8)).isEqualTo(words(ds, 0).subList(4, 8));
        assertThat(words(ds, 3).subList(0, 4)).isNotEqualTo(words(ds, 0).subList(0, 4));
    }

    @Test
    void sameSeedSameBlocksAndTheBlockDoesNotDependOnTheRowsAround() throws IOException {
        FileDataset a = load(4, 11L, "{\"input_length\": 8, \"hash_ids\": [42, 43]}");
        FileDataset b = load(4, 11L, "{\"input_length\": 8, \"hash_ids\": [42, 43]}");
        FileDataset c = load(4, 11L, "{\"input_length\": 3, \"hash_ids\": [9]}",
                "{\"input_length\": 6, \"hash_ids\": [42, 99]}");
        assertThat(a.conversations().get(0).firstTurn().text()).isEqualTo(b.conversations().get(0).firstTurn().text());
        assertThat(words(c, 1).subList(0, 4)).isEqualTo(words(a, 0).subList(0, 4));
    }

    @Test
    void theDefaultBlockIs512ForMooncake() throws IOException {
        FileDataset ds = load(null, 1L, "{\"input_length\": 1024, \"hash_ids\": [1, 2]}",
                "{\"input_length\": 513, \"hash_ids\": [1, 3]}");
        assertThat(words(ds, 0).subList(0, 512)).isEqualTo(words(ds, 1).subList(0, 512));
        assertThat(words(ds, 1)).hasSize(513);
    }

    @Test
    void theFinalBlockMustHoldOneToBlockSizeTokens() throws IOException {
        assertThatThrownBy(() -> load(4, 1L, "{\"input_length\": 4, \"hash_ids\": [1]}",
                "{\"input_length\": 8, \"hash_ids\": [1]}"))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageEndingWith("trace.jsonl:2: 'input_length' 8 does not fit 1 hash_ids of block size 4:"
                        + " the final block would have 8 tokens, but it must have between 1 and 4"
                        + " (input_length must be in [1, 4])");
        assertThatThrownBy(() -> load(4, 1L, "{\"input_length\": 8, \"hash_ids\": [1, 2, 3]}"))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("trace.jsonl:1: 'input_length' 8 does not fit 3 hash_ids")
                .hasMessageContaining("final block would have 0 tokens");
        assertThatThrownBy(() -> FileDatasetLoader.builder(dir.resolve("x"), TOK).blockSize(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finalBlockArithmetic() {
        assertThat(HashBlockPrompts.finalBlock(655, 2, 512)).isEqualTo(143);
        assertThat(HashBlockPrompts.finalBlock(1024, 2, 512)).isEqualTo(512);
        assertThat(HashBlockPrompts.finalBlock(1, 1, 16)).isEqualTo(1);
        assertThatThrownBy(() -> HashBlockPrompts.finalBlock(1025, 2, 512))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashBlockPrompts.finalBlock(512, 2, 512))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBlockSizeComesFromTheInputConfig() throws IOException {
        Path f = dir.resolve("cfg.jsonl");
        Files.write(f, List.of("{\"input_length\": 6, \"hash_ids\": [1, 2]}", "{\"input_length\": 4, \"hash_ids\": [1, 3]}"));
        io.aiperf.core.config.InputConfig c = new io.aiperf.core.config.InputConfig(550, 0, null, 0, 2L, 100,
                f.toString(), null, null, null, new io.aiperf.core.config.InputConfig.Prompts(3, null, 0, 0), null, null,
                null);
        InputDataset in = InputDataset.builder(c, TOK).tokenPool(pool).build();
        List<String> a = List.of(in.conversations().get(0).firstTurn().text().split(" "));
        List<String> b = List.of(in.conversations().get(1).firstTurn().text().split(" "));
        assertThat(a).hasSize(6);
        assertThat(b).hasSize(4);
        assertThat(a.subList(0, 3)).isEqualTo(b.subList(0, 3));
        io.aiperf.core.config.InputConfig tooSmall = new io.aiperf.core.config.InputConfig(550, 0, null, 0, 2L, 100,
                f.toString(), null, null, null, new io.aiperf.core.config.InputConfig.Prompts(2, null, 0, 0), null, null,
                null);
        assertThatThrownBy(() -> InputDataset.builder(tooSmall, TOK).tokenPool(pool).build())
                .isInstanceOf(DatasetFileException.class).hasMessageContaining("cfg.jsonl:1: 'input_length' 6");
    }

    @Test
    void theLastBlockIsTheHashIdsBlockToo() throws IOException {
        FileDataset ds = load(4, 8L,
                "{\"input_length\": 8, \"hash_ids\": [1, 2]}",
                "{\"input_length\": 10, \"hash_ids\": [1, 2, 3]}",
                "{\"input_length\": 10, \"hash_ids\": [1, 2, 3]}",
                "{\"input_length\": 6, \"hash_ids\": [1, 2]}");
        // a full final block 2 is block 2's text; equal rows are equal; a partial block 2 starts like the full one
        assertThat(words(ds, 1).subList(0, 8)).isEqualTo(words(ds, 0));
        assertThat(words(ds, 2)).isEqualTo(words(ds, 1));
        assertThat(words(ds, 3)).isEqualTo(words(ds, 0).subList(0, 6));
    }
}
