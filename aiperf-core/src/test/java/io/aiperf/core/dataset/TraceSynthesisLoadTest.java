package io.aiperf.core.dataset;

import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.SynthesisConfig;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
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

/** {@code --synthesis-*} applied by the file loader to a small mooncake trace (block size 4). */
class TraceSynthesisLoadTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();
    private static final int BS = 4;
    private static int[] pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void tokenizePool() {
        pool = PromptCorpus.builtin().tokenize(TOK);
    }

    private static final List<String> TRACE = List.of(
            "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 40, \"hash_ids\": [1, 2, 3]}",
            "{\"timestamp\": 1001, \"input_length\": 12, \"output_length\": 8, \"hash_ids\": [1, 2, 4]}",
            "{\"timestamp\": 2500, \"input_length\": 30, \"output_length\": 20}",
            "{\"timestamp\": 3000, \"input_length\": 6, \"output_length\": 90, \"hash_ids\": [1, 5]}");

    private Path trace() throws IOException {
        Path f = dir.resolve("trace.jsonl");
        Files.write(f, TRACE);
        return f;
    }

    private static FileDatasetLoader.Builder loader(Path f, SynthesisConfig synthesis) {
        return FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(7L)).tokenPool(pool).blockSize(BS)
                .synthesis(synthesis);
    }

    private static List<Turn> turns(FileDataset ds) {
        return ds.conversations().stream().map(Conversation::firstTurn).toList();
    }

    private static SynthesisConfig speedup(double ratio) {
        return new SynthesisConfig(ratio, 1.0, 1, 1.0, null, null);
    }

    @Test
    void theDefaultsGiveTheSameDatasetAsNoSynthesis() throws IOException {
        Path f = trace();
        FileDataset plain = FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(7L)).tokenPool(pool)
                .blockSize(BS).load();
        FileDataset withDefaults = loader(f, SynthesisConfig.NONE).load();

        assertThat(withDefaults.conversations()).isEqualTo(plain.conversations());
    }

    @Test
    void theSpeedupDividesEveryTimestampAndLeavesThePrompts() throws IOException {
        Path f = trace();
        List<Turn> plain = turns(loader(f, SynthesisConfig.NONE).load());
        List<Turn> fast = turns(loader(f, speedup(2.0)).load());

        for (int i = 0; i < plain.size(); i++) {
            assertThat(fast.get(i).timestampMs()).isEqualTo((double) (long) (plain.get(i).timestampMs() / 2.0));
            assertThat(fast.get(i).text()).isEqualTo(plain.get(i).text());
            assertThat(fast.get(i).hashIds()).isEqualTo(plain.get(i).hashIds());
        }
    }

    @Test
    void maxIslDropsTheRowsAboveIt() throws IOException {
        FileDataset ds = loader(trace(), new SynthesisConfig(1.0, 1.0, 1, 1.0, 11, null)).load();

        assertThat(turns(ds)).extracting(Turn::inputTokens).containsExactly(10, 6);
        assertThat(ds.droppedConversations()).as("only the fixed-schedule window's drops are counted").isZero();
    }

    @Test
    void maxIslDroppingEveryRowIsOneError() throws IOException {
        Path f = trace();
        assertThatThrownBy(() -> loader(f, new SynthesisConfig(1.0, 1.0, 1, 1.0, 5, null)).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("--synthesis-max-isl 5");
    }

    @Test
    void maxOslCapsOutputLengthsAboveIt() throws IOException {
        int maxOsl = 25;
        FileDataset ds = loader(trace(), new SynthesisConfig(1.0, 1.0, 1, 1.0, null, maxOsl)).load();

        assertThat(turns(ds)).extracting(Turn::maxTokens).containsExactly(maxOsl, 8, 20, maxOsl);
    }

    @Test
    void aPrefixMultiplierGivesLongerPromptsThatStillShareTheirStart() throws IOException {
        FileDataset ds = loader(trace(), new SynthesisConfig(1.0, 2.0, 1, 1.0, null, null)).load();
        List<Turn> t = turns(ds);

        // rows 1 and 2 share 2 blocks (now 4), row 4 shares 1 (now 2); row 3 has no blocks and is left
        assertThat(t).extracting(Turn::inputTokens).containsExactly(4 * BS + 2, 4 * BS + 4, 30, 2 * BS + 2);
        String[] a = t.get(0).text().split(" ");
        String[] b = t.get(1).text().split(" ");
        assertThat(a).hasSize(t.get(0).inputTokens());
        assertThat(List.of(b).subList(0, 4 * BS)).isEqualTo(List.of(a).subList(0, 4 * BS));
    }

    @Test
    void theSameSeedGivesTheSameSynthesizedDataset() throws IOException {
        Path f = trace();
        SynthesisConfig c = new SynthesisConfig(1.0, 1.5, 3, 2.0, null, null);
        assertThat(loader(f, c).load().conversations()).isEqualTo(loader(f, c).load().conversations());
    }

    @Test
    void theFixedScheduleWindowSeesTheFileTimestamps() throws IOException {
        LoadConfig.FixedSchedule window = new LoadConfig.FixedSchedule(false, 1000L, 2600L);
        FileDataset ds = loader(trace(), speedup(2.0)).fixedSchedule(window).load();

        assertThat(turns(ds)).extracting(Turn::timestampMs).containsExactly(500.0, 1250.0);
        assertThat(ds.droppedConversations()).isEqualTo(2);

        // the plan's window and zero are sped up as well: both rows are kept, due 0 and 750 ms after the start
        FixedSchedulePlan plan = FixedSchedulePlan.of(ds.conversations(), speedup(2.0).onSpedUpClock(window));
        assertThat(plan.zeroMs()).isEqualTo(500.0);
        assertThat(plan.entries()).extracting(FixedSchedulePlan.Entry::offsetNs)
                .containsExactly(0L, 750_000_000L);
    }

    @Test
    void withoutASpeedupTheScheduleOptionsAreKept() {
        LoadConfig.FixedSchedule window = new LoadConfig.FixedSchedule(true, 10L, null);
        assertThat(SynthesisConfig.NONE.onSpedUpClock(window)).isSameAs(window);
        assertThat(new SynthesisConfig(1.0, 2.0, 1, 1.0, null, null).onSpedUpClock(window)).isSameAs(window);
        assertThat(speedup(4.0).onSpedUpClock(window)).isEqualTo(new LoadConfig.FixedSchedule(true, 2L, null));
    }

    @Test
    void aBailianTraceIsReshapedWithItsOwnBlockSize() throws IOException {
        Path f = dir.resolve("bailian.jsonl");
        Files.write(f, List.of(
                "{\"chat_id\": 1, \"parent_chat_id\": -1, \"timestamp\": 1, \"input_length\": 40,"
                        + " \"output_length\": 4, \"type\": \"text\", \"turn\": 1, \"hash_ids\": [1, 2, 3]}",
                "{\"chat_id\": 2, \"parent_chat_id\": -1, \"timestamp\": 2, \"input_length\": 36,"
                        + " \"output_length\": 4, \"type\": \"text\", \"turn\": 1, \"hash_ids\": [1, 2, 4]}"));
        int bs = 16; // bailian's default
        double promptLen = 2.0;
        FileDataset ds = FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(7L)).tokenPool(pool)
                .synthesis(new SynthesisConfig(1.0, 1.0, 1, promptLen, null, null)).load();
        List<Turn> t = turns(ds);

        // both share blocks 1 and 2 (32 tokens); their unique parts, 8 and 4 tokens, double
        assertThat(t).extracting(Turn::inputTokens).containsExactly(2 * bs + 16, 2 * bs + 8);
        assertThat(t.get(0).hashIds().subList(0, 2)).isEqualTo(t.get(1).hashIds().subList(0, 2));
        assertThat(t.get(0).hashIds().get(2)).isNotEqualTo(t.get(1).hashIds().get(2));
    }

    @Test
    void aBurstGptTraceIsSpedUpAndCapped() throws IOException {
        Path f = dir.resolve("burst.csv");
        Files.write(f, List.of("Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type",
                "5,ChatGPT,12,30,42,Conversation log",
                "6.5,GPT-4,700,9,709,API log"));
        FileDataset ds = FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(7L)).tokenPool(pool)
                .synthesis(new SynthesisConfig(4.0, 1.0, 1, 1.0, 100, 20)).load();

        assertThat(turns(ds)).extracting(Turn::timestampMs).containsExactly(5000.0 / 4);
        assertThat(turns(ds)).extracting(Turn::maxTokens).containsExactly(20);
    }

    @Test
    void synthesisOnANonTraceFileIsRefused() throws IOException {
        Path f = dir.resolve("single.jsonl");
        Files.write(f, List.of("{\"text\": \"hello there\"}"));
        assertThatThrownBy(() -> loader(f, speedup(2.0)).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("need a trace dataset")
                .hasMessageContaining("single_turn");
    }
}
