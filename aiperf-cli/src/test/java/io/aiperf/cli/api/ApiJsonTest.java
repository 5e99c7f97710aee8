package io.aiperf.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.cli.ProfileCommand;
import io.aiperf.cli.options.ProfileConfigResolver;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.message.Message.WorkerTable;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.WorkerRow;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiJsonTest {

    private final LiveRunState state = new LiveRunState();

    private static BenchmarkConfig config(String dir) {
        String[] args = {"-m", "m", "--request-count", "10", "--artifact-dir", dir};
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(),
                command.loadOptions(), command.outputOptions(), List.of(args), false, 2, null);
    }

    private static JsonNode tree(Object node) {
        return ApiJson.MAPPER.valueToTree(node);
    }

    @Test
    void beforeAnyRunEveryFieldIsThereAndNull() {
        JsonNode progress = tree(ApiJson.progress(state.snapshot()));

        assertThat(progress.get("run").isNull()).isTrue();
        assertThat(progress.get("stage").isNull()).isTrue();
        assertThat(progress.at("/current/completed").isNull()).isTrue();
        assertThat(progress.at("/current/percent").isNull()).isTrue();
        assertThat(tree(ApiJson.status(state.snapshot())).get("status").asText()).isEqualTo("waiting");
        assertThat(tree(ApiJson.metrics(state.snapshot())).get("metrics")).isEmpty();
        assertThat(tree(ApiJson.workers(state.snapshot())).get("workers")).isEmpty();
    }

    @Test
    void progressIsTheLatestCountsOfThePhaseSendingAndEveryPhaseSeen() {
        BenchmarkConfig config = config("/tmp/run-a");
        state.runStarted(config);
        state.accept(new RunProgress(CreditPhase.WARMUP, 4, 4, 0, 4, 0, 1_000_000_000L));
        state.accept(new RunStage(RunStage.PROFILING, 1_700_000_000_000L, -1));
        state.accept(new RunProgress(CreditPhase.PROFILING, 3, 2, 1, 10, 1, 500_000_000L));
        state.accept(new RunProgress(CreditPhase.PROFILING, 6, 5, 1, 10, 1, 2_500_000_000L));

        JsonNode p = tree(ApiJson.progress(state.snapshot()));

        assertThat(p.at("/run/index").asInt()).isEqualTo(1);
        assertThat(p.at("/run/benchmark_id").asText()).isEqualTo(config.benchmarkId());
        assertThat(p.at("/run/artifact_dir").asText()).isEqualTo(config.output().artifactDir());
        assertThat(p.get("stage").asText()).isEqualTo("profiling");
        assertThat(p.get("stage_since_epoch_ms").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(p.get("stage_duration_sec").isNull()).isTrue();
        JsonNode current = p.get("current");
        assertThat(current.get("phase").asText()).isEqualTo("profiling");
        assertThat(current.get("sent").asLong()).isEqualTo(6);
        assertThat(current.get("completed").asLong()).isEqualTo(5);
        assertThat(current.get("errors").asLong()).isEqualTo(1);
        assertThat(current.get("total").asLong()).isEqualTo(10);
        assertThat(current.get("in_flight").asInt()).isEqualTo(1);
        assertThat(current.get("elapsed_sec").asDouble()).isEqualTo(2.5);
        assertThat(current.get("percent").asDouble()).isEqualTo(50.0);
        assertThat(p.at("/phases/warmup/completed").asLong()).isEqualTo(4);
        assertThat(p.at("/phases/profiling/completed").asLong()).isEqualTo(5);
    }

    @Test
    void aDurationBoundPhaseShowsItsShareOfTheDuration() {
        state.runStarted(config("/tmp/run-d"));
        state.accept(new RunStage(RunStage.PROFILING, 1L, 10_000_000_000L));
        state.accept(new RunProgress(CreditPhase.PROFILING, 40, 38, 0, 0, 2, 2_500_000_000L));

        JsonNode p = tree(ApiJson.progress(state.snapshot()));

        assertThat(p.get("stage_duration_sec").asDouble()).isEqualTo(10.0);
        assertThat(p.at("/current/total").isNull()).isTrue();
        assertThat(p.at("/current/percent").asDouble()).isEqualTo(25.0);
    }

    @Test
    void metricsAreKeyedByTagInDisplayUnits() {
        state.runStarted(config("/tmp/run-m"));
        state.accept(new LiveMetrics(7, 1, List.of(
                new LiveMetric("request_latency", "Request Latency", "ms", 12.5, 10.0, 20.0, 19.0, 18.0, 12.0, 2.0),
                new LiveMetric("request_throughput", "Request Throughput", "requests/sec", 3.5, null, null, null,
                        null, null, null))));

        JsonNode m = tree(ApiJson.metrics(state.snapshot()));

        assertThat(m.get("processed").asLong()).isEqualTo(7);
        assertThat(m.get("errors").asLong()).isEqualTo(1);
        JsonNode latency = m.at("/metrics/request_latency");
        assertThat(latency.get("unit").asText()).isEqualTo("ms");
        assertThat(latency.get("avg").asDouble()).isEqualTo(12.5);
        assertThat(latency.get("p99").asDouble()).isEqualTo(19.0);
        assertThat(latency.get("p90").asDouble()).isEqualTo(18.0);
        assertThat(latency.get("p50").asDouble()).isEqualTo(12.0);
        assertThat(m.at("/metrics/request_throughput/avg").asDouble()).isEqualTo(3.5);
        assertThat(m.at("/metrics/request_throughput/p99").isNull()).isTrue();
    }

    @Test
    void workersAreOneRowEachAndUnknownsAreNull() {
        state.runStarted(config("/tmp/run-w"));
        state.accept(new WorkerTable(List.of(new WorkerRow("worker_0", WorkerRow.RUNNING, 3, 40, 2, 55.5, 1 << 20),
                new WorkerRow("worker_1", WorkerRow.STARTING, 0, 0, 0, Double.NaN, -1))));

        JsonNode w = tree(ApiJson.workers(state.snapshot())).get("workers");

        assertThat(w).hasSize(2);
        assertThat(w.get(0).get("worker_id").asText()).isEqualTo("worker_0");
        assertThat(w.get(0).get("state").asText()).isEqualTo("running");
        assertThat(w.get(0).get("in_flight").asInt()).isEqualTo(3);
        assertThat(w.get(0).get("completed").asLong()).isEqualTo(40);
        assertThat(w.get(0).get("failed").asLong()).isEqualTo(2);
        assertThat(w.get(0).get("cpu_percent").asDouble()).isEqualTo(55.5);
        assertThat(w.get(0).get("memory_bytes").asLong()).isEqualTo(1 << 20);
        assertThat(w.get(1).get("cpu_percent").isNull()).isTrue();
        assertThat(w.get(1).get("memory_bytes").isNull()).isTrue();
    }

    @Test
    void theNextRunOfAPlanStartsFromNothingAndTheStatusKeepsTheLastExit() {
        state.runStarted(config("/tmp/run-1"));
        state.accept(new RunProgress(CreditPhase.PROFILING, 10, 10, 0, 10, 0, 1));
        state.runFinished(1);
        assertThat(tree(ApiJson.status(state.snapshot())).get("status").asText()).isEqualTo("finished");

        state.runStarted(config("/tmp/run-2"));

        JsonNode status = tree(ApiJson.status(state.snapshot()));
        assertThat(status.get("status").asText()).isEqualTo("running");
        assertThat(status.at("/run/index").asInt()).isEqualTo(2);
        assertThat(status.at("/run/artifact_dir").asText()).endsWith("run-2");
        assertThat(status.get("last_exit_code").asInt()).isEqualTo(1);
        assertThat(tree(ApiJson.progress(state.snapshot())).get("phases")).isEmpty();
    }
}
