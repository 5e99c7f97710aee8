package io.aiperf.core.endpoint;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.model.Usage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Response parsers of the endpoints beyond chat and completions (AIPerf reference §2.3). */
class EndpointParsersTest {

    private static ParsedResponse parse(EndpointType type, String json) throws ResponseParseException {
        return ResponseParser.forType(type).parse(json);
    }

    private static void rejects(EndpointType type, String json) {
        assertThatThrownBy(() -> parse(type, json)).as(type + " " + json).isInstanceOf(ResponseParseException.class);
    }

    @Test
    void embeddingsAreOneNonTextResponse() throws Exception {
        ParsedResponse r = parse(EndpointType.EMBEDDINGS, "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\","
                + "\"index\":0,\"embedding\":[0.1,0.2]}],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}");
        assertThat(r.hasContent()).isTrue();
        assertThat(r.text()).isNull();
        assertThat(r.usage()).isEqualTo(new Usage(3L, null, 3L, null));
        assertThat(parse(EndpointType.CHAT_EMBEDDINGS, "{\"data\":[{\"object\":\"embedding\"}]}").hasContent()).isTrue();
        assertThat(parse(EndpointType.NIM_EMBEDDINGS, "{\"data\":[]}").hasContent()).isFalse();
    }

    @Test
    void embeddingsRejectsWhatIsNotAnEmbedding() {
        rejects(EndpointType.EMBEDDINGS, "{\"data\":[{\"object\":\"other\"}]}");
        rejects(EndpointType.EMBEDDINGS, "{\"nodata\":1}");
        rejects(EndpointType.EMBEDDINGS, "[1]");
        rejects(EndpointType.EMBEDDINGS, "{not json");
        rejects(EndpointType.EMBEDDINGS, "");
    }

    @Test
    void rankings() throws Exception {
        assertThat(parse(EndpointType.NIM_RANKINGS, "{\"rankings\":[{\"index\":0,\"logit\":1.5}]}").hasContent())
                .isTrue();
        assertThat(parse(EndpointType.HF_TEI_RANKINGS, "[{\"index\":0,\"score\":0.9}]").hasContent()).isTrue();
        assertThat(parse(EndpointType.HF_TEI_RANKINGS, "{\"results\":[{\"index\":0,\"score\":0.9}]}").hasContent())
                .isTrue();
        assertThat(parse(EndpointType.COHERE_RANKINGS,
                "{\"results\":[{\"index\":0,\"relevance_score\":0.9}]}").hasContent()).isTrue();
        assertThat(parse(EndpointType.COHERE_RANKINGS, "{\"results\":[]}").hasContent()).isFalse();
    }

    @Test
    void rankingsRejectMalformed() {
        rejects(EndpointType.NIM_RANKINGS, "{\"results\":[]}");
        rejects(EndpointType.NIM_RANKINGS, "[]");
        rejects(EndpointType.COHERE_RANKINGS, "[{\"index\":0}]");
        rejects(EndpointType.HF_TEI_RANKINGS, "\"x\"");
        rejects(EndpointType.HF_TEI_RANKINGS, "{[");
    }

    @Test
    void huggingFaceGenerate() throws Exception {
        assertThat(parse(EndpointType.HUGGINGFACE_GENERATE, "{\"generated_text\":\"hello\"}").text()).isEqualTo("hello");
        assertThat(parse(EndpointType.HUGGINGFACE_GENERATE, "[{\"generated_text\":\"hi\"}]").text()).isEqualTo("hi");
        assertThat(parse(EndpointType.HUGGINGFACE_GENERATE,
                "{\"index\":1,\"token\":{\"id\":5,\"text\":\" a\",\"special\":false},\"generated_text\":null}").text())
                .isEqualTo(" a");
        // The last event repeats the whole text: only its token counts.
        assertThat(parse(EndpointType.HUGGINGFACE_GENERATE,
                "{\"token\":{\"text\":\"!\"},\"generated_text\":\"hello a!\"}").text()).isEqualTo("!");
        rejects(EndpointType.HUGGINGFACE_GENERATE, "{\"other\":1}");
        rejects(EndpointType.HUGGINGFACE_GENERATE, "42");
        rejects(EndpointType.HUGGINGFACE_GENERATE, "{\"token\":");
    }

    @Test
    void responsesStreamingEvents() throws Exception {
        assertThat(parse(EndpointType.RESPONSES, "{\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}"))
                .isEqualTo(new ParsedResponse("Hi", null, null));
        assertThat(parse(EndpointType.RESPONSES, "{\"type\":\"response.reasoning_text.delta\",\"delta\":\"hm\"}"))
                .isEqualTo(new ParsedResponse(null, "hm", null));
        assertThat(parse(EndpointType.RESPONSES, "{\"type\":\"response.output_text.done\",\"text\":\"Hi\"}")
                .hasContent()).isFalse();
        assertThat(parse(EndpointType.RESPONSES, "{\"type\":\"response.created\",\"response\":{}}").hasContent())
                .isFalse();
        ParsedResponse done = parse(EndpointType.RESPONSES, "{\"type\":\"response.completed\",\"response\":{"
                + "\"usage\":{\"input_tokens\":4,\"output_tokens\":6,\"total_tokens\":10,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":2}}}}");
        assertThat(done.usage()).isEqualTo(new Usage(4L, 6L, 10L, 2L));
        assertThat(done.hasContent()).isFalse();
        rejects(EndpointType.RESPONSES, "{\"type\":\"error\",\"message\":\"boom\"}");
        rejects(EndpointType.RESPONSES, "{\"delta\":\"x\"}");
        rejects(EndpointType.RESPONSES, "{\"type\":");
    }

    @Test
    void responsesWholeBody() throws Exception {
        ParsedResponse r = parse(EndpointType.RESPONSES, "{\"object\":\"response\",\"output\":["
                + "{\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"think\"}]},"
                + "{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hello\"},"
                + "{\"type\":\"refusal\",\"refusal\":\"no\"},{\"type\":\"output_text\",\"text\":\" there\"}]}],"
                + "\"usage\":{\"input_tokens\":2,\"output_tokens\":3,\"total_tokens\":5}}");
        assertThat(r).isEqualTo(new ParsedResponse("Hello there", "think", new Usage(2L, 3L, 5L, null)));
        assertThat(parse(EndpointType.RESPONSES, "{\"object\":\"response\",\"output\":[],\"output_text\":\"x\"}").text())
                .isEqualTo("x");
    }

    @Test
    void solidoRag() throws Exception {
        assertThat(parse(EndpointType.SOLIDO_RAG, "{\"content\":\"answer\",\"sources\":[\"a\"]}").text())
                .isEqualTo("answer");
        rejects(EndpointType.SOLIDO_RAG, "{\"sources\":[]}");
        rejects(EndpointType.SOLIDO_RAG, "[]");
        rejects(EndpointType.SOLIDO_RAG, "nope");
    }
}
