package io.aiperf.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.TestConfigs;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.SharedTokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputsJsonWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A fixed fake chat renderer. */
    static final Function<Turn, String> CHAT = turn -> {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", "test-model");
        ObjectNode msg = body.putArray("messages").addObject();
        msg.put("role", "user");
        msg.put("content", turn.text());
        if (turn.maxTokens() != null) {
            body.put("max_completion_tokens", turn.maxTokens());
        }
        body.put("stream", true);
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    @Test
    void sameSeedGivesByteIdenticalFilesAndOtherSeedsDiffer(@TempDir Path dir) throws IOException {
        InputConfig cfg = TestConfigs.input(80, 20, 32, 5, 123L, 25);
        Path a = dir.resolve("a/inputs.json");
        Path b = dir.resolve("b/inputs.json");
        Path c = dir.resolve("c/inputs.json");
        SyntheticDataset.build(cfg, new WhitespaceTokenizer()).writeInputsJson(a, CHAT);
        SyntheticDataset.builder(cfg, new WhitespaceTokenizer()).threads(1).build().writeInputsJson(b, CHAT);
        SyntheticDataset.build(TestConfigs.input(80, 20, 32, 5, 124L, 25), new WhitespaceTokenizer())
                .writeInputsJson(c, CHAT);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        try (var files = Files.list(a.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("inputs.json");
        }
    }

    @Test
    void realTokenizerRunsAreByteIdentical(@TempDir Path dir) throws IOException {
        var tok = SharedTokenizers.qwen3();
        InputConfig cfg = TestConfigs.input(300, 50, null, 0, 99L, 20);
        SyntheticDataset.build(cfg, tok).writeInputsJson(dir.resolve("1.json"), CHAT);
        SyntheticDataset.build(cfg, tok).writeInputsJson(dir.resolve("2.json"), CHAT);
        assertThat(Files.readAllBytes(dir.resolve("1.json"))).isEqualTo(Files.readAllBytes(dir.resolve("2.json")));
    }

    @Test
    void schemaMatchesAiperf(@TempDir Path dir) throws IOException {
        SyntheticDataset ds = SyntheticDataset.build(TestConfigs.input(40, 0, 16, 0, 1L, 7), new WhitespaceTokenizer());
        Path file = dir.resolve("inputs.json");
        ds.writeInputsJson(file, CHAT);
        JsonNode root = MAPPER.readTree(file.toFile());
        assertThat(root.size()).isEqualTo(1);
        JsonNode data = root.get("data");
        assertThat(data.isArray()).isTrue();
        assertThat(data).hasSize(7);
        for (int i = 0; i < 7; i++) {
            Conversation conv = ds.conversations().get(i);
            JsonNode session = data.get(i);
            assertThat(session.get("session_id").asText()).isEqualTo(conv.conversationId());
            JsonNode payloads = session.get("payloads");
            assertThat(payloads).hasSize(1);
            JsonNode body = payloads.get(0);
            assertThat(body.isObject()).isTrue();
            assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo(conv.firstTurn().text());
            assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(16);
            assertThat(body).isEqualTo(MAPPER.readTree(CHAT.apply(conv.firstTurn())));
        }
    }

    @Test
    void layoutIsTwoSpaceIndentedWithExactNumbersAndRawUtf8() throws IOException {
        List<Conversation> convs = List.of(
                new Conversation("s-1", List.of(new Turn("a", 1, null, 0), new Turn("b", 1, 5, 10))),
                new Conversation("s-2", List.of(new Turn("c", 1, null, 0))));
        InputsJsonWriter.PayloadRenderer r = (c, i) -> switch (c.conversationId() + "/" + i) {
            case "s-1/0" -> "{\"x\":1.50,\"e\":[],\"o\":{}}";
            case "s-1/1" -> " {\"t\" : \"café 日本\", \"n\": [1, 2]} ";
            default -> "{}";
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputsJsonWriter.write(out, convs, r);
        String expected = """
                {
                  "data": [
                    {
                      "session_id": "s-1",
                      "payloads": [
                        {
                          "x": 1.50,
                          "e": [],
                          "o": {}
                        },
                        {
                          "t": "café 日本",
                          "n": [
                            1,
                            2
                          ]
                        }
                      ]
                    },
                    {
                      "session_id": "s-2",
                      "payloads": [
                        {}
                      ]
                    }
                  ]
                }
                """;
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void invalidPayloadsAreRejectedAndLeaveNoFile(@TempDir Path dir) {
        List<Conversation> convs = List.of(new Conversation("s", List.of(new Turn("a", 1, null, 0))));
        Path file = dir.resolve("inputs.json");
        assertThatThrownBy(() -> InputsJsonWriter.write(file, convs, (Function<Turn, String>) t -> "[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> InputsJsonWriter.write(file, convs, (Function<Turn, String>) t -> "{} {}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> InputsJsonWriter.write(file, convs, (Function<Turn, String>) t -> "{\"a\":"))
                .isInstanceOf(IOException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void emptyDatasetWritesAnEmptyDataArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputsJsonWriter.write(out, List.of(), (c, i) -> "{}");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\n  \"data\": []\n}\n");
    }
}
