package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.TestConfigs;
import io.aiperf.core.config.LoadConfig.FixedSchedule;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Happy paths of the file formats, session grouping, timing fields, detection and the {@link InputDataset} facade. */
class FileDatasetLoaderTest {

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
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static FileDataset load(Path f) {
        return FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(1L)).tokenPool(pool).load();
    }

    private static InputConfig fileConfig(Path f, String type, Integer osl, String sampling) {
        return new InputConfig(550, 0, osl, 0, 7L, 100, f.toString(), type, sampling, null, null, null, null, null);
    }

    @Test
    void singleTurnRowsAndSessions() throws IOException {
        Path f = write("single.jsonl",
                "{\"text\": \"What is machine learning?\"}",
                "",
                "{\"session_id\": \"s1\", \"text\": \"first of s1\", \"timestamp\": 1500.5, \"role\": \"user\"}",
                "{\"text\": \"Write a haiku\", \"output_length\": 50}",
                "{\"session_id\": \"s1\", \"text\": \"second of s1\", \"delay\": 250}",
                "{\"texts\": [\"from a list\"]}",
                "{\"texts\": [{\"name\": \"text\", \"contents\": [\"from contents\"]}], \"type\": \"single_turn\"}",
                "{\"session_id\": \"s1\", \"text\": \"third of s1\", \"timestamp\": 4000}");
        FileDataset ds = load(f);
        assertThat(ds.format()).isEqualTo(DatasetFormat.SINGLE_TURN);
        assertThat(ds.rows()).isEqualTo(7);
        assertThat(ds.turnCount()).isEqualTo(7);
        assertThat(ds.firstRowHasTimestamp()).isFalse();
        List<Conversation> cs = ds.conversations();
        assertThat(cs).hasSize(5);
        // order of first appearance; the session sits where its first row is
        assertThat(cs.get(0).firstTurn().text()).isEqualTo("What is machine learning?");
        assertThat(cs.get(0).firstTurn().inputTokens()).isEqualTo(4);
        assertThat(cs.get(0).firstTurn().maxTokens()).isNull();
        assertThat(UUID.fromString(cs.get(0).conversationId()).version()).isEqualTo(4);

        Conversation s1 = cs.get(1);
        assertThat(s1.conversationId()).isEqualTo("s1");
        assertThat(s1.turns()).extracting(Turn::text).containsExactly("first of s1", "second of s1", "third of s1");
        assertThat(s1.turns()).extracting(Turn::timestampMs).containsExactly(1500.5, null, 4000.0);
        assertThat(s1.turns()).extracting(Turn::delayMs).containsExactly(0.0, 250.0, 0.0);
        assertThat(s1.firstTurn().role()).isEqualTo("user");
        assertThat(s1.turns().get(1).role()).isNull();

        assertThat(cs.get(2).firstTurn().maxTokens()).isEqualTo(50);
        assertThat(cs.get(3).firstTurn().text()).isEqualTo("from a list");
        assertThat(cs.get(4).firstTurn().text()).isEqualTo("from contents");
        assertThat(cs).extracting(Conversation::conversationId).doesNotHaveDuplicates();
    }

    @Test
    void multiTurnRows() throws IOException {
        Path f = write("multi.jsonl",
                "{\"session_id\": \"chat_1\", \"turns\": [{\"text\": \"What is ML?\"}, "
                        + "{\"text\": \"An example?\", \"delay\": 1200, \"output_length\": 9}]}",
                "{\"turns\": [{\"text\": \"solo\", \"timestamp\": 5}], \"type\": \"multi_turn\"}",
                "{\"session_id\": \"chat_1\", \"turns\": [{\"text\": \"And then?\"}]}");
        FileDataset ds = load(f);
        assertThat(ds.format()).isEqualTo(DatasetFormat.MULTI_TURN);
        assertThat(ds.rows()).isEqualTo(3);
        assertThat(ds.conversations()).hasSize(2);
        Conversation chat = ds.conversations().get(0);
        assertThat(chat.conversationId()).isEqualTo("chat_1");
        assertThat(chat.turns()).extracting(Turn::text).containsExactly("What is ML?", "An example?", "And then?");
        assertThat(chat.turns()).extracting(Turn::delayMs).containsExactly(0.0, 1200.0, 0.0);
        assertThat(chat.turns()).extracting(Turn::maxTokens).containsExactly(null, 9, null);
        assertThat(ds.conversations().get(1).firstTurn().timestampMs()).isEqualTo(5.0);
    }

    @Test
    void mooncakeTraceSynthesizesExactLengthsAndKeepsHashIds() throws IOException {
        Path f = write("trace.jsonl",
                "{\"timestamp\": 0, \"input_length\": 655, \"output_length\": 52, \"hash_ids\": [0, 1]}",
                "{\"timestamp\": 10, \"input_length\": 1}",
                "{\"session_id\": \"abc-123\", \"timestamp\": 20, \"text_input\": \"hello there world\"}",
                "{\"session_id\": \"abc-123\", \"delay\": 2, \"input_length\": 150, \"output_length\": 20}",
                "{\"timestamp\": 30.25, \"input_length\": 3000, \"type\": \"mooncake_trace\"}");
        FileDataset ds = load(f);
        assertThat(ds.format()).isEqualTo(DatasetFormat.MOONCAKE_TRACE);
        assertThat(ds.firstRowHasTimestamp()).isTrue();
        assertThat(ds.inexactPrompts()).isZero();
        List<Conversation> cs = ds.conversations();
        assertThat(cs).hasSize(4);
        Turn first = cs.get(0).firstTurn();
        assertThat(first.inputTokens()).isEqualTo(655);
        assertThat(TOK.countTokens(first.text())).isEqualTo(655);
        assertThat(first.maxTokens()).isEqualTo(52);
        assertThat(first.hashIds()).containsExactly(0, 1);
        assertThat(first.timestampMs()).isEqualTo(0.0);
        assertThat(TOK.countTokens(cs.get(1).firstTurn().text())).isEqualTo(1);
        assertThat(cs.get(1).firstTurn().hashIds()).isEmpty();

        Conversation session = cs.get(2);
        assertThat(session.conversationId()).isEqualTo("abc-123");
        assertThat(session.turns()).hasSize(2);
        assertThat(session.firstTurn().text()).isEqualTo("hello there world");
        assertThat(session.firstTurn().inputTokens()).isEqualTo(3);
        assertThat(session.turns().get(1).delayMs()).isEqualTo(2.0);
        assertThat(TOK.countTokens(session.turns().get(1).text())).isEqualTo(150);
        assertThat(session.turns().get(1).maxTokens()).isEqualTo(20);

        assertThat(cs.get(3).firstTurn().inputTokens()).isEqualTo(3000);
        assertThat(TOK.countTokens(cs.get(3).firstTurn().text())).isEqualTo(3000);
        assertThat(cs.get(3).firstTurn().timestampMs()).isEqualTo(30.25);
        assertThat(ds.allConversationsTimed()).isTrue();
    }

    @Test
    void sameSeedSameDatasetAndTheWindowDoesNotMovePrompts() throws IOException {
        Path f = write("trace.jsonl",
                "{\"timestamp\": 0, \"input_length\": 20}",
                "{\"timestamp\": 100, \"input_length\": 30}",
                "{\"timestamp\": 200, \"input_length\": 40}");
        FileDataset a = load(f);
        FileDataset b = FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(1L)).tokenPool(pool).threads(1)
                .load();
        assertThat(b.conversations()).isEqualTo(a.conversations());
        FileDataset other = FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(2L)).tokenPool(pool).load();
        assertThat(other.conversations().get(0).firstTurn().text())
                .isNotEqualTo(a.conversations().get(0).firstTurn().text());

        FileDataset windowed = FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(1L)).tokenPool(pool)
                .fixedSchedule(new FixedSchedule(false, 50L, 200L)).load();
        assertThat(windowed.droppedConversations()).isEqualTo(1);
        assertThat(windowed.conversations()).containsExactlyElementsOf(a.conversations().subList(1, 3));
    }

    @Test
    void outputLengthMeanFillsRowsWithoutOutputLength() throws IOException {
        Path f = write("trace.jsonl",
                "{\"input_length\": 5, \"output_length\": 7}",
                "{\"input_length\": 5}");
        FileDataset ds = FileDatasetLoader.builder(f, TOK).streams(new RandomStreams(1L)).tokenPool(pool)
                .outputLength(33, 0).load();
        assertThat(ds.conversations()).extracting(c -> c.firstTurn().maxTokens()).containsExactly(7, 33);
        assertThat(ds.firstRowHasTimestamp()).isFalse();
    }

    @Test
    void detectionByFirstRow() throws IOException {
        assertThat(FileDatasetLoader.detect(write("a.jsonl", "", "{\"text\": \"x\"}")))
                .isEqualTo(DatasetFormat.SINGLE_TURN);
        assertThat(FileDatasetLoader.detect(write("b.jsonl", "{\"image\": \"x.png\"}")))
                .isEqualTo(DatasetFormat.SINGLE_TURN);
        assertThat(FileDatasetLoader.detect(write("c.jsonl", "{\"turns\": []}")))
                .isEqualTo(DatasetFormat.MULTI_TURN);
        assertThat(FileDatasetLoader.detect(write("d.jsonl", "{\"timestamp\": 1, \"input_length\": 3}")))
                .isEqualTo(DatasetFormat.MOONCAKE_TRACE);
        assertThat(FileDatasetLoader.detect(write("e.jsonl", "{\"text_input\": \"x\"}")))
                .isEqualTo(DatasetFormat.MOONCAKE_TRACE);
        assertThat(FileDatasetLoader.detect(write("f.jsonl", "{\"type\": \"multi_turn\", \"text\": \"x\"}")))
                .isEqualTo(DatasetFormat.MULTI_TURN);
    }

    @Test
    void aDeclaredTypeIsNotDetected() throws IOException {
        // {"text": ...} would be detected as single_turn; declared mooncake_trace reads it as a trace and refuses it
        Path f = write("t.jsonl", "{\"text\": \"x\"}");
        assertThatThrownBy(() -> InputDataset.load(fileConfig(f, "mooncake_trace", null, null), TOK))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(f + ":1: unknown field 'text' for a mooncake_trace row");
        assertThat(InputDataset.load(fileConfig(f, "single-turn", null, null), TOK).format())
                .isEqualTo(DatasetFormat.SINGLE_TURN);
    }

    @Test
    void facadeOverAFile() throws IOException {
        Path f = write("trace.jsonl",
                "{\"timestamp\": 1000, \"input_length\": 12}",
                "{\"timestamp\": 3000, \"input_length\": 12}",
                "{\"timestamp\": 2000, \"input_length\": 12}");
        InputDataset ds = InputDataset.builder(fileConfig(f, null, 16, null), TOK).tokenPool(pool).build();
        assertThat(ds.synthetic()).isFalse();
        assertThat(ds.format()).isEqualTo(DatasetFormat.MOONCAKE_TRACE);
        assertThat(ds.size()).isEqualTo(3);
        assertThat(ds.rows()).isEqualTo(3);
        assertThat(ds.turnCount()).isEqualTo(3);
        assertThat(ds.hasTimestamps()).isTrue();
        assertThat(ds.hasTiming()).isTrue();
        assertThat(ds.firstRowHasTimestamp()).isTrue();
        assertThat(ds.impliesFixedSchedule()).isTrue();
        assertThat(ds.accumulatesHistory()).isFalse();
        assertThat(ds.samplingStrategy()).isEqualTo(SamplingStrategy.SEQUENTIAL);
        assertThat(ds.defaultSamplingStrategy()).isEqualTo(SamplingStrategy.SEQUENTIAL);
        assertThat(ds.conversations()).allSatisfy(c -> assertThat(c.firstTurn().maxTokens()).isEqualTo(16));
        assertThat(ds.get(ds.conversations().get(1).conversationId())).isSameAs(ds.conversations().get(1));
        DatasetSampler sampler = ds.sampler();
        assertThat(List.of(sampler.next(), sampler.next(), sampler.next(), sampler.next()))
                .containsExactly(ds.conversations().get(0), ds.conversations().get(1), ds.conversations().get(2),
                        ds.conversations().get(0));
        FixedSchedulePlan plan = ds.fixedSchedulePlan(new FixedSchedule(true, null, null));
        assertThat(plan.entries()).extracting(FixedSchedulePlan.Entry::offsetNs)
                .containsExactly(0L, 1_000_000_000L, 2_000_000_000L);

        InputDataset windowed = InputDataset.builder(fileConfig(f, "mooncake_trace", null, "shuffle"), TOK)
                .tokenPool(pool).fixedSchedule(new FixedSchedule(false, 1500L, null)).build();
        assertThat(windowed.size()).isEqualTo(2);
        assertThat(windowed.droppedConversations()).isEqualTo(1);
        assertThat(windowed.samplingStrategy()).isEqualTo(SamplingStrategy.SHUFFLE);
        assertThat(windowed.defaultSamplingStrategy()).isEqualTo(SamplingStrategy.SEQUENTIAL);
    }

    @Test
    void facadeFlagsForOtherFormats() throws IOException {
        Path single = write("s.jsonl", "{\"text\": \"a b\", \"timestamp\": 3}", "{\"text\": \"c\"}");
        InputDataset s = InputDataset.load(fileConfig(single, null, null, null), TOK);
        assertThat(s.firstRowHasTimestamp()).isTrue();
        assertThat(s.impliesFixedSchedule()).isFalse(); // only traces switch fixed schedule on by themselves
        assertThat(s.hasTimestamps()).isFalse();
        assertThat(s.accumulatesHistory()).isFalse();
        Path multi = write("m.jsonl", "{\"turns\": [{\"text\": \"a\"}, {\"text\": \"b\"}]}");
        InputDataset m = InputDataset.load(fileConfig(multi, null, null, null), TOK);
        assertThat(m.accumulatesHistory()).isTrue();
        assertThat(m.hasTiming()).isFalse();
        assertThat(m.turnCount()).isEqualTo(2);
    }

    @Test
    void facadeWithoutAFileIsTheSyntheticDataset() {
        InputConfig cfg = TestConfigs.input(30, 5, 10, 2, 3L, 12);
        InputDataset ds = InputDataset.builder(cfg, TOK).tokenPool(pool).build();
        assertThat(ds.synthetic()).isTrue();
        assertThat(ds.format()).isNull();
        assertThat(ds.conversations()).isEqualTo(SyntheticDataset.build(cfg, TOK).conversations());
        assertThat(ds.samplingStrategy()).isEqualTo(SamplingStrategy.SHUFFLE);
        assertThat(ds.rows()).isEqualTo(12);
        assertThat(ds.hasTimestamps()).isFalse();
        assertThat(ds.impliesFixedSchedule()).isFalse();
        InputConfig random = new InputConfig(30, 5, 10, 2, 3L, 12, null, null, "random", null, null, null, null, null);
        assertThat(InputDataset.builder(random, TOK).tokenPool(pool).build().samplingStrategy())
                .isEqualTo(SamplingStrategy.RANDOM);
    }

    @Test
    void mooncakeMessagesRowsKeepTheirMessagesAndToolsVerbatim() throws IOException {
        Path f = write("trace.jsonl",
                "{\"timestamp\": 0, \"messages\": [{\"role\": \"system\", \"content\": \"be terse\"},"
                        + " {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"two words\"},"
                        + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"http://x/i.png\"}}]}],"
                        + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\"}}], \"output_length\": 7}");
        FileDataset ds = load(f);
        Turn t = ds.conversations().get(0).firstTurn();
        assertThat(t.text()).as("every text content, joined: what the ISL counts").isEqualTo("be terse two words");
        assertThat(t.inputTokens()).isEqualTo(4);
        assertThat(t.maxTokens()).isEqualTo(7);
        assertThat(t.contents().rawMessages()).isEqualTo("[{\"role\":\"system\",\"content\":\"be terse\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"two words\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://x/i.png\"}}]}]");
        assertThat(t.contents().tools()).isEqualTo("[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]");
    }
}
