package io.aiperf.core.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.MetricsConfig;
import io.aiperf.core.config.ModelSelectionStrategy;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.config.TestConfigs;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.config.TokenizerConfig;
import io.aiperf.core.tokenizer.TokenizerLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each payload of the prepared dataset names the model its turn was given, as {@code inputs.json} shows. */
class RunDatasetModelsTest {

    @TempDir
    Path dir;

    @Test
    void roundRobinGivesThePayloadsTheModelsInTurnOrder() throws IOException {
        assertThat(inputsJsonModels(ModelSelectionStrategy.ROUND_ROBIN, 42L, dir.resolve("rr")))
                .containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c");
    }

    @Test
    void aSingleModelIsInEveryPayload() throws IOException {
        assertThat(inputsJsonModels(List.of("only"), ModelSelectionStrategy.RANDOM, 42L, dir))
                .hasSize(9).containsOnly("only");
    }

    @Test
    void randomSelectionRepeatsWithTheSameSeed() throws IOException {
        List<String> first = inputsJsonModels(ModelSelectionStrategy.RANDOM, 7L, dir.resolve("one"));
        List<String> again = inputsJsonModels(ModelSelectionStrategy.RANDOM, 7L, dir.resolve("two"));
        assertThat(first).hasSize(9).isEqualTo(again);
        assertThat(first).isSubsetOf("a", "b", "c");
    }

    private static List<String> inputsJsonModels(ModelSelectionStrategy strategy, long seed, Path artifacts)
            throws IOException {
        return inputsJsonModels(List.of("a", "b", "c"), strategy, seed, artifacts);
    }

    /** Prepares a nine-prompt synthetic chat dataset and reads each payload's model from its inputs.json. */
    private static List<String> inputsJsonModels(List<String> models, ModelSelectionStrategy strategy, long seed,
                                                 Path artifacts) throws IOException {
        EndpointConfig endpoint = new EndpointConfig(models, EndpointType.CHAT, false,
                List.of("http://127.0.0.1:8000"), null, 600.0, null, false, false, Map.of(), Map.of(),
                ConnectionReuse.POOLED, null, null, strategy);
        BenchmarkConfig config = new BenchmarkConfig("b-1", "aiperf profile", endpoint,
                TestConfigs.input(16, 0.0, null, 0.0, seed, 9),
                new LoadConfig(TimingMode.REQUEST_RATE, PhaseLoad.burst(1, 9), null, null, 0.0, null, null),
                new TokenizerConfig(TokenizerConfig.BUILTIN, "main"),
                new OutputConfig(artifacts.toString(), ExportLevel.RECORDS, null, null, false, false),
                new ServiceConfig(1, "none", "INFO", 1), MetricsConfig.NONE);
        java.nio.file.Files.createDirectories(artifacts);
        RunDataset.prepare(config, TokenizerLoader.load(TokenizerConfig.BUILTIN, "main", models.get(0)), line -> { });
        JsonNode inputs = new ObjectMapper().readTree(artifacts.resolve("inputs.json").toFile());
        List<String> seen = new ArrayList<>();
        for (JsonNode session : inputs.get("data")) {
            for (JsonNode payload : session.get("payloads")) {
                seen.add(payload.get("model").asText());
            }
        }
        return seen;
    }
}
