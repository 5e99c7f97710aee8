package io.aiperf.core.endpoint;

import io.aiperf.core.config.EndpointType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.aiperf.core.endpoint.PayloadFormatterTest.config;
import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies of the endpoints beyond chat and completions (AIPerf reference §2.3). */
class EndpointBodiesTest {

    private static String body(EndpointType type, boolean streaming, Map<String, Object> extras, Integer maxTokens) {
        return PayloadFormatter.format(config(type, streaming, false, true, extras), "hi", maxTokens, null);
    }

    private static Map<String, Object> extras() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("temperature", 0.5);
        return extras;
    }

    @Test
    void embeddings() {
        assertThat(body(EndpointType.EMBEDDINGS, false, extras(), 10))
                .isEqualTo("{\"model\":\"model-a\",\"input\":[\"hi\"],\"temperature\":0.5}");
        assertThat(body(EndpointType.NIM_EMBEDDINGS, false, Map.of(), null))
                .isEqualTo("{\"model\":\"model-a\",\"input\":[\"hi\"]}");
    }

    @Test
    void chatEmbeddingsSendsTheChatBody() {
        assertThat(body(EndpointType.CHAT_EMBEDDINGS, false, Map.of(), null))
                .isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"model-a\",\"stream\":false}");
    }

    @Test
    void huggingFaceGeneratePutsExtrasInParameters() {
        assertThat(body(EndpointType.HUGGINGFACE_GENERATE, true, extras(), 7))
                .isEqualTo("{\"inputs\":\"hi\",\"parameters\":{\"max_new_tokens\":7,\"temperature\":0.5}}");
        assertThat(body(EndpointType.HUGGINGFACE_GENERATE, false, Map.of(), null))
                .isEqualTo("{\"inputs\":\"hi\",\"parameters\":{}}");
    }

    @Test
    void responses() {
        assertThat(body(EndpointType.RESPONSES, true, extras(), 12))
                .isEqualTo("{\"input\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"model-a\",\"stream\":true,"
                        + "\"max_output_tokens\":12,\"temperature\":0.5}");
    }

    @Test
    void solidoRag() {
        assertThat(body(EndpointType.SOLIDO_RAG, false, Map.of(), 5))
                .isEqualTo("{\"query\":[\"hi\"],\"filters\":{\"family\":\"Solido\",\"tool\":\"SDE\"},"
                        + "\"inference_model\":\"model-a\"}");
    }

    @Test
    void rankingsUseThePromptAsQueryAndPassage() {
        assertThat(body(EndpointType.NIM_RANKINGS, false, Map.of(), null))
                .isEqualTo("{\"model\":\"model-a\",\"query\":{\"text\":\"hi\"},\"passages\":[{\"text\":\"hi\"}]}");
        assertThat(body(EndpointType.HF_TEI_RANKINGS, false, extras(), null))
                .isEqualTo("{\"query\":\"hi\",\"texts\":[\"hi\"],\"temperature\":0.5}");
        assertThat(body(EndpointType.COHERE_RANKINGS, false, Map.of(), null))
                .isEqualTo("{\"model\":\"model-a\",\"query\":\"hi\",\"documents\":[\"hi\"]}");
    }

    @Test
    void everyTypeHasABody() {
        for (EndpointType type : EndpointType.values()) {
            // a template endpoint's body is the user's template: the named one here
            Map<String, Object> extras = type == EndpointType.TEMPLATE ? Map.of("payload_template", "nv-embedqa")
                    : Map.of();
            assertThat(body(type, false, extras, 3)).startsWith("{");
        }
    }
}
