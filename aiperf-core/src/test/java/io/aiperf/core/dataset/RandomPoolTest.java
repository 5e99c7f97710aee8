package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** random_pool: a file or a directory of pools, conversations drawn from them. */
class RandomPoolTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();

    @TempDir
    Path dir;

    private static FileDataset load(Path f, DatasetFormat format, int n, long seed) {
        return FileDatasetLoader.builder(f, TOK).format(format).streams(new RandomStreams(seed)).conversations(n)
                .load();
    }

    @Test
    void aFileIsOnePoolSampledWithReplacement() throws IOException {
        Path f = dir.resolve("pool.jsonl");
        Files.write(f, List.of("{\"text\": \"alpha one\"}", "", "{\"text\": \"beta two three\", \"output_length\": 9}",
                "{\"texts\": [\"gamma\"], \"type\": \"random_pool\"}"));
        FileDataset ds = load(f, DatasetFormat.RANDOM_POOL, 50, 3L);
        assertThat(ds.format()).isEqualTo(DatasetFormat.RANDOM_POOL);
        assertThat(ds.rows()).isEqualTo(3);
        assertThat(ds.conversations()).hasSize(50).allMatch(c -> c.turnCount() == 1);
        Set<String> texts = ds.conversations().stream().map(c -> c.firstTurn().text()).collect(Collectors.toSet());
        assertThat(texts).containsExactlyInAnyOrder("alpha one", "beta two three", "gamma");
        for (Conversation c : ds.conversations()) {
            Turn t = c.firstTurn();
            assertThat(t.inputTokens()).isEqualTo(t.text().split(" ").length);
            assertThat(t.maxTokens()).isEqualTo(t.text().startsWith("beta") ? 9 : null);
            assertThat(t.hasTimestamp()).isFalse();
        }
        assertThat(load(f, DatasetFormat.RANDOM_POOL, 50, 3L).conversations())
                .extracting(c -> c.firstTurn().text())
                .isEqualTo(ds.conversations().stream().map(c -> c.firstTurn().text()).toList());
    }

    @Test
    void aDirectoryIsOnePoolPerFileMergedInNameOrder() throws IOException {
        Path pools = Files.createDirectory(dir.resolve("pools"));
        Files.write(pools.resolve("b_passages.jsonl"), List.of("{\"text\": \"passage\"}"));
        Files.write(pools.resolve("a_queries.jsonl"), List.of("{\"text\": \"query one\"}", "{\"text\": \"query two\"}"));
        Files.write(pools.resolve(".hidden"), List.of("not json"));
        FileDataset ds = FileDatasetLoader.builder(pools, TOK).streams(new RandomStreams(1L)).conversations(10).load();
        assertThat(ds.format()).isEqualTo(DatasetFormat.RANDOM_POOL);
        assertThat(ds.rows()).isEqualTo(3);
        assertThat(ds.conversations()).hasSize(10)
                .allMatch(c -> c.firstTurn().text().matches("query (one|two) passage"))
                .allMatch(c -> c.firstTurn().textContents().size() == 2); // AIPerf merges the rows' texts, in order

        InputDataset in = InputDataset.load(new InputConfig(550, 0, null, 0, 1L, 7, pools.toString(), null, null,
                null, null, null, null, null), TOK);
        assertThat(in.size()).isEqualTo(7);
        assertThat(in.format()).isEqualTo(DatasetFormat.RANDOM_POOL);
    }

    @Test
    void poolRowsHaveNoTimingOrSessionAndErrorsNameTheFile() throws IOException {
        Path pools = Files.createDirectory(dir.resolve("bad"));
        Files.write(pools.resolve("a.jsonl"), List.of("{\"text\": \"fine\"}"));
        Files.write(pools.resolve("b.jsonl"), List.of("{\"text\": \"x\"}", "{\"text\": \"y\", \"session_id\": \"s\"}"));
        assertThatThrownBy(() -> load(pools, null, 5, 1L)).isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(pools + "/b.jsonl:2: unknown field 'session_id' for a random_pool row");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> load(empty, null, 5, 1L)).isInstanceOf(DatasetFileException.class)
                .hasMessage(empty + ": no pool files in the directory");
        Path ts = dir.resolve("ts.jsonl");
        Files.write(ts, List.of("{\"text\": \"x\", \"timestamp\": 3}"));
        assertThatThrownBy(() -> load(ts, DatasetFormat.RANDOM_POOL, 5, 1L)).isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(ts + ":1: unknown field 'timestamp' for a random_pool row");
    }
}
