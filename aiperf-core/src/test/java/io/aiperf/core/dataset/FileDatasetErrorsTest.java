package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig.FixedSchedule;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every malformed row is refused with exactly {@code <file>:<line>: <what is wrong>}. */
class FileDatasetErrorsTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();
    private static final String GOOD_SINGLE = "{\"text\": \"fine\"}";
    private static final String GOOD_TRACE = "{\"timestamp\": 0, \"input_length\": 3}";
    private static final String GOOD_MULTI = "{\"turns\": [{\"text\": \"fine\"}]}";
    private static final String SINGLE_KEYS = "audio, audios, delay, image, images, output_length, role, session_id,"
            + " text, texts, timestamp, type, video, videos";
    private static final String SUPPORTED =
            "single_turn, multi_turn, mooncake_trace, random_pool, bailian_trace, burst_gpt_trace";
    private static final String TRACE_KEYS = "delay, hash_ids, input_length, messages, output_length, session_id,"
            + " text_input, timestamp, tools, type";

    @TempDir
    Path dir;

    /**
     * A file whose line 1 is a good row, line 2 blank and line 3 the bad row (so line numbers count blank lines),
     * read as {@code format}; the expected message is {@code <file>:3: <what>}.
     */
    static Stream<Arguments> badRows() {
        return Stream.of(
                // any format: not JSON, not an object
                Arguments.of("single_turn", "{\"text\": \"a\"",
                        "invalid JSON at column 13: Unexpected end-of-input: expected close marker for Object"),
                Arguments.of("single_turn", "{text: 1}", "invalid JSON at column 2: Unexpected character ('t' (code"
                        + " 116)): was expecting double-quote to start field name"),
                Arguments.of("mooncake_trace", "[1, 2]", "not a JSON object (found a list)"),
                Arguments.of("multi_turn", "\"text\"", "not a JSON object (found a string \"text\")"),
                Arguments.of("single_turn", "{\"text\": \"a\"} {}",
                        "invalid JSON at column 15: unexpected content after the JSON value"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"text\": \"b\"}",
                        "invalid JSON at column 21: Duplicate field 'text'"),

                // single_turn
                Arguments.of("single_turn", "{\"output_length\": 5}", "nothing to send: one of 'text', 'texts', 'image',"
                        + " 'images', 'audio', 'audios', 'video' or 'videos' is required"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"foo\": 1}",
                        "unknown field 'foo' for a single_turn row (" + SINGLE_KEYS + " are allowed)"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"texts\": [\"b\"]}",
                        "'text' and 'texts' are mutually exclusive"),
                Arguments.of("single_turn", "{\"text\": 5}", "'text' must be a string, found a number 5"),
                Arguments.of("single_turn", "{\"text\": \"\"}", "'text' must not be empty"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"timestamp\": 1, \"delay\": 2}",
                        "'timestamp' and 'delay' are mutually exclusive"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"timestamp\": -1}",
                        "'timestamp' must not be negative, found -1"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"delay\": \"5\"}",
                        "'delay' must be a number (milliseconds), found a string \"5\""),
                Arguments.of("single_turn", "{\"text\": \"a\", \"output_length\": 0}",
                        "'output_length' must be a positive integer, found 0"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"output_length\": -5}",
                        "'output_length' must be a positive integer, found -5"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"output_length\": 2.5}",
                        "'output_length' must be an integer, found 2.5"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"role\": 1}", "'role' must be a string, found a number 1"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"session_id\": 3}",
                        "'session_id' must be a string, found a number 3"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"image\": 5}",
                        "'image' must be a string (a URL, data URL or file path), found a number 5"),
                Arguments.of("single_turn", "{\"audios\": []}", "'audios' must be a non-empty list, found a list"),
                Arguments.of("single_turn", "{\"videos\": [true]}",
                        "'videos[0]' must be a string or an object with 'contents', found a boolean true"),
                Arguments.of("single_turn", "{\"images\": [{\"name\": \"x\", \"contents\": []}]}",
                        "images[0]: 'contents' must be a non-empty list of strings, found a list"),
                Arguments.of("single_turn", "{\"image\": \"\"}", "'image' must not be empty"),
                Arguments.of("single_turn", "{\"image\": \"data:image/png,abc\"}",
                        "'image' is not a base64 data URL (data:<type>;base64,<data>)"),
                Arguments.of("single_turn", "{\"audio\": \"https://example.invalid/a.wav\"}",
                        "'audio' is a URL, which input_audio cannot carry: give a local file, a data URL or"
                                + " '<format>,<base64>'"),
                Arguments.of("single_turn", "{\"image\": \"a.png\", \"images\": [\"b.png\"]}",
                        "'image' and 'images' are mutually exclusive"),
                Arguments.of("single_turn", "{\"texts\": [\"a\", \"\"]}", "'texts[1]' is an empty prompt"),
                Arguments.of("single_turn", "{\"texts\": [{\"name\": \"q\", \"contents\": []}]}",
                        "'texts' holds no prompt"),
                Arguments.of("single_turn", "{\"texts\": [{\"contents\": [\"\"]}]}",
                        "texts[0]: 'contents[0]' is an empty prompt"),
                Arguments.of("single_turn", "{\"images\": [{\"contents\": [\"x.png\"], \"x\": 1}]}",
                        "images[0]: unknown field 'x' for a image entry (contents, name are allowed)"),
                Arguments.of("single_turn", "{\"image\": \"a\\u0000b.png\"}",
                        "'image' is neither a URL nor a valid path: Nul character not allowed: a\\u0000b.png"),
                Arguments.of("single_turn", "{\"texts\": []}", "'texts' must be a non-empty list, found a list"),
                Arguments.of("single_turn", "{\"texts\": [{\"name\": \"t\"}]}",
                        "texts[0]: 'contents' must be a list of strings, found null"),
                Arguments.of("single_turn", "{\"texts\": [7]}",
                        "'texts[0]' must be a string or an object with 'contents', found a number 7"),
                Arguments.of("single_turn", "{\"text\": \"a\", \"type\": \"mooncake_trace\"}",
                        "'type' is 'mooncake_trace' but the file is read as single_turn"),

                // mooncake_trace
                Arguments.of("mooncake_trace", "{\"timestamp\": 1}",
                        "one of 'input_length', 'text_input' or 'messages' is required"),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"text_input\": \"a\"}",
                        "only one of 'input_length', 'text_input' and 'messages' may be given, found 'input_length'"
                                + " and 'text_input'"),
                Arguments.of("mooncake_trace", "{\"messages\": []}",
                        "'messages' must be a non-empty list of chat messages, found a list"),
                Arguments.of("mooncake_trace", "{\"messages\": [\"hi\"]}",
                        "'messages[0]' must be an object with 'role' and 'content', found a string \"hi\""),
                Arguments.of("mooncake_trace", "{\"messages\": [{\"content\": \"hi\"}]}",
                        "'messages[0].role' must be a non-empty string, found null"),
                Arguments.of("mooncake_trace", "{\"messages\": [{\"role\": \"user\", \"content\": 3}]}",
                        "'messages[0].content' must be a string or a list of content parts, found a number 3"),
                Arguments.of("mooncake_trace", "{\"messages\": [{\"role\": \"user\", \"content\": [7]}]}",
                        "'messages[0].content[0]' must be a content part object, found a number 7"),
                Arguments.of("mooncake_trace", "{\"messages\": [{\"role\": \"user\", \"content\": \"\"}]}",
                        "'messages' holds no text content to send"),
                Arguments.of("mooncake_trace", "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}],"
                        + " \"tools\": {}}", "'tools' must be a list, found an object"),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"tools\": []}",
                        "'tools' is only allowed with 'messages'"),
                Arguments.of("mooncake_trace", "{\"text_input\": \"a\", \"hash_ids\": [1]}",
                        "'hash_ids' is only allowed with 'input_length'"),
                Arguments.of("mooncake_trace", "{\"input_length\": -3}",
                        "'input_length' must be a positive integer, found -3"),
                Arguments.of("mooncake_trace", "{\"input_length\": \"5\"}",
                        "'input_length' must be an integer, found a string \"5\""),
                Arguments.of("mooncake_trace", "{\"input_length\": 99999999999}",
                        "'input_length' is too large: 99999999999"),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"hash_ids\": [1, -2]}",
                        "'hash_ids[1]' must be a non-negative integer below 2^31, found -2"),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"hash_ids\": \"x\"}",
                        "'hash_ids' must be a list of integers, found a string \"x\""),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"timestamp\": 5, \"delay\": 1}",
                        "'timestamp' and 'delay' are mutually exclusive"),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"timestamp\": 1e999}",
                        "'timestamp' is not a finite number"),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"output_length\": 0}",
                        "'output_length' must be a positive integer, found 0"),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"session_id\": \"\"}",
                        "'session_id' must not be empty"),
                Arguments.of("mooncake_trace", "{\"input_length\": 3, \"ts\": 1}",
                        "unknown field 'ts' for a mooncake_trace row (" + TRACE_KEYS + " are allowed)"),

                // multi_turn
                Arguments.of("multi_turn", "{\"session_id\": \"a\"}", "'turns' is required"),
                Arguments.of("multi_turn", "{\"turns\": []}", "'turns' must not be empty"),
                Arguments.of("multi_turn", "{\"turns\": {\"text\": \"a\"}}",
                        "'turns' must be a list of objects, found an object"),
                Arguments.of("multi_turn", "{\"turns\": [{\"text\": \"a\"}, 3]}",
                        "'turns[1]' must be an object, found a number 3"),
                Arguments.of("multi_turn", "{\"turns\": [{\"delay\": 5}]}",
                        "turns[0]: nothing to send: one of 'text', 'texts', 'image', 'images', 'audio', 'audios',"
                                + " 'video' or 'videos' is required"),
                Arguments.of("multi_turn", "{\"turns\": [{\"text\": \"a\", \"session_id\": \"x\"}]}",
                        "turns[0]: 'session_id' is not allowed inside a turn; put it on the row"),
                Arguments.of("multi_turn", "{\"turns\": [{\"text\": \"a\"}, {\"text\": \"b\", \"delay\": -2}]}",
                        "turns[1]: 'delay' must not be negative, found -2"),
                Arguments.of("multi_turn", "{\"turns\": [{\"texts\": [{\"contents\": [1]}]}]}",
                        "turns[0].texts[0]: 'contents[0]' must be a string, found a number 1"),
                Arguments.of("multi_turn", "{\"turns\": [{\"text\": \"a\", \"x\": 1}]}",
                        "turns[0]: unknown field 'x' for a multi_turn turn (audio, audios, delay, image, images,"
                                + " output_length, role, text, texts, timestamp, type, video, videos are allowed)"),
                Arguments.of("multi_turn", "{\"turns\": [{\"text\": \"a\"}], \"text\": \"b\"}",
                        "unknown field 'text' for a multi_turn row (session_id, turns, type are allowed)"));
    }

    private Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static String good(String format) {
        return switch (format) {
            case "single_turn" -> GOOD_SINGLE;
            case "multi_turn" -> GOOD_MULTI;
            default -> GOOD_TRACE;
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRows")
    void badRowIsRefusedWithFileAndLine(String format, String row, String what) throws IOException {
        Path f = write("bad.jsonl", good(format), "   ", row, good(format));
        assertThatThrownBy(() -> FileDatasetLoader.builder(f, TOK).format(DatasetFormat.parse(format))
                .streams(new RandomStreams(1L)).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(f + ":3: " + what)
                .satisfies(e -> {
                    assertThat(((DatasetFileException) e).line()).isEqualTo(3);
                    assertThat(((DatasetFileException) e).file()).isEqualTo(f.toString());
                });
    }

    @Test
    void invalidJsonMessagesAreOneLine() throws IOException {
        Path f = write("bad.jsonl", "{\"text\": \"a\", \"x\": [1, 2,, 3]}");
        assertThatThrownBy(() -> FileDatasetLoader.builder(f, TOK).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(f + ":1: invalid JSON at column ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Source:"));
    }

    @Test
    void fileLevelErrors() throws IOException {
        Path missing = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> FileDatasetLoader.builder(missing, TOK).load())
                .isInstanceOf(DatasetFileException.class).hasMessage(missing + ": no such file");
        Path empty = write("empty.jsonl", "", "  ", "\t");
        assertThatThrownBy(() -> FileDatasetLoader.builder(empty, TOK).load())
                .isInstanceOf(DatasetFileException.class).hasMessage(empty + ": no usable rows");
        Path emptyTyped = write("empty2.jsonl", "");
        assertThatThrownBy(() -> FileDatasetLoader.builder(emptyTyped, TOK).format(DatasetFormat.SINGLE_TURN).load())
                .isInstanceOf(DatasetFileException.class).hasMessage(emptyTyped + ": no usable rows");
        assertThatThrownBy(() -> FileDatasetLoader.builder(dir, TOK).format(DatasetFormat.SINGLE_TURN).load())
                .isInstanceOf(DatasetFileException.class).hasMessage(dir + ": is a directory; only random_pool reads"
                        + " a directory (one pool per file), not single_turn");
        Path unknown = write("unknown.jsonl", "", "{\"prompt\": \"x\", \"len\": 3}");
        assertThatThrownBy(() -> FileDatasetLoader.builder(unknown, TOK).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(unknown + ":2: cannot tell the dataset type from the fields [len, prompt];"
                        + " set --custom-dataset-type");
        Path pool = write("pool.jsonl", "{\"type\": \"random_pool\", \"text\": \"x\", \"delay\": 3}");
        assertThatThrownBy(() -> FileDatasetLoader.builder(pool, TOK).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(pool + ":1: unknown field 'delay' for a random_pool row");
        Path weird = write("weird.jsonl", "{\"type\": \"banana\", \"text\": \"x\"}");
        assertThatThrownBy(() -> FileDatasetLoader.builder(weird, TOK).load())
                .hasMessage(weird + ":1: unknown dataset type 'banana'; expected one of " + SUPPORTED);
        Path notJson = write("notjson.jsonl", "", "hello");
        assertThatThrownBy(() -> FileDatasetLoader.builder(notJson, TOK).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(notJson + ":2: invalid JSON at column ");
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() throws IOException {
        Path f = dir.resolve("latin1.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((GOOD_SINGLE + "\n\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"text\": \"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // é in Latin-1: not UTF-8
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, bytes.toByteArray());
        assertThatThrownBy(() -> FileDatasetLoader.builder(f, TOK).load())
                .isInstanceOf(DatasetFileException.class).hasMessage(f + ":3: not valid UTF-8 text");
    }

    @Test
    void crlfAndCrLineEndsCountAsOneLineEach() throws IOException {
        Path f = dir.resolve("crlf.jsonl");
        Files.writeString(f, GOOD_SINGLE + "\r\n\r\n" + GOOD_SINGLE + "\r" + "{\"text\": 1}\r\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FileDatasetLoader.builder(f, TOK).load())
                .isInstanceOf(DatasetFileException.class).hasMessage(f + ":4: 'text' must be a string, found a number 1");
        Path g = dir.resolve("noeol.jsonl");
        Files.writeString(g, GOOD_SINGLE + "\r\n" + GOOD_SINGLE, StandardCharsets.UTF_8);
        assertThat(FileDatasetLoader.builder(g, TOK).load().rows()).isEqualTo(2);
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        Path f = write("bom.jsonl", "\uFEFF" + GOOD_SINGLE);
        assertThat(FileDatasetLoader.builder(f, TOK).load().conversations()).hasSize(1);
    }

    @Test
    void declaredTypeErrorsNameTheFile() throws IOException {
        Path f = write("t.jsonl", GOOD_SINGLE);
        InputConfig banana = new InputConfig(550, 0, null, 0, 1L, 100, f.toString(), "banana", null, null, null,
                null, null, null);
        assertThatThrownBy(() -> InputDataset.load(banana, TOK))
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(f + ": unknown dataset type 'banana'; expected one of " + SUPPORTED);
        InputConfig missing = new InputConfig(550, 0, null, 0, 1L, 100, "no/such/file.jsonl", null, null, null,
                null, null, null, null);
        assertThatThrownBy(() -> InputDataset.load(missing, TOK))
                .isInstanceOf(DatasetFileException.class).hasMessage("no/such/file.jsonl: no such file");
    }

    @Test
    void fixedScheduleNeedsTimestampsAndSomethingInTheWindow() throws IOException {
        Path f = write("trace.jsonl", GOOD_TRACE, "", "{\"input_length\": 3}");
        assertThatThrownBy(() -> FileDatasetLoader.builder(f, TOK).fixedSchedule(FixedSchedulePlan.NO_OFFSETS).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(f + ":3: no 'timestamp': a fixed schedule needs one on the first turn of every"
                        + " conversation");
        Path g = write("trace2.jsonl", "{\"timestamp\": 10, \"input_length\": 3}",
                "{\"timestamp\": 300, \"input_length\": 3}", "{\"timestamp\": 50, \"input_length\": 3}");
        assertThatThrownBy(() -> FileDatasetLoader.builder(g, TOK)
                .fixedSchedule(new FixedSchedule(false, 100L, 200L)).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(g + ": no usable rows: none of the 3 conversations starts within the fixed-schedule"
                        + " window [100, 200] ms");
    }
}
