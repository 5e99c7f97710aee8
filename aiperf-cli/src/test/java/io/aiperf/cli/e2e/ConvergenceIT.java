package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --convergence-metric} on real runs: the distribution test reads the runs' own profile_export.jsonl. With a
 * fixed output length (ignore_eos) every request of every run has the same output_sequence_length, so the runs
 * agree exactly and the plan must stop at the third of at most four runs.
 */
class ConvergenceIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(240).withoutWorkerWarmup();

    @Test
    void identicalRunsConvergeAtTheThirdAndTheFourthIsNeverMade() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1));
        AiperfRun r = aiperf.profile("-m", "mock-model", "--streaming", "--isl", "16", "--osl", "4",
                "--extra-inputs", "ignore_eos:true", "--workers-max", "1", "--no-gpu-telemetry",
                "--no-server-metrics", "--concurrency", "2", "--request-count", "6", "--num-profile-runs", "4",
                "--convergence-metric", "output_sequence_length", "--convergence-mode", "distribution",
                "--convergence-threshold", "0.5");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(18);
        assertThat(Files.exists(r.artifacts().resolve("profile_runs/run_0003/profile_export.jsonl"))).isTrue();
        assertThat(Files.exists(r.artifacts().resolve("profile_runs/run_0004"))).isFalse();
        JsonNode agg = new ObjectMapper().readTree(r.artifacts()
                .resolve("aggregate/profile_export_aiperf_aggregate.json").toFile());
        JsonNode conv = agg.at("/metadata/convergence");
        assertThat(conv.get("mode").asText()).isEqualTo("distribution");
        assertThat(conv.get("converged").asBoolean()).isTrue();
        assertThat(conv.get("converged_after_runs").asInt()).isEqualTo(3);
        assertThat(conv.get("stopped_early").asBoolean()).isTrue();
        assertThat(conv.get("value").asDouble()).isEqualTo(1.0);
        assertThat(agg.at("/metadata/num_profile_runs").asInt()).isEqualTo(3);
        assertThat(r.stdout()).contains("converged: stopped after 3 of 4 runs");
    }
}
