package io.aiperf.core.dataset;

import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
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
        TextTokenizer tok = DjlTokenizers.qwen3();
        int[] lengths = {1, 2, 7, 64, 512, 655, 2048};
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            rows.add("{\"timestamp\": " + (i * 100) + ", \"input_length\": " + lengths[i]
                    + ", \"output_length\": 8, \"hash_ids\": [" + i + "]}");
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
}
