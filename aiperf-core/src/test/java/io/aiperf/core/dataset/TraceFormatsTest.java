package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bailian_trace and burst_gpt_trace: fields, units, conversations, detection and malformed rows. */
class TraceFormatsTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();
    private static int[] pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void tokenizePool() {
        pool = PromptCorpus.builtin().tokenize(TOK);
    }

    private Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    private static FileDataset load(Path f) {
        return FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(5L)).tokenPool(pool).load();
    }

    private static final String[] BAILIAN = {
            "{\"chat_id\": 10, \"parent_chat_id\": -1, \"timestamp\": 0.5, \"input_length\": 20, \"output_length\": 4,"
                    + " \"type\": \"text\", \"turn\": 1, \"hash_ids\": [1, 2]}",
            "{\"chat_id\": 11, \"parent_chat_id\": -1, \"timestamp\": 1.25, \"input_length\": 5, \"output_length\": 3,"
                    + " \"type\": \"search\", \"turn\": 1, \"hash_ids\": [7]}",
            "",
            "{\"chat_id\": 12, \"parent_chat_id\": 10, \"timestamp\": 3, \"input_length\": 40, \"output_length\": 6,"
                    + " \"type\": \"text\", \"turn\": 2, \"hash_ids\": [1, 2, 3]}",
            "{\"chat_id\": 13, \"parent_chat_id\": 12, \"timestamp\": 4.001, \"input_length\": 33,"
                    + " \"type\": \"text\", \"turn\": 3, \"hash_ids\": [1, 2, 4]}"};

    @Test
    void bailianChainsBecomeConversationsWithTimestampsInMs() throws IOException {
        FileDataset ds = load(write("bailian.jsonl", BAILIAN));
        assertThat(ds.format()).isEqualTo(DatasetFormat.BAILIAN_TRACE);
        assertThat(ds.rows()).isEqualTo(4);
        assertThat(ds.firstRowHasTimestamp()).isTrue();
        List<Conversation> cs = ds.conversations();
        assertThat(cs).hasSize(2);
        Conversation chain = cs.get(0);
        assertThat(chain.conversationId()).isEqualTo("chat-10");
        assertThat(chain.turns()).extracting(Turn::timestampMs).containsExactly(500.0, 3000.0, 4001.0);
        assertThat(chain.turns()).extracting(Turn::inputTokens).containsExactly(20, 40, 33);
        assertThat(chain.turns()).extracting(Turn::maxTokens).containsExactly(4, 6, null);
        assertThat(cs.get(1).firstTurn().timestampMs()).isEqualTo(1250.0);
        // block size 16: hash ids 1 and 2 are the same 32 words in all three turns
        List<String> first = List.of(chain.turns().get(0).text().split(" "));
        for (Turn t : chain.turns()) {
            assertThat(List.of(t.text().split(" "))).hasSize(t.inputTokens()).startsWith(
                    first.subList(0, 16).toArray(String[]::new));
        }
        assertThat(List.of(chain.turns().get(2).text().split(" ")).subList(0, 32))
                .isEqualTo(List.of(chain.turns().get(1).text().split(" ")).subList(0, 32));
    }

    @Test
    void bailianDeclaredOrDetectedDespiteItsTypeField() throws IOException {
        Path f = write("b.jsonl", BAILIAN);
        assertThat(FileDatasetLoader.detect(f)).isEqualTo(DatasetFormat.BAILIAN_TRACE);
        InputDataset in = InputDataset.load(new InputConfig(550, 0, null, 0, 1L, 100, f.toString(), "bailian_trace",
                null, null, null, null, null, null), TOK);
        assertThat(in.impliesFixedSchedule()).isTrue();
        assertThat(in.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"parent_chat_id\": -1, \"timestamp\": 1, \"input_length\": 3}|'chat_id' is required",
            "{\"chat_id\": 1, \"input_length\": 3}|'timestamp' is required",
            "{\"chat_id\": 1, \"timestamp\": -1, \"input_length\": 3}|'timestamp' must not be negative, found -1",
            "{\"chat_id\": 1, \"timestamp\": 1}|'input_length' is required",
            "{\"chat_id\": 1, \"timestamp\": 1, \"input_length\": 20, \"hash_ids\": [1]}|'input_length' 20 does not"
                    + " fit 1 hash_ids of block size 16",
            "{\"chat_id\": 1, \"parent_chat_id\": -2, \"timestamp\": 1, \"input_length\": 3}|'parent_chat_id' must be"
                    + " an integer of at least -1, found -2",
            "{\"chat_id\": 0, \"timestamp\": 1, \"input_length\": 3}|'chat_id' 0 appears twice",
            "{\"chat_id\": 1, \"timestamp\": 1, \"input_length\": 3, \"text\": \"x\"}|unknown field 'text'"})
    void malformedBailianRows(String row, String what) throws IOException {
        Path f = write("bad.jsonl", "{\"chat_id\": 0, \"timestamp\": 0, \"input_length\": 3}", row);
        assertThatThrownBy(() -> load(f)).isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(f + ":2: " + what);
    }

    @Test
    void burstGptCsvRowsAreSessionsOfOne() throws IOException {
        Path f = write("burst.csv",
                "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type",
                "5,ChatGPT,12,30,42,Conversation log",
                "",
                "6.5,GPT-4,7,0,7,API log",
                "\"8\",\"ChatGPT\",3,2,5,\"Conversation, quoted\"");
        FileDataset ds = load(f);
        assertThat(ds.format()).isEqualTo(DatasetFormat.BURST_GPT_TRACE);
        assertThat(ds.rows()).isEqualTo(3);
        assertThat(ds.conversations()).hasSize(3);
        assertThat(ds.conversations()).extracting(c -> c.firstTurn().timestampMs())
                .containsExactly(5000.0, 6500.0, 8000.0);
        assertThat(ds.conversations()).extracting(c -> c.firstTurn().inputTokens()).containsExactly(12, 7, 3);
        assertThat(ds.conversations()).extracting(c -> c.firstTurn().maxTokens()).containsExactly(30, null, 2);
        assertThat(ds.conversations()).allMatch(c -> c.turnCount() == 1);
        assertThat(ds.conversations().get(0).firstTurn().text().split(" ")).hasSize(12);
        assertThat(FileDatasetLoader.detect(f)).isEqualTo(DatasetFormat.BURST_GPT_TRACE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "x,ChatGPT,1,2,3,log|'Timestamp' must be a number (seconds), found a string \"x\"",
            "1,ChatGPT,0,2,2,log|'Request tokens' must be a positive integer, found 0",
            "1,ChatGPT,2.5,2,2,log|'Request tokens' must be an integer, found 2.5",
            "1,ChatGPT,2,-1,2,log|'Response tokens' must be an integer of at least 0, found -1",
            "1,ChatGPT,2,99999999999,2,log|'Response tokens' is too large: 99999999999",
            "1,ChatGPT,,2,2,log|'Request tokens' is required",
            "1,ChatGPT,2,2|expected 6 comma-separated values (as in the header), found 4",
            "1,\"ChatGPT,2,2,2,log|unterminated quoted value"})
    void malformedBurstGptRows(String rowAndWhat) throws IOException {
        String[] parts = rowAndWhat.split("\\|");
        Path f = write("bad.csv", "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type",
                "0,ChatGPT,1,1,2,log", "", parts[0]);
        assertThatThrownBy(() -> load(f)).isInstanceOf(DatasetFileException.class)
                .hasMessage(f + ":4: " + parts[1]);
    }

    @Test
    void burstGptNeedsItsColumns() throws IOException {
        Path f = write("cols.csv", "Timestamp,Model,Request tokens", "1,ChatGPT,3");
        assertThatThrownBy(() -> FileDatasetLoader.builder(f, TOK).format(DatasetFormat.BURST_GPT_TRACE)
                .tokenPool(pool).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(f + ":2: a burst_gpt_trace file needs the columns Timestamp, Request tokens and"
                        + " Response tokens");
    }
}
