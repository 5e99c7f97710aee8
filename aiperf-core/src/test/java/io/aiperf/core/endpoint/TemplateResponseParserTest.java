package io.aiperf.core.endpoint;

import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.model.Usage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateResponseParserTest {

    private static final ResponseParser AUTO = ResponseParser.of(TemplatePayloadTest.config("nv-embedqa"));

    private static ResponseParser withField(String field) {
        return ResponseParser.of(TemplatePayloadTest.config(
                Map.of("payload_template", "nv-embedqa", "response_field", field)));
    }

    @Test
    void autoDetectsTextFields() throws Exception {
        assertThat(AUTO.parse("{\"text\":\"a b\"}").text()).isEqualTo("a b");
        assertThat(AUTO.parse("{\"content\":\"c\"}").text()).isEqualTo("c");
        assertThat(AUTO.parse("{\"response\":\"r\"}").text()).isEqualTo("r");
        assertThat(AUTO.parse("{\"output\":[\"o1\",\"o2\"]}").text()).isEqualTo("o1o2");
        assertThat(AUTO.parse("{\"result\":\"x\",\"completion\":{}}").text()).isEqualTo("x");
        assertThat(AUTO.parse("\"just a string\"").text()).isEqualTo("just a string");
    }

    @Test
    void autoDetectsOpenAiShapes() throws Exception {
        assertThat(AUTO.parse("{\"choices\":[{\"text\":\"t\"}]}").text()).isEqualTo("t");
        assertThat(AUTO.parse("{\"object\":\"chat.completion\",\"choices\":[{\"message\":{\"content\":\"m\"}}],"
                + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}"))
                .isEqualTo(new ParsedResponse("m", null, new Usage(4L, 2L, 6L, null)));
        ParsedResponse delta = AUTO.parse("{\"choices\":[{\"delta\":{\"content\":\"d\",\"reasoning_content\":\"r\"}}]}");
        assertThat(delta.text()).isEqualTo("d");
        assertThat(delta.reasoning()).isEqualTo("r");
        assertThat(AUTO.parse("{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}").hasContent()).isFalse();
        assertThat(AUTO.parse("{\"choices\":[],\"usage\":{\"completion_tokens\":9}}").usage().completionTokens())
                .isEqualTo(9L);
    }

    @Test
    void autoDetectsEmbeddingsAndRankingsAsNonText() throws Exception {
        assertThat(AUTO.parse("{\"data\":[{\"object\":\"embedding\",\"embedding\":[0.1]}]}").nonText()).isTrue();
        assertThat(AUTO.parse("{\"embeddings\":[[0.1,0.2]]}").nonText()).isTrue();
        assertThat(AUTO.parse("{\"embedding\":[0.1,0.2]}").nonText()).isTrue();
        assertThat(AUTO.parse("{\"rankings\":[{\"index\":0,\"logit\":1.5}]}").nonText()).isTrue();
        assertThat(AUTO.parse("{\"results\":[{\"index\":0,\"relevance_score\":0.9}]}").nonText()).isTrue();
        // data that is not embeddings falls through to the text rules
        ParsedResponse other = AUTO.parse("{\"data\":[{\"object\":\"other\"}],\"text\":\"t\"}");
        assertThat(other.nonText()).isFalse();
        assertThat(other.text()).isEqualTo("t");
    }

    @Test
    void unknownJsonCarriesNoContentAndNonJsonIsText() throws Exception {
        assertThat(AUTO.parse("{\"something\":1}").hasContent()).isFalse();
        assertThat(AUTO.parse("42").hasContent()).isFalse();
        assertThat(AUTO.parse("plain words back").text()).isEqualTo("plain words back");
        assertThat(AUTO.parse("{broken").text()).isEqualTo("{broken");
        assertThat(AUTO.parse("").hasContent()).isFalse();
    }

    @Test
    void responseFieldPicksTheValue() throws Exception {
        String body = "{\"text\":\"decoy\",\"completion\":{\"generated_text\":\"real\",\"parts\":[\"a\",\"b\"],"
                + "\"vec\":[0.5,0.25],\"n\":3,\"meta\":{\"k\":\"v\"}}}";
        assertThat(withField("completion.generated_text").parse(body).text()).isEqualTo("real");
        assertThat(withField("completion.parts").parse(body).text()).isEqualTo("ab");
        assertThat(withField("completion.vec").parse(body).nonText()).isTrue();
        assertThat(withField("completion.n").parse(body).text()).isEqualTo("3");
        assertThat(withField("completion.meta").parse(body).text()).isEqualTo("{\"k\":\"v\"}");
        assertThat(withField("choices[0].delta.content")
                .parse("{\"choices\":[{\"delta\":{\"content\":\"tok\"}}]}").text()).isEqualTo("tok");
    }

    @Test
    void aResponseFieldThatMissesCarriesNoContentInsteadOfFallingBack() throws Exception {
        ParsedResponse r = withField("completion.nope").parse("{\"text\":\"decoy\",\"completion\":{}}");
        assertThat(r.hasContent()).isFalse();
        assertThat(withField("completion.empty").parse("{\"completion\":{\"empty\":\"\"}}").hasContent()).isFalse();
        assertThat(withField("x").parse("not json").text()).isEqualTo("not json");
    }

    @Test
    void aResponseFieldTheLibraryCannotEvaluateOnAMessageRejectsThatMessage() {
        // found by ResponseParserFuzzTest: jmespath-jackson throws IndexOutOfBoundsException slicing a string
        assertThatThrownBy(() -> withField("items[::-1]").parse("\"\""))
                .isInstanceOf(ResponseParseException.class)
                .hasMessage("response_field cannot be evaluated on this message (IndexOutOfBoundsException): \"\"");
    }

    @Test
    void anInvalidResponseFieldIsRefused() {
        EndpointConfig cfg = TemplatePayloadTest.config(Map.of("payload_template", "nv-embedqa",
                "response_field", "choices[0"));
        assertThatThrownBy(() -> ResponseParser.of(cfg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("response_field 'choices[0' is not a valid JMESPath expression")
                .hasMessageNotContaining("\n");
    }
}
