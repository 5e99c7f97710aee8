package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.model.Usage;
import io.aiperf.core.testing.Fuzz;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every {@link ResponseParser}: whatever one message holds (random documents made of the fields the parsers
 * read, broken JSON, garbage, deep nesting, long strings, numbers no long holds), {@code parse} returns what it read
 * or throws a {@link ResponseParseException} with a short one-line message; nothing else escapes. Well-formed
 * messages give their text whatever other fields they carry and in whatever order.
 */
class ResponseParserFuzzTest {

    /** JMESPath {@code response_field}s of the template endpoint, the functions among them fed values of every type. */
    private static final List<String> RESPONSE_FIELDS = List.of("text", "choices[0].delta.content", "data[*].embedding",
            "length(text)", "sort(items)", "max_by(items, &score)", "min_by(items, &score)", "sort_by(items, &name)",
            "join(',', items)", "items[?score > `0.5`].name", "keys(@)", "values(@)", "to_number(text)", "abs(n)",
            "sum(items)", "avg(items)", "max(items)", "contains(text, 'a')", "starts_with(text, 'a')", "merge(a, b)",
            "not_null(a, b)", "reverse(text)", "type(@)", "floor(n)", "ceil(n)", "to_array(a)", "to_string(@)",
            "map(&a, items)", "items[0:2]", "items[::-1]", "a || b", "a && b", "!a", "@", "*.text", "[text, n]",
            "{t: text}", "a.b.c", "items[].name | [0]");

    /** The parser of every endpoint type, and the template endpoint's with each {@link #RESPONSE_FIELDS}. */
    private static final List<Named> PARSERS = parsers();

    record Named(String name, ResponseParser parser) {
    }

    record Input(Named parser, String message) {
        @Override
        public String toString() {
            String shown = message.length() <= 400 ? message : message.substring(0, 400) + "… (" + message.length()
                    + " chars)";
            return parser.name() + " ← " + shown;
        }
    }

    @Test
    void everyParserReadsAnyMessageOrRejectsItWithOneLine() {
        Fuzz.forAll(2000, r -> new Input(PARSERS.get(r.nextInt(PARSERS.size())), RandomJson.message(r)),
                in -> RandomJson.smaller(in.message()).stream().map(m -> new Input(in.parser(), m)).toList(),
                in -> {
                    ParsedResponse parsed;
                    try {
                        parsed = in.parser().parser().parse(in.message());
                    } catch (ResponseParseException e) {
                        assertThat(e.getMessage()).as("parse error message").isNotBlank().hasSizeLessThan(600)
                                .doesNotContain("\n", "\r");
                        return;
                    }
                    assertThat(parsed).isNotNull();
                });
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A chat, completions or Responses message with known text and usage, extra fields, in a random field order. */
    record WellFormed(EndpointType type, String json, String text, Usage usage) {
    }

    @Test
    void wellFormedMessagesGiveTheirTextAndUsageWhateverElseTheyCarry() {
        Fuzz.forAll(1000, ResponseParserFuzzTest::wellFormed, m -> {
            ParsedResponse parsed = ResponseParser.forType(m.type()).parse(m.json());
            assertThat(parsed.text()).as("%s", m).isEqualTo(m.text());
            assertThat(parsed.usage()).as("%s", m).isEqualTo(m.usage());
        });
    }

    private static WellFormed wellFormed(Random r) {
        String text = RandomJson.value(r, 0);
        text = text.startsWith("\"") ? readString(text) : "t";
        EndpointType type = List.of(EndpointType.CHAT, EndpointType.COMPLETIONS, EndpointType.TEMPLATE)
                .get(r.nextInt(3));
        ObjectNode choice = JSON.createObjectNode();
        List<Runnable> fields = new ArrayList<>();
        ObjectNode root = JSON.createObjectNode();
        Usage usage = null;
        switch (type) {
            case CHAT -> {
                boolean chunk = r.nextBoolean();
                ObjectNode content = JSON.createObjectNode();
                content.put("role", "assistant").put("content", text).putArray("tool_calls").addObject();
                choice.set(chunk ? "delta" : "message", content);
                choice.put("index", 0).putNull("finish_reason").putObject("logprobs").putArray("content");
                fields.add(() -> root.put("object", chunk ? "chat.completion.chunk" : "chat.completion"));
            }
            case COMPLETIONS -> {
                choice.put("text", text).put("index", 0).putNull("logprobs");
                fields.add(() -> root.put("object", "text_completion"));
            }
            default -> choice.put("text", text);
        }
        if (type != EndpointType.TEMPLATE || r.nextBoolean()) {
            fields.add(() -> {
                var choices = root.putArray("choices");
                choices.add(choice);
                choices.addObject().put("index", 1).put("text", "second choice is never read");
            });
        } else {
            root.set("choices", JSON.createArrayNode().add(choice));
        }
        if (r.nextBoolean()) {
            long prompt = r.nextInt(100_000);
            long completion = r.nextInt(100_000);
            usage = new Usage(prompt, completion, prompt + completion, null);
            fields.add(() -> root.putObject("usage").put("prompt_tokens", prompt)
                    .put("completion_tokens", completion).put("total_tokens", prompt + completion));
        }
        fields.add(() -> root.put("id", "x").put("created", 1).put("model", "m").putObject("system_fingerprint"));
        fields.add(() -> root.putArray("unknown").addArray().add(1.5).addObject().put("usage", "not this one"));
        Collections.shuffle(fields, r);
        fields.forEach(Runnable::run);
        return new WellFormed(type, root.toString(), text, usage);
    }

    private static String readString(String json) {
        try {
            return JSON.readTree(json).textValue();
        } catch (Exception e) {
            return "t";
        }
    }

    private static List<Named> parsers() {
        List<Named> all = new ArrayList<>();
        for (EndpointType type : EndpointType.values()) {
            all.add(new Named(type.name(), ResponseParser.forType(type)));
        }
        for (String field : RESPONSE_FIELDS) {
            EndpointConfig cfg = new EndpointConfig(List.of("m"), EndpointType.TEMPLATE, true,
                    List.of("http://127.0.0.1:9"), null, 0, null, false, false, Map.of(),
                    Map.of(TemplatePayload.RESPONSE_FIELD, field), ConnectionReuse.POOLED);
            all.add(new Named("TEMPLATE[" + field + "]", ResponseParser.of(cfg)));
        }
        return List.copyOf(all);
    }
}
