package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public datasets other than ShareGPT end to end, offline: the real CLI reads a local copy of each
 * ({@code --public-dataset-path}) in its real row format and sends its prompts, in file order, to the mock; the mock's
 * request log is what is checked. A text dataset from JSON Lines, a vision one from a datasets-server answer.
 */
class PublicDatasetsIT {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAA"
            + "AABJRU5ErkJggg==";

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    private AiperfRun profile(Path cache, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-m", "m", "--concurrency", "1"));
        args.addAll(List.of(extra));
        // an unreachable hub: nothing may be fetched
        return aiperf.withEnv(Map.of("HF_ENDPOINT", "http://127.0.0.1:9", "AIPERF_CACHE_DIR", cache.toString()))
                .profile(args);
    }

    @Test
    void aimoRowsFromJsonLinesAreSentInFileOrder() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path rows = Files.writeString(aiperf.dir().resolve("aimo.jsonl"),
                "{\"problem\": \"What is the sum of the first ten positive integers?\", \"solution\": \"55\"}\n"
                        + "{\"problem\": \"\", \"solution\": \"skipped\"}\n"
                        + "{\"problem\": \"Find all real x such that x^2 = 4.\", \"solution\": \"2 or -2\"}\n");

        AiperfRun r = profile(aiperf.dir().resolve("cache"), "--public-dataset", "aimo", "--public-dataset-path",
                rows.toString(), "--request-count", "3");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).extracting(q -> q.body().at("/messages/0/content").asText())
                .containsExactly("What is the sum of the first ten positive integers?",
                        "Find all real x such that x^2 = 4.", "What is the sum of the first ten positive integers?");
        assertThat(r.summary().at("/input_config/input/public_dataset").asText()).isEqualTo("aimo");
    }

    @Test
    void mmstarRowsCarryTheirImageAsAnImageUrl() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path rows = Files.writeString(aiperf.dir().resolve("mmstar.json"), "{\"rows\": [{\"row_idx\": 0, \"row\": "
                + "{\"question\": \"Which animal is shown? A: cat, B: dog\", \"image\": {\"bytes\": \"" + PNG
                + "\", \"path\": \"0.png\"}}}]}");

        AiperfRun r = profile(aiperf.dir().resolve("cache"), "--public-dataset", "mmstar", "--public-dataset-path",
                rows.toString(), "--request-count", "1");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(1);
        JsonNode content = mock.requestLog().get(0).body().at("/messages/0/content");
        assertThat(content.toString()).contains("Which animal is shown? A: cat, B: dog")
                .contains("\"image_url\"").contains("data:image/png;base64," + PNG);
    }
}
