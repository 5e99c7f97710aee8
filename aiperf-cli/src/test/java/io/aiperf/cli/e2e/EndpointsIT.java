package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint type end to end: the real processes against the mock's matching route. */
class EndpointsIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    @ParameterizedTest(name = "{0} streaming={1}")
    @CsvSource({
            "embeddings, false, /v1/embeddings, false",
            "chat_embeddings, false, /v1/embeddings, false",
            "nim_embeddings, false, /v1/embeddings, false",
            "nim_rankings, false, /v1/ranking, false",
            "hf_tei_rankings, false, /rerank, false",
            "cohere_rankings, false, /v2/rerank, false",
            "huggingface_generate, false, /generate, true",
            "huggingface_generate, true, /generate_stream, true",
            "responses, false, /v1/responses, true",
            "responses, true, /v1/responses, true",
            "solido_rag, false, /rag/api/prompt, true"})
    void runsAgainstItsRoute(String type, boolean streaming, String path, boolean producesTokens) throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        List<String> args = new ArrayList<>(List.of("-m", "m", "--endpoint-type", type, "--osl", "4",
                "--concurrency", "2", "--request-count", "4"));
        // AIPerf refuses the ISL options on rankings endpoints: queries and passages have their own lengths
        args.addAll(type.endsWith("_rankings")
                ? List.of("--rankings-query-prompt-token-mean", "16", "--rankings-passages-prompt-token-mean", "16")
                : List.of("--isl", "16"));
        if (streaming) {
            args.add("--streaming");
        }
        AiperfRun r = aiperf.profile(args);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(4).allMatch(req -> req.path().equals(path));
        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asInt()).isEqualTo(4);
        assertThat(summary.has("error_request_count")).as(r.stdout()).isFalse();
        assertThat(summary.has("request_latency")).isTrue();
        assertThat(summary.has("output_sequence_length")).isEqualTo(producesTokens);
        assertThat(summary.has("time_to_first_token")).isEqualTo(streaming);
    }
}
