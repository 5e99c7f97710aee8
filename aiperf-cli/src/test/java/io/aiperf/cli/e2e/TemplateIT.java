package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The template endpoint end to end: user Jinja2 bodies sent by the real processes to the mock's routes. */
class TemplateIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    private AiperfRun run(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-m", "m", "--endpoint-type", "template", "--isl", "16",
                "--osl", "4", "--concurrency", "2", "--request-count", "4"));
        args.addAll(List.of(extra));
        return aiperf.profile(args);
    }

    @Test
    void fileTemplateAgainstCustomMultimodal() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path template = aiperf.dir().resolve("multimodal.json.j2");
        Files.writeString(template, """
                {
                  "modality_bundle": {
                    "text": {{ texts|tojson }},
                    "images": {{ images|tojson }},
                    "audios": {{ audios|tojson }}
                  },
                  "inference_params": {"model_id": {{ model|tojson }}, "max_tokens": {{ max_tokens }}}
                }
                """);
        AiperfRun r = run("--custom-endpoint", "/v1/custom-multimodal",
                "--extra-inputs", "payload_template:" + template, "--extra-inputs", "priority:high");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        // The mock answers 400 to a bundle of the wrong shape, so no errors means every body was accepted.
        assertThat(mock.requestLog()).hasSize(4).allMatch(req -> req.path().equals("/v1/custom-multimodal"));
        JsonNode summary = r.summary();
        assertThat(summary.has("error_request_count")).as(r.stdout()).isFalse();
        assertThat(summary.at("/request_count/avg").asInt()).isEqualTo(4);
        assertThat(summary.at("/output_sequence_length/avg").asDouble()).isBetween(1.0, 4.0);
        assertThat(summary.has("output_token_throughput")).isTrue();

        // inputs.json holds the exact bodies sent.
        JsonNode body = r.inputs().at("/data/0/payloads/0");
        assertThat(body.at("/modality_bundle/text")).hasSize(1);
        assertThat(body.at("/modality_bundle/text/0").asText()).isNotBlank();
        assertThat(body.at("/modality_bundle/images")).isEmpty();
        assertThat(body.at("/inference_params/model_id").asText()).isEqualTo("m");
        assertThat(body.at("/inference_params/max_tokens").asInt()).isEqualTo(4);
        assertThat(body.path("priority").asText()).isEqualTo("high");
        assertThat(body.has("payload_template")).isFalse();
    }

    @Test
    void inlineTemplateWithResponseFieldAgainstTheChatRoute() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = run("--custom-endpoint", "/v1/chat/completions",
                "--extra-inputs", "payload_template:{\"messages\": [{\"role\": \"{{ role }}\", \"content\": "
                        + "\"{{ text }}\"}], \"model\": \"{{ model }}\", \"max_tokens\": {{ max_tokens }}}",
                "--extra-inputs", "response_field:choices[0].message.content");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(4)
                .allMatch(req -> req.path().equals("/v1/chat/completions") && "m".equals(req.model()) && !req.stream());
        JsonNode summary = r.summary();
        assertThat(summary.has("error_request_count")).as(r.stdout()).isFalse();
        assertThat(summary.at("/output_sequence_length/avg").asDouble()).isBetween(1.0, 4.0);
        JsonNode body = r.inputs().at("/data/0/payloads/0");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.has("response_field")).isFalse();
    }

    @Test
    void streamingTemplateIsReadEventByEvent() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(5, 2));
        AiperfRun r = run("--streaming", "--custom-endpoint", "/v1/chat/completions",
                "--extra-inputs", "payload_template:{\"messages\": [{\"role\": \"user\", \"content\": "
                        + "{{ text|tojson }}}], \"model\": {{ model|tojson }}, \"stream\": {{ stream|tojson }}, "
                        + "\"max_tokens\": {{ max_tokens }}}");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(4).allMatch(req -> req.stream());
        JsonNode summary = r.summary();
        assertThat(summary.has("error_request_count")).as(r.stdout()).isFalse();
        assertThat(summary.has("time_to_first_token")).isTrue();
        assertThat(summary.has("inter_token_latency")).isTrue();
        assertThat(summary.at("/output_sequence_length/avg").asDouble()).isBetween(1.0, 4.0);
    }

    @Test
    void aMissingOrBrokenTemplateIsOneLineBeforeAnythingRuns() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun missing = run();
        assertOneLineError(missing, "--endpoint-type template requires --extra-inputs payload_template:");
        AiperfRun noFile = run("--extra-inputs", "payload_template:/no/such/body.j2");
        assertOneLineError(noFile, "payload_template '/no/such/body.j2': no such file");
        AiperfRun notJson = run("--extra-inputs", "payload_template:{\"a\": {{ text }}}");
        assertOneLineError(notJson, "payload_template did not render valid JSON");
        assertThat(mock.requestLog()).isEmpty();
    }

    private static void assertOneLineError(AiperfRun r, String expected) {
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("aiperf: error: ").contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
