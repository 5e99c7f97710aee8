package io.aiperf.core.endpoint;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.model.Usage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseParserTest {

    private final ResponseParser chat = ResponseParser.forType(EndpointType.CHAT);
    private final ResponseParser completions = ResponseParser.forType(EndpointType.COMPLETIONS);

    @Test
    void chatChunkTextFromDelta() throws Exception {
        ParsedResponse r = chat.parse("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}]}");
        assertThat(r).isEqualTo(new ParsedResponse("Hello", null, null));
        assertThat(r.hasContent()).isTrue();
    }

    @Test
    void objectFieldMayComeAfterChoices() throws Exception {
        ParsedResponse r = chat.parse("{\"choices\":[{\"message\":{\"content\":\"m\"},\"delta\":{\"content\":\"d\"}}],"
                + "\"object\":\"chat.completion\"}");
        assertThat(r.text()).isEqualTo("m");
    }

    @Test
    void roleOnlyFirstChunkIsNotContent() throws Exception {
        ParsedResponse r = chat.parse("{\"object\":\"chat.completion.chunk\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
        assertThat(r.hasContent()).isFalse();
        ParsedResponse nullContent = chat.parse("{\"object\":\"chat.completion.chunk\","
                + "\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null}}]}");
        assertThat(nullContent.hasContent()).isFalse();
    }

    @Test
    void reasoningContentAndReasoning() throws Exception {
        ParsedResponse rc = chat.parse("{\"object\":\"chat.completion.chunk\","
                + "\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"thinking\"}}]}");
        assertThat(rc).isEqualTo(new ParsedResponse(null, "thinking", null));
        assertThat(rc.hasContent()).isTrue();
        ParsedResponse r = chat.parse("{\"object\":\"chat.completion.chunk\","
                + "\"choices\":[{\"delta\":{\"reasoning\":\"hmm\"}}]}");
        assertThat(r.reasoning()).isEqualTo("hmm");
        ParsedResponse both = chat.parse("{\"object\":\"chat.completion.chunk\","
                + "\"choices\":[{\"delta\":{\"reasoning\":\"second\",\"reasoning_content\":\"first\"}}]}");
        assertThat(both.reasoning()).isEqualTo("first");
    }

    @Test
    void usageOnlyChunkWithEmptyChoices() throws Exception {
        ParsedResponse r = chat.parse("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":30,\"total_tokens\":42,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":7}}}");
        assertThat(r.hasContent()).isFalse();
        assertThat(r.usage()).isEqualTo(new Usage(12L, 30L, 42L, 7L));
    }

    @Test
    void nullUsageAndMissingDetails() throws Exception {
        assertThat(chat.parse("{\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":null}").usage()).isNull();
        assertThat(chat.parse("{\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens_details\":null}}").usage())
                .isEqualTo(new Usage(1L, null, null, null));
    }

    @Test
    void nonStreamingChatCompletionUsesMessage() throws Exception {
        ParsedResponse r = chat.parse("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hi there\",\"reasoning_content\":\"r\"},"
                + "\"finish_reason\":\"stop\"},{\"index\":1,\"message\":{\"content\":\"ignored\"}}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}");
        assertThat(r).isEqualTo(new ParsedResponse("Hi there", "r", new Usage(3L, 2L, 5L, null)));
    }

    @Test
    void missingObjectIsAcceptedOnlyWithADeltaOrMessage() throws Exception {
        assertThat(chat.parse("{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}").text()).isEqualTo("x");
        assertThat(chat.parse("{\"choices\":[{\"message\":{\"content\":\"y\"}}]}").text()).isEqualTo("y");
        assertThatThrownBy(() -> chat.parse("{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}"))
                .isInstanceOf(ResponseParseException.class).hasMessageContaining("no 'object'");
        assertThat(completions.parse("{\"choices\":[{\"text\":\"t\"}]}").text()).isEqualTo("t");
        assertThatThrownBy(() -> completions.parse("{\"error\":{\"message\":\"overloaded\"}}"))
                .isInstanceOf(ResponseParseException.class).hasMessageContaining("overloaded");
    }

    @Test
    void completionsText() throws Exception {
        assertThat(completions.parse("{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\" world\","
                + "\"finish_reason\":null}]}")).isEqualTo(new ParsedResponse(" world", null, null));
        ParsedResponse whole = completions.parse("{\"object\":\"completion\",\"choices\":[{\"text\":\"done\"}],"
                + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":1,\"total_tokens\":5}}");
        assertThat(whole).isEqualTo(new ParsedResponse("done", null, new Usage(4L, 1L, 5L, null)));
    }

    @Test
    void wrongObjectIsAnError() {
        assertThatThrownBy(() -> chat.parse("{\"object\":\"text_completion\",\"choices\":[{\"text\":\"t\"}]}"))
                .isInstanceOf(ResponseParseException.class)
                .hasMessageContaining("unexpected object 'text_completion'");
        assertThatThrownBy(() -> completions.parse("{\"object\":\"chat.completion.chunk\",\"choices\":[]}"))
                .isInstanceOf(ResponseParseException.class)
                .hasMessageContaining("unexpected object 'chat.completion.chunk'");
        assertThatThrownBy(() -> chat.parse("{\"object\":null,\"choices\":[{\"delta\":{\"content\":\"x\"}}]}"))
                .isInstanceOf(ResponseParseException.class);
    }

    @Test
    void malformedJsonMessageIsTheSameForResponsesThatDifferOnlyInIdAndLength() {
        // The error summary groups by message: one broken behaviour must not give one row per request.
        String first = messageOf("{\"id\":\"a1\",\"object\":\"chat.completion\",\"choices\":[{");
        String second = messageOf("{\"id\":\"b2345678\",\"object\":\"chat.completion\",\"choices\":[{");
        assertThat(first).isEqualTo(second).startsWith("malformed JSON: Unexpected end-of-input")
                .doesNotContain("Source").doesNotContain("column").doesNotContain("a1");
    }

    private String messageOf(String json) {
        try {
            chat.parse(json);
            throw new AssertionError("parsed: " + json);
        } catch (ResponseParseException e) {
            return e.getMessage();
        }
    }

    @Test
    void malformedJsonIsAnError() {
        assertThatThrownBy(() -> chat.parse("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":"))
                .isInstanceOf(ResponseParseException.class).hasMessageStartingWith("malformed JSON")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> chat.parse("not json")).isInstanceOf(ResponseParseException.class);
        assertThatThrownBy(() -> completions.parse("[1,2]")).isInstanceOf(ResponseParseException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> chat.parse("")).isInstanceOf(ResponseParseException.class);
    }

    @Test
    void aSizeLimitGivesOneMessageWhateverTheSize() {
        // found by ResponsePipelineFuzzTest: Jackson's count of how far it had read depends on its recycled buffers,
        // so the same over-long name gave a different message (70957, 73937) from one request to the next
        for (int length : new int[] {60_000, 75_000}) {
            assertThatThrownBy(() -> chat.parse("{\"" + "x".repeat(length) + "\":1}"))
                    .isInstanceOf(ResponseParseException.class)
                    .hasMessage("malformed JSON: Name length exceeds the maximum allowed (50000)");
        }
    }
}
