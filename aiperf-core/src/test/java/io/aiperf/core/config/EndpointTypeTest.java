package io.aiperf.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointTypeTest {

    @Test
    void tableMatchesAiperf() {
        assertThat(row(EndpointType.CHAT)).isEqualTo("chat /v1/chat/completions null true true LLM Metrics");
        assertThat(row(EndpointType.COMPLETIONS)).isEqualTo("completions /v1/completions null true true LLM Metrics");
        assertThat(row(EndpointType.RESPONSES)).isEqualTo("responses /v1/responses null true true LLM Metrics");
        assertThat(row(EndpointType.HUGGINGFACE_GENERATE))
                .isEqualTo("huggingface_generate /generate /generate_stream true true LLM Metrics");
        assertThat(row(EndpointType.SOLIDO_RAG)).isEqualTo("solido_rag /rag/api/prompt null true true SOLIDO RAG Metrics");
        assertThat(row(EndpointType.EMBEDDINGS)).isEqualTo("embeddings /v1/embeddings null false false Embeddings Metrics");
        assertThat(row(EndpointType.CHAT_EMBEDDINGS))
                .isEqualTo("chat_embeddings /v1/embeddings null false false Embeddings Metrics");
        assertThat(row(EndpointType.NIM_EMBEDDINGS))
                .isEqualTo("nim_embeddings /v1/embeddings null false false NIM Embeddings Metrics");
        assertThat(row(EndpointType.NIM_RANKINGS)).isEqualTo("nim_rankings /v1/ranking null false false Rankings Metrics");
        assertThat(row(EndpointType.HF_TEI_RANKINGS)).isEqualTo("hf_tei_rankings /rerank null false false Ranking Metrics");
        assertThat(row(EndpointType.COHERE_RANKINGS))
                .isEqualTo("cohere_rankings /v2/rerank null false false Ranking Metrics");
        assertThat(row(EndpointType.TEMPLATE)).isEqualTo("template null null true true LLM Metrics");
    }

    private static String row(EndpointType t) {
        return t.cliName() + " " + t.defaultPath() + " " + t.streamingPath() + " " + t.supportsStreaming() + " "
                + t.producesTokens() + " " + t.metricsTitle();
    }

    @Test
    void fromCliAcceptsEveryNameAndDashes() {
        for (EndpointType t : EndpointType.values()) {
            assertThat(EndpointType.fromCli(t.cliName())).isEqualTo(t);
        }
        assertThat(EndpointType.fromCli(" HF-TEI-Rankings ")).isEqualTo(EndpointType.HF_TEI_RANKINGS);
    }

    @Test
    void fromCliErrorListsAllNames() {
        assertThatThrownBy(() -> EndpointType.fromCli("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chat, completions, responses, huggingface_generate, solido_rag, embeddings, "
                        + "chat_embeddings, nim_embeddings, nim_rankings, hf_tei_rankings, cohere_rankings, template");
    }

    @Test
    void pathUsesTheStreamingPathOnlyWhenStreamingAndNoCustomEndpoint() {
        assertThat(config(EndpointType.HUGGINGFACE_GENERATE, true, null).path()).isEqualTo("/generate_stream");
        assertThat(config(EndpointType.HUGGINGFACE_GENERATE, false, null).path()).isEqualTo("/generate");
        assertThat(config(EndpointType.HUGGINGFACE_GENERATE, true, "/custom").path()).isEqualTo("/custom");
        assertThat(config(EndpointType.CHAT, true, null).path()).isEqualTo("/v1/chat/completions");
        assertThat(config(EndpointType.TEMPLATE, true, null).path()).isNull();
        assertThat(config(EndpointType.TEMPLATE, false, "/v1/x").path()).isEqualTo("/v1/x");
    }

    private static EndpointConfig config(EndpointType type, boolean streaming, String custom) {
        return new EndpointConfig(List.of("m"), type, streaming, List.of("http://localhost:1"), custom, 10, null,
                false, false, Map.of(), Map.of(), ConnectionReuse.POOLED);
    }
}
