package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf sweep --config sweep.yaml}: the real {@code bin/aiperf}, one profile run per point, in one JVM. */
class SweepFileIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(150).withoutWorkerWarmup();

    @Test
    void modelTimesConcurrencyIsFourFoldersOfEightRequests() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path file = Files.writeString(aiperf.dir().resolve("sweep.yaml"), """
                profile:
                  url: 127.0.0.1:%d
                  endpoint-type: chat
                  tokenizer: builtin
                  request-count: 8
                  ui: none
                  isl: 16
                  osl: 4
                sweep:
                  model: [org/model-a, model-b]
                  concurrency: [1, 2]
                """.formatted(mock.port()));

        AiperfRun r = aiperf.run("sweep", "--config", file.toString(), "--artifact-dir", "points");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Path base = aiperf.dir().resolve("points");
        for (String model : new String[] {"org/model-a", "model-b"}) {
            for (int concurrency : new int[] {1, 2}) {
                Path summary = base.resolve(model.replace('/', '_')).resolve("c" + concurrency)
                        .resolve("profile_export_aiperf.json");
                assertThat(summary).as(r.stdout()).exists();
                JsonNode json = JSON.readTree(summary.toFile());
                assertThat(json.at("/request_count/avg").asDouble()).isEqualTo(8.0);
                assertThat(json.at("/input_config/loadgen/concurrency").asInt()).isEqualTo(concurrency);
                assertThat(json.at("/input_config/endpoint/model_names/0").asText()).isEqualTo(model);
            }
        }
        assertThat(mock.requestLog()).hasSize(32);
        Map<String, Long> perModel = mock.requestLog().stream()
                .collect(Collectors.groupingBy(RequestRecord::model, Collectors.counting()));
        assertThat(perModel).containsOnly(Map.entry("org/model-a", 16L), Map.entry("model-b", 16L));
        JsonNode sweep = JSON.readTree(base.resolve("sweep_summary.json").toFile());
        assertThat(sweep.get("sweep_parameters")).extracting(JsonNode::asText).containsExactly("model", "concurrency");
        List<String> labels = new ArrayList<>();
        for (JsonNode point : sweep.get("points")) {
            labels.add(point.get("label").asText());
            assertThat(point.get("status").asText()).isEqualTo("ok");
            JsonNode own = JSON.readTree(base.resolve(point.get("dir").asText())
                    .resolve("profile_export_aiperf.json").toFile());
            assertThat(point.at("/metrics/request_latency/avg").asDouble())
                    .isEqualTo(own.at("/request_latency/avg").asDouble());
        }
        assertThat(labels).containsExactly("org_model-a/c1", "org_model-a/c2", "model-b/c1", "model-b/c2");
        assertThat(base.resolve("sweep_summary.csv")).exists();
    }

    @Test
    void aBadKeyIsOneLineNamingTheFileAndLineAndRunsNothing() throws Exception {
        Path file = Files.writeString(aiperf.dir().resolve("sweep.yaml"), """
                profile:
                  url: 127.0.0.1:1
                  model: m
                sweep:
                  concurency: [1, 2]
                """);

        AiperfRun r = aiperf.run("sweep", "--config", file.toString(), "--artifact-dir", "points");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("aiperf: error: ").contains("sweep.yaml:5: unknown sweep key 'concurency'")
                .doesNotContain("Exception");
        assertThat(aiperf.dir().resolve("points")).doesNotExist();
        assertThat(aiperf.dir().resolve("artifacts")).doesNotExist();
    }
}
