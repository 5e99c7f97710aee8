package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatePayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namedTemplateSendsTheTextsList() {
        assertThat(render(config("nv-embedqa"), TurnInput.text("hello"), null))
                .isEqualTo("{\"text\":[\"hello\"]}");
    }

    @Test
    void templateFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("body.json.j2");
        Files.writeString(file, "{\n  \"prompt\": {{ text|tojson }},\n  \"model\": \"{{ model }}\",\n"
                + "  \"n\": {{ max_tokens }},\n  \"stream\": {{ stream }}\n}\n");
        assertThat(render(config(file.toString()), TurnInput.text("a b"), 12))
                .isEqualTo("{\"prompt\":\"a b\",\"model\":\"model-a\",\"n\":12,\"stream\":false}");
    }

    @Test
    void quotesNewlinesBackslashesAndUnicodeSurviveBothQuotedAndToJson() throws Exception {
        String prompt = "say \"hi\"\nthen \\ leave\t– ünïcödé 日本 😀 \u0001 </script>";
        String body = render(config("{\"quoted\": \"{{ text }}\", \"json\": {{ text|tojson }},"
                + " \"list\": {{ texts|tojson }}, \"bare\": {{ texts }}}"), TurnInput.text(prompt), null);
        JsonNode tree = JSON.readTree(body);
        assertThat(tree.get("quoted").textValue()).isEqualTo(prompt);
        assertThat(tree.get("json").textValue()).isEqualTo(prompt);
        assertThat(tree.get("list").get(0).textValue()).isEqualTo(prompt);
        assertThat(tree.get("bare").get(0).textValue()).isEqualTo(prompt);
    }

    @Test
    void promptsAreNeverInterpretedAsTemplates() throws Exception {
        String body = render(config("{\"p\": \"{{ text }}\"}"), TurnInput.text("{{ model }} {% if x %}"), null);
        assertThat(JSON.readTree(body).get("p").textValue()).isEqualTo("{{ model }} {% if x %}");
    }

    @Test
    void autoescapeFalseInsertsRawText() {
        String body = render(config("{% autoescape false %}{\"p\": \"{{ text }}\"}{% endautoescape %}"),
                TurnInput.text("a\\u0041"), null);
        assertThat(body).isEqualTo("{\"p\":\"aA\"}");
        assertThat(render(config("{\"p\": \"{{ text|safe }}\"}"), TurnInput.text("a\\u0041"), null))
                .isEqualTo("{\"p\":\"aA\"}");
    }

    @Test
    void extrasAreMergedAtTheTopLevelWithoutTheTemplateKeys() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("payload_template", "{\"inputs\": {{ texts|tojson }}, \"temperature\": 1}");
        extras.put("response_field", "output");
        extras.put("temperature", 0.5);
        extras.put("priority", "high");
        assertThat(render(config(extras), TurnInput.text("x"), null))
                .isEqualTo("{\"inputs\":[\"x\"],\"temperature\":0.5,\"priority\":\"high\"}");
    }

    @Test
    void mediaAndNamedTextsAreTemplateVariables() throws Exception {
        TurnContents contents = new TurnContents(
                List.of(NamedContents.of("query", "what is up"), NamedContents.of("passages", "p1", "p2")),
                List.of(NamedContents.of("image_url", "data:image/png;base64,iVBO", "https://x/y.jpg")),
                List.of(NamedContents.of("input_audio", "wav,UklGRg==")),
                List.of(NamedContents.of("video_url", "data:video/mp4;base64,AAAA")));
        TurnInput in = new TurnInput("what is up p1 p2", contents, "be brief", null);
        String template = "{\"modality_bundle\": {\"text\": {{ texts|tojson }}, \"images\": {{ images|tojson }},"
                + " \"audios\": {{ audios|tojson }}, \"videos\": {{ videos|tojson }}},"
                + " \"first\": [{{ text|tojson }}, {{ image|tojson }}, {{ audio|tojson }}, {{ video|tojson }}],"
                + " \"q\": {{ query|tojson }}, \"qs\": {{ queries|tojson }}, \"ps\": {{ passages|tojson }},"
                + " \"p\": {{ passage|tojson }}, \"by_name\": {{ texts_by_name.passages|tojson }},"
                + " \"img_by_name\": {{ images_by_name.image_url|length }},"
                + " \"role\": {{ role|tojson }}, \"turn_images\": {{ turn.images[0].contents|length }},"
                + " \"turns\": {{ turns|length }}, \"system\": {{ request_info.system_message|tojson }},"
                + " \"inference_params\": {\"model_id\": {{ model|tojson }}, \"max_tokens\": {{ max_tokens }}}}";
        JsonNode body = JSON.readTree(render(config(template), in, 64));
        assertThat(body.at("/modality_bundle/text").toString()).isEqualTo("[\"what is up\",\"p1\",\"p2\"]");
        assertThat(body.at("/modality_bundle/images").toString())
                .isEqualTo("[\"data:image/png;base64,iVBO\",\"https://x/y.jpg\"]");
        assertThat(body.at("/modality_bundle/audios").toString()).isEqualTo("[\"wav,UklGRg==\"]");
        assertThat(body.at("/modality_bundle/videos").toString()).isEqualTo("[\"data:video/mp4;base64,AAAA\"]");
        assertThat(body.get("first").toString()).isEqualTo("[\"what is up\",\"data:image/png;base64,iVBO\","
                + "\"wav,UklGRg==\",\"data:video/mp4;base64,AAAA\"]");
        assertThat(body.get("q").textValue()).isEqualTo("what is up");
        assertThat(body.get("qs").toString()).isEqualTo("[\"what is up\"]");
        assertThat(body.get("ps").toString()).isEqualTo("[\"p1\",\"p2\"]");
        assertThat(body.get("p").textValue()).isEqualTo("p1");
        assertThat(body.get("by_name").toString()).isEqualTo("[\"p1\",\"p2\"]");
        assertThat(body.get("img_by_name").intValue()).isEqualTo(2);
        assertThat(body.get("role").textValue()).isEqualTo("user");
        assertThat(body.get("turn_images").intValue()).isEqualTo(2);
        assertThat(body.get("turns").intValue()).isEqualTo(1);
        assertThat(body.get("system").textValue()).isEqualTo("be brief");
        assertThat(body.at("/inference_params/model_id").textValue()).isEqualTo("model-a");
        assertThat(body.at("/inference_params/max_tokens").intValue()).isEqualTo(64);
    }

    @Test
    void absentValuesRenderAsJsonNull() {
        assertThat(render(config("{\"m\": {{ max_tokens }}, \"i\": {{ image|tojson }}, \"u\": {{ nosuchvar }}}"),
                TurnInput.text("x"), null)).isEqualTo("{\"m\":null,\"i\":null,\"u\":null}");
    }

    @Test
    void conversationTurnsBringTheirRoleAndModel() throws Exception {
        EndpointConfig cfg = config("{\"role\": {{ role|tojson }}, \"model\": {{ model|tojson }}, "
                + "\"stream\": {{ stream|tojson }}}");
        Turn turn = new Turn("hi", 1, null, 0, null, "system", List.of());
        Conversation conversation = new Conversation("c1", List.of(turn));
        assertThat(PayloadFormatter.format(cfg, conversation, 0, "other"))
                .isEqualTo("{\"role\":\"system\",\"model\":\"other\",\"stream\":false}");
    }

    @Test
    void streamingIsAVariable() {
        EndpointConfig cfg = new EndpointConfig(List.of("model-a"), EndpointType.TEMPLATE, true,
                List.of("http://localhost:1"), null, 10, null, false, false, Map.of(),
                Map.of("payload_template", "{\"stream\": {{ stream|tojson }}}"), ConnectionReuse.POOLED);
        assertThat(PayloadFormatter.format(cfg, "x", null, null)).isEqualTo("{\"stream\":true}");
    }

    @Test
    void missingTemplateIsRefused() {
        assertThatThrownBy(() -> TemplatePayload.compile(config(Map.of("temperature", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requires --extra-inputs payload_template:");
    }

    @Test
    void aPathThatDoesNotExistIsRefusedAtCompileTime() {
        assertThatThrownBy(() -> TemplatePayload.compile(config("/no/such/dir/body.j2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload_template '/no/such/dir/body.j2': no such file (and not a named template such as"
                        + " nv-embedqa, nor an inline Jinja2 template of a JSON object)");
    }

    @Test
    void syntaxErrorsAreRefusedAtCompileTime() {
        assertThatThrownBy(() -> TemplatePayload.compile(config("{\"a\": {% if text %}1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payload_template")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> TemplatePayload.compile(config("{\"a\": {{ text|nosuchfilter }}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload_template: unknown filter 'nosuchfilter'");
    }

    @Test
    void aBarInsideAQuotedStringIsNotAFilter() {
        assertThat(render(config("{\"a\": {{ \"x|nosuch\"|upper|tojson }}}"), TurnInput.text("x"), null))
                .isEqualTo("{\"a\":\"X|NOSUCH\"}");
    }

    @Test
    void templatesThatDoNotRenderAJsonObjectAreRefused() {
        assertThatThrownBy(() -> TemplatePayload.compile(config("{\"a\": {{ text }}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payload_template did not render valid JSON")
                .hasMessageContaining("{\"a\": template probe}")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> TemplatePayload.compile(config("[{{ text|tojson }}]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload_template must render a JSON object, got: [\"template probe\"]");
    }

    @Test
    void compiledTemplateIsReusedForTheSameConfig() {
        EndpointConfig cfg = config("nv-embedqa");
        assertThat(TemplatePayload.of(cfg)).isSameAs(TemplatePayload.of(cfg));
        EndpointConfig other = config("{\"other\": {{ text|tojson }}}");
        assertThat(PayloadFormatter.format(other, "y", null, null)).isEqualTo("{\"other\":\"y\"}");
        assertThat(PayloadFormatter.format(cfg, "y", null, null)).isEqualTo("{\"text\":[\"y\"]}");
    }

    private static String render(EndpointConfig cfg, TurnInput in, Integer maxTokens) {
        return PayloadFormatter.format(cfg, in, maxTokens, null);
    }

    static EndpointConfig config(String template) {
        return config(Map.of("payload_template", template));
    }

    static EndpointConfig config(Map<String, Object> extras) {
        return new EndpointConfig(List.of("model-a"), EndpointType.TEMPLATE, false, List.of("http://localhost:1"),
                null, 10, null, false, false, Map.of(), extras, ConnectionReuse.POOLED);
    }
}
