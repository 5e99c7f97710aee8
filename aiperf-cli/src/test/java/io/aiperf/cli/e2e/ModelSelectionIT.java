package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several {@code -m} models: as in AIPerf each turn of the dataset is given its model once, in dataset order, so
 * with sequential sampling the mock sees the models in the order {@code inputs.json} lists them.
 */
class ModelSelectionIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    @Test
    void roundRobinSendsTheModelsInTurnOrderAndRandomSendsWhatInputsJsonShows() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        List<String> common = List.of("-m", "a", "-m", "b", "-m", "c", "--request-count", "9", "--concurrency", "1",
                "--num-dataset-entries", "9", "--dataset-sampling-strategy", "sequential",
                "--synthetic-input-tokens-mean", "16", "--output-tokens-mean", "4", "--random-seed", "11");

        AiperfRun roundRobin = aiperf.profile(common);
        assertThat(roundRobin.exitCode()).as(roundRobin.stderr()).isZero();
        assertThat(mock.requestLog()).extracting(RequestRecord::model)
                .containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c");
        assertThat(payloadModels(roundRobin)).containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c");
        assertThat(roundRobin.records()).hasSize(9);
        assertThat(roundRobin.summary().at("/input_config/endpoint/model_names"))
                .extracting(JsonNode::asText).containsExactly("a", "b", "c");
        assertThat(roundRobin.summary().at("/input_config/endpoint").has("model_selection_strategy"))
                .as("the default is left out, as every default there").isFalse();

        mock.clearRequestLog();
        List<String> randomArgs = new ArrayList<>(common);
        randomArgs.addAll(List.of("--model-selection-strategy", "random"));
        AiperfRun random = aiperf.profile(randomArgs);
        assertThat(random.exitCode()).as(random.stderr()).isZero();
        List<String> sent = mock.requestLog().stream().map(RequestRecord::model).toList();
        assertThat(sent).hasSize(9).isSubsetOf("a", "b", "c").isEqualTo(payloadModels(random));
        assertThat(random.summary().at("/input_config/endpoint/model_selection_strategy").asText())
                .isEqualTo("random");
    }

    @Test
    void anUnknownStrategyIsOneLineNamingTheValidOnes() throws Exception {
        AiperfRun r = aiperf.profile("-m", "a", "-m", "b", "--model-selection-strategy", "fastest");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("aiperf: error: ")
                .contains("--model-selection-strategy 'fastest': expected one of round_robin, random")
                .doesNotContain("Exception");
    }

    /** Each payload's model, sessions and turns in inputs.json order. */
    private static List<String> payloadModels(AiperfRun run) throws Exception {
        List<String> models = new ArrayList<>();
        for (JsonNode session : run.inputs().get("data")) {
            for (JsonNode payload : session.get("payloads")) {
                models.add(payload.get("model").asText());
            }
        }
        return models;
    }
}
