package io.aiperf.core.endpoint;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.TurnContents;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadFormatterTest {

    @Test
    void chatBody() {
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, false, false, false, Map.of()), "Hi \"you\"", 50,
                null)).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi \\\"you\\\"\"}],"
                + "\"model\":\"model-a\",\"stream\":false,\"max_completion_tokens\":50}");
    }

    @Test
    void chatWithoutMaxTokensAndExplicitModel() {
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, true, false, false, Map.of()), "p", null, "other"))
                .isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"p\"}],\"model\":\"other\",\"stream\":true}");
    }

    @Test
    void legacyMaxTokens() {
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, false, true, false, Map.of()), "p", 7, null))
                .isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"p\"}],\"model\":\"model-a\","
                        + "\"stream\":false,\"max_tokens\":7}");
    }

    @Test
    void includeUsageOnlyWhenStreamingWithServerTokenCount() {
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, true, false, true, Map.of()), "p", 5, null))
                .isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"p\"}],\"model\":\"model-a\","
                        + "\"stream\":true,\"max_completion_tokens\":5,\"stream_options\":{\"include_usage\":true}}");
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, false, false, true, Map.of()), "p", 5, null))
                .doesNotContain("stream_options");
    }

    @Test
    void completionsBody() {
        assertThat(PayloadFormatter.format(config(EndpointType.COMPLETIONS, true, true, true, Map.of()), "once upon",
                9, null)).isEqualTo("{\"prompt\":[\"once upon\"],\"model\":\"model-a\",\"stream\":true,"
                + "\"max_tokens\":9,\"stream_options\":{\"include_usage\":true}}");
        assertThat(PayloadFormatter.format(config(EndpointType.COMPLETIONS, false, false, false, Map.of()), "x", 9,
                null)).isEqualTo("{\"prompt\":[\"x\"],\"model\":\"model-a\",\"stream\":false,\"max_tokens\":9}");
    }

    @Test
    void extraInputsOverrideInPlaceAndKeepTheirTypes() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("stream", false);
        extras.put("temperature", 0.7);
        extras.put("top_k", 40L);
        extras.put("ignore_eos", true);
        extras.put("stop", "\n\n");
        extras.put("max_completion_tokens", 3L);
        extras.put("nvext", Map.of("priority", 1L));
        extras.put("stop_token_ids", List.of(1L, 2L));
        String body = PayloadFormatter.format(config(EndpointType.CHAT, true, false, false, extras), "p", 100, null);
        assertThat(body).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"p\"}],\"model\":\"model-a\","
                + "\"stream\":false,\"max_completion_tokens\":3,\"temperature\":0.7,\"top_k\":40,\"ignore_eos\":true,"
                + "\"stop\":\"\\n\\n\",\"nvext\":{\"priority\":1},\"stop_token_ids\":[1,2]}");
    }

    @Test
    void deterministic() {
        EndpointConfig cfg = config(EndpointType.CHAT, true, false, true, Map.of("a", 1L));
        assertThat(PayloadFormatter.format(cfg, "same", 1, null)).isEqualTo(PayloadFormatter.format(cfg, "same", 1, null));
    }

    @Test
    void chatHistoryKeepsOrderAndTheSameFieldsAsASingleTurn() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("temperature", 0.2);
        EndpointConfig cfg = config(EndpointType.CHAT, true, false, true, extras);
        String body = PayloadFormatter.formatChat(cfg, List.of(ChatMessage.user("first"),
                ChatMessage.assistant("reply \"1\""), ChatMessage.user("second")), 12, null);
        assertThat(body).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"first\"},"
                + "{\"role\":\"assistant\",\"content\":\"reply \\\"1\\\"\"},"
                + "{\"role\":\"user\",\"content\":\"second\"}],\"model\":\"model-a\",\"stream\":true,"
                + "\"max_completion_tokens\":12,\"stream_options\":{\"include_usage\":true},\"temperature\":0.2}");
    }

    @Test
    void chatHistoryOfOneMessageIsTheSingleTurnBody() {
        EndpointConfig cfg = config(EndpointType.CHAT, false, true, false, Map.of("top_p", 0.9));
        assertThat(PayloadFormatter.formatChat(cfg, List.of(ChatMessage.user("p")), 7, "other"))
                .isEqualTo(PayloadFormatter.format(cfg, "p", 7, "other"));
    }

    @Test
    void chatHistoryNeedsAChatEndpoint() {
        EndpointConfig cfg = config(EndpointType.COMPLETIONS, false, false, false, Map.of());
        assertThatThrownBy(() -> PayloadFormatter.formatChat(cfg, List.of(ChatMessage.user("p")), 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemPromptAndUserContextOpenTheChat() {
        TurnInput in = new TurnInput("question", TurnContents.NONE, "be brief", "context of user 3");
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, false, false, false, Map.of()), in, null, null))
                .isEqualTo("{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                        + "{\"role\":\"user\",\"content\":\"context of user 3\"},"
                        + "{\"role\":\"user\",\"content\":\"question\"}],\"model\":\"model-a\",\"stream\":false}");
    }

    @Test
    void responsesSendTheSystemPromptAsInstructions() {
        TurnInput in = new TurnInput("question", TurnContents.NONE, "be brief", null);
        assertThat(PayloadFormatter.format(config(EndpointType.RESPONSES, false, false, false, Map.of()), in, 4, null))
                .isEqualTo("{\"instructions\":\"be brief\",\"input\":[{\"role\":\"user\",\"content\":"
                        + "\"question\"}],\"model\":\"model-a\",\"stream\":false,\"max_output_tokens\":4}");
    }

    @Test
    void mediaTurnsSendContentParts() {
        TurnContents contents = new TurnContents(List.of(), List.of(NamedContents.of("image_url", "data:image/png;base64,iVBO")),
                List.of(NamedContents.of("input_audio", "wav,UklGRg==")), List.of());
        TurnInput in = new TurnInput("describe", contents, null, null);
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, false, false, false, Map.of()), in, null, null))
                .isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"text\",\"text\":\"describe\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBO\"}},"
                        + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRg==\",\"format\":\"wav\"}}]}],"
                        + "\"model\":\"model-a\",\"stream\":false}");
        assertThat(PayloadFormatter.format(config(EndpointType.RESPONSES, false, false, false, Map.of()), in, null, null))
                .isEqualTo("{\"input\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"input_text\",\"text\":\"describe\"},"
                        + "{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,iVBO\"},"
                        + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRg==\",\"format\":\"wav\"}}]}],"
                        + "\"model\":\"model-a\",\"stream\":false}");
    }

    @Test
    void aTextBatchIsAListOfPartsInChatAndAListOfPromptsElsewhere() {
        TurnContents batch = new TurnContents(List.of(NamedContents.of("text", "one", "two")), List.of(), List.of(),
                List.of());
        TurnInput in = new TurnInput("one two", batch, null, null);
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, false, false, false, Map.of()), in, null, null))
                .contains("\"content\":[{\"type\":\"text\",\"text\":\"one\"},{\"type\":\"text\",\"text\":\"two\"}]");
        assertThat(PayloadFormatter.format(config(EndpointType.EMBEDDINGS, false, false, false, Map.of()), in, null, null))
                .isEqualTo("{\"model\":\"model-a\",\"input\":[\"one\",\"two\"]}");
        assertThat(PayloadFormatter.format(config(EndpointType.COMPLETIONS, false, false, false, Map.of()), in, null,
                null)).startsWith("{\"prompt\":[\"one\",\"two\"],");
        assertThat(PayloadFormatter.format(config(EndpointType.HUGGINGFACE_GENERATE, false, false, false, Map.of()), in,
                null, null)).isEqualTo("{\"inputs\":\"one two\",\"parameters\":{}}");
    }

    @Test
    void rankingsReadTheNamedQueryAndPassages() {
        TurnContents named = new TurnContents(List.of(NamedContents.of("query", "what is kv cache"),
                NamedContents.of("passages", "p1", "p2")), List.of(), List.of(), List.of());
        TurnInput in = new TurnInput("what is kv cache p1 p2", named, null, null);
        assertThat(PayloadFormatter.format(config(EndpointType.NIM_RANKINGS, false, false, false, Map.of()), in, null,
                null)).isEqualTo("{\"model\":\"model-a\",\"query\":{\"text\":\"what is kv cache\"},"
                + "\"passages\":[{\"text\":\"p1\"},{\"text\":\"p2\"}]}");
        assertThat(PayloadFormatter.format(config(EndpointType.COHERE_RANKINGS, false, false, false, Map.of()), in, null,
                null)).isEqualTo("{\"model\":\"model-a\",\"query\":\"what is kv cache\",\"documents\":[\"p1\",\"p2\"]}");
    }

    @Test
    void aTraceRowsOwnMessagesAreSentVerbatimWithItsTools() {
        TurnContents raw = TurnContents.rawMessages("[{\"role\":\"system\",\"content\":\"s\"},"
                + "{\"role\":\"user\",\"content\":\"q\"}]", "[{\"type\":\"function\"}]");
        TurnInput in = new TurnInput("s q", raw, "ignored system prompt", null);
        assertThat(PayloadFormatter.format(config(EndpointType.CHAT, true, false, true, Map.of()), in, 9, null))
                .isEqualTo("{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q\"}],"
                        + "\"model\":\"model-a\",\"stream\":true,\"max_completion_tokens\":9,"
                        + "\"tools\":[{\"type\":\"function\"}],\"stream_options\":{\"include_usage\":true}}");
        assertThat(PayloadFormatter.format(config(EndpointType.COMPLETIONS, false, false, false, Map.of()), in, null,
                null)).as("other endpoints send the text").startsWith("{\"prompt\":[\"s q\"],");
    }

    static EndpointConfig config(EndpointType type, boolean streaming, boolean legacy, boolean serverTokens,
                                 Map<String, Object> extras) {
        return new EndpointConfig(List.of("model-a", "model-b"), type, streaming, List.of("http://localhost:8000"),
                null, 600, null, legacy, serverTokens, Map.of(), extras, ConnectionReuse.POOLED);
    }
}
