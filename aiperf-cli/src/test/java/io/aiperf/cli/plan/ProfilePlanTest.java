package io.aiperf.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.cli.ExitCodes;
import io.aiperf.cli.ProfileCommand;
import io.aiperf.cli.options.ProfileConfigResolver;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How one {@code aiperf profile} command becomes several runs: folders, per-run configuration, failures and stops.
 * The runs are a fake that writes a small summary JSON where a real run would; the analysis files are the real ones.
 */
class ProfilePlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<BenchmarkConfig> launched = new ArrayList<>();
    private final List<Double> pauses = new ArrayList<>();
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    /** A launcher whose n-th run (0-based) gets {@code result.apply(n)} and writes its summary unless it failed. */
    private RunLauncher launcher(Function<Integer, RunLauncher.Result> result) {
        return config -> {
            int n = launched.size();
            launched.add(config);
            RunLauncher.Result r = result.apply(n);
            if (r.ok() || r.stopsPlan()) {
                writeSummary(Path.of(config.output().artifactDir()), 10.0 + 2 * n);
            }
            return r;
        };
    }

    private static void writeSummary(Path dir, double throughput) {
        ObjectNode root = JSON.createObjectNode().put("schema_version", "1.0").put("aiperf_version", "test");
        root.putObject("request_throughput").put("unit", "requests/sec").put("avg", throughput);
        root.putObject("time_to_first_token").put("unit", "ms").put("avg", 100 / throughput).put("p50", 90 / throughput)
                .put("p90", 95 / throughput).put("p99", 99 / throughput).put("min", 1.0).put("max", 50.0)
                .put("std", 0.5);
        root.putObject("request_count").put("unit", "requests").put("avg", 10);
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve("profile_export_aiperf.json").toFile(), root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Cooldown cooldown = new Cooldown() {
        @Override
        public int pause(double seconds) {
            pauses.add(seconds);
            return ExitCodes.OK;
        }
    };

    /** Parses the options as the CLI does and plans them, the levels resolved by the real resolver. */
    private int plan(RunLauncher launcher, Cooldown pause, String... args) throws IOException {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        SweepAxis axis = SweepAxis.of(command.loadOptions());
        ProfilePlan.LevelConfigs configs = level -> {
            if (axis != null) {
                axis.apply(command.loadOptions(), level);
            }
            return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(),
                    command.loadOptions(), command.outputOptions(), List.of(args), false, 2, null);
        };
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return new ProfilePlan(axis, command.multiRunOptions().validated(), launcher, pause, out, err)
                .run(configs, command.outputOptions().artifactDir);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void profileRunsGoIntoAiperfsFoldersEachWithItsOwnIdAndOnlyTheFirstWarmsUp() throws Exception {
        int code = plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m",
                "--num-profile-runs", "3", "--profile-run-cooldown-seconds", "0.5", "--warmup-request-count", "4",
                "--artifact-dir", tmp.toString());

        assertThat(code).isZero();
        assertThat(launched).extracting(c -> c.output().artifactDir()).containsExactly(
                tmp.resolve("profile_runs/run_0001").toString(), tmp.resolve("profile_runs/run_0002").toString(),
                tmp.resolve("profile_runs/run_0003").toString());
        assertThat(launched).extracting(BenchmarkConfig::benchmarkId).doesNotHaveDuplicates();
        assertThat(launched.get(0).load().warmup()).isNotNull();
        assertThat(launched.subList(1, 3)).allSatisfy(c -> assertThat(c.load().warmup()).isNull());
        assertThat(pauses).containsExactly(0.5, 0.5);
        JsonNode agg = JSON.readTree(tmp.resolve("aggregate/profile_export_aiperf_aggregate.json").toFile());
        assertThat(agg.at("/metadata/num_profile_runs").asInt()).isEqualTo(3);
        // The fake runs' throughputs were 10, 12, 14.
        assertThat(agg.at("/metrics/request_throughput_avg/mean").asDouble()).isEqualTo(12.0);
    }

    @Test
    void warmupBeforeEveryRunWhenAsked() throws Exception {
        plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m", "--num-profile-runs",
                "2", "--warmup-request-count", "4", "--no-profile-run-disable-warmup-after-first", "--artifact-dir",
                tmp.toString());

        assertThat(launched).allSatisfy(c -> assertThat(c.load().warmup()).isNotNull());
    }

    @Test
    void aFailedRunIsListedTheOthersStillRunAndTheExitSaysSo() throws Exception {
        int code = plan(launcher(n -> n == 1 ? new RunLauncher.Result(ExitCodes.FAILED, "server unreachable")
                        : new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m", "--num-profile-runs", "3",
                "--artifact-dir", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(launched).hasSize(3);
        assertThat(err()).contains("1 of 3 runs failed: run_0002 (server unreachable)");
        JsonNode agg = JSON.readTree(tmp.resolve("aggregate/profile_export_aiperf_aggregate.json").toFile());
        assertThat(agg.at("/metadata/num_successful_runs").asInt()).isEqualTo(2);
        assertThat(agg.at("/metadata/failed_runs/0/label").asText()).isEqualTo("run_0002");
    }

    @Test
    void ctrlCInARunStopsThePlanThereAndWhatRanIsStillSummarised() throws Exception {
        int code = plan(launcher(n -> n == 1 ? new RunLauncher.Result(ExitCodes.INTERRUPTED, null)
                        : new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m", "--num-profile-runs", "3",
                "--artifact-dir", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(launched).hasSize(2);
        assertThat(tmp.resolve("aggregate/profile_export_aiperf_aggregate.json")).exists();
    }

    @Test
    void ctrlCDuringTheCooldownStopsBeforeTheNextRun() throws Exception {
        Cooldown interrupted = new Cooldown() {
            @Override
            public int pause(double seconds) {
                return ExitCodes.INTERRUPTED;
            }
        };
        int code = plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), interrupted, "-m", "m",
                "--num-profile-runs", "3", "--profile-run-cooldown-seconds", "5", "--artifact-dir", tmp.toString());

        assertThat(code).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(launched).hasSize(1);
    }

    @Test
    void aConcurrencyListRunsEachLevelIntoDynamosFoldersAndSummarisesThem() throws Exception {
        int code = plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m",
                "--concurrency", "1,2,4", "--artifact-dir", tmp.toString());

        assertThat(code).isZero();
        assertThat(launched).extracting(c -> c.load().profiling().concurrency()).containsExactly(1, 2, 4);
        assertThat(launched).extracting(c -> c.output().artifactDir()).containsExactly(tmp.resolve("c1").toString(),
                tmp.resolve("c2").toString(), tmp.resolve("c4").toString());
        JsonNode summary = JSON.readTree(tmp.resolve("sweep_summary.json").toFile());
        assertThat(summary.get("points")).hasSize(3);
        assertThat(summary.at("/points/2/label").asText()).isEqualTo("c4");
        assertThat(tmp.resolve("sweep_summary.csv")).exists();
    }

    @Test
    void aRateListNamesItsFoldersByRateAndASweepOfRepeatsNestsTheRuns() throws Exception {
        int code = plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m",
                "--request-rate", "2.5,10", "--num-profile-runs", "2", "--artifact-dir", tmp.toString());

        assertThat(code).isZero();
        assertThat(launched).extracting(c -> c.output().artifactDir()).containsExactly(
                tmp.resolve("r2.5/profile_runs/run_0001").toString(),
                tmp.resolve("r2.5/profile_runs/run_0002").toString(),
                tmp.resolve("r10/profile_runs/run_0001").toString(),
                tmp.resolve("r10/profile_runs/run_0002").toString());
        assertThat(launched).extracting(c -> c.load().profiling().requestRate()).containsExactly(2.5, 2.5, 10.0, 10.0);
        assertThat(tmp.resolve("r10/aggregate/profile_export_aiperf_aggregate.json")).exists();
        assertThat(tmp.resolve("sweep_summary.json")).exists();
    }

    @Test
    void withoutAnArtifactDirASweepGoesIntoAiperfsDerivedFolderNamedForTheSweep() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        plan(config -> {
            launched.add(config);
            return new RunLauncher.Result(ExitCodes.FAILED, "not run in this test");
        }, cooldown, "-m", "org/model", "--concurrency", "1,2");

        assertThat(launched.get(0).output().artifactDir()).isEqualTo(
                cwd.resolve("artifacts/org_model-openai-chat-concurrency_sweep/c1").toString());
        // The test wrote into the working directory's artifacts/: leave nothing behind.
        deleteTree(cwd.resolve("artifacts/org_model-openai-chat-concurrency_sweep"));
    }

    @Test
    void roundsResendIntoRoundFoldersAndCompareThem() throws Exception {
        int code = plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m",
                "--rounds", "2", "--warmup-request-count", "2", "--artifact-dir", tmp.toString());

        assertThat(code).isZero();
        assertThat(launched).extracting(c -> c.output().artifactDir()).containsExactly(
                tmp.resolve("round_1").toString(), tmp.resolve("round_2").toString());
        assertThat(launched.get(1).load().warmup()).isNull();
        assertThat(tmp.resolve("rounds_comparison.json")).exists();
    }

    @Test
    void roundsWorkInsideASweepAndTheSummaryTakesEachLevelsLastRound() throws Exception {
        int code = plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m",
                "--concurrency", "1,4", "--rounds", "2", "--artifact-dir", tmp.toString());

        assertThat(code).isZero();
        assertThat(launched).extracting(c -> c.output().artifactDir()).containsExactly(
                tmp.resolve("c1/round_1").toString(), tmp.resolve("c1/round_2").toString(),
                tmp.resolve("c4/round_1").toString(), tmp.resolve("c4/round_2").toString());
        assertThat(tmp.resolve("c4/rounds_comparison.json")).exists();
        JsonNode summary = JSON.readTree(tmp.resolve("sweep_summary.json").toFile());
        // The fake's fourth run (c4's round 2) had a throughput of 10 + 2 * 3.
        assertThat(summary.at("/points/1/metrics/request_throughput/avg").asDouble()).isEqualTo(16.0);
        assertThat(summary.at("/points/1/rounds").asInt()).isEqualTo(2);
    }

    @Test
    void aUsageErrorInAnyLevelStopsThePlanBeforeTheFirstRun() {
        // --concurrency 0 is refused by the resolver; it is the list's last level.
        assertThatThrownBy(() -> plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m",
                "m", "--concurrency", "1,0", "--artifact-dir", tmp.toString()))
                .isInstanceOf(UsageException.class);
        assertThat(launched).isEmpty();
    }

    @Test
    void badMultiRunOptionsAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "11"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--num-profile-runs");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "2",
                "--confidence-level", "1.5")).isInstanceOf(UsageException.class).hasMessageContaining("--confidence-level");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "2",
                "--profile-run-cooldown-seconds", "-1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--profile-run-cooldown-seconds");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--rounds", "2",
                "--num-profile-runs", "2")).isInstanceOf(UsageException.class).hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--concurrency", "1,2",
                "--request-rate", "1,2")).isInstanceOf(UsageException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--concurrency", "2,2"))
                .isInstanceOf(UsageException.class).hasMessageContaining("twice");
        assertThat(launched).isEmpty();
    }

    /** The coefficient of variation of the fake runs' throughputs 10, 12, ... over the first {@code n} runs. */
    private static double throughputCv(int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += 10.0 + 2 * i;
        }
        mean /= n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += Math.pow(10.0 + 2 * i - mean, 2);
        }
        return Math.sqrt(squares / (n - 1)) / mean;
    }

    @Test
    void aConvergedMetricStopsTheRunsEarlyAndTheAggregateSaysWhen() throws Exception {
        // Three runs are needed before the criterion can hold; their CV is just under this threshold.
        String threshold = String.valueOf(throughputCv(3) + 0.001);
        int code = plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m",
                "--num-profile-runs", "5", "--convergence-metric", "request_throughput", "--convergence-mode", "cv",
                "--convergence-threshold", threshold, "--artifact-dir", tmp.toString());

        assertThat(code).isZero();
        assertThat(launched).hasSize(3);
        JsonNode agg = JSON.readTree(tmp.resolve("aggregate/profile_export_aiperf_aggregate.json").toFile());
        assertThat(agg.at("/metadata/num_profile_runs").asInt()).isEqualTo(3);
        JsonNode conv = agg.at("/metadata/convergence");
        assertThat(conv.get("converged").asBoolean()).isTrue();
        assertThat(conv.get("converged_after_runs").asInt()).isEqualTo(3);
        assertThat(conv.get("max_runs").asInt()).isEqualTo(5);
        assertThat(conv.get("stopped_early").asBoolean()).isTrue();
        assertThat(conv.get("value").asDouble()).isEqualTo(throughputCv(3));
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("converged: stopped after 3 of 5 runs");
    }

    @Test
    void aMetricThatNeverConvergesRunsTheMaximum() throws Exception {
        // The spread of 10, 12, ... never falls under 0.1 within five runs.
        assertThat(throughputCv(5)).isGreaterThan(0.1);
        int code = plan(launcher(n -> new RunLauncher.Result(ExitCodes.OK, null)), cooldown, "-m", "m",
                "--num-profile-runs", "5", "--convergence-metric", "request_throughput", "--convergence-mode", "cv",
                "--artifact-dir", tmp.toString());

        assertThat(code).isZero();
        assertThat(launched).hasSize(5);
        JsonNode conv = JSON.readTree(tmp.resolve("aggregate/profile_export_aiperf_aggregate.json").toFile())
                .at("/metadata/convergence");
        assertThat(conv.get("converged").asBoolean()).isFalse();
        assertThat(conv.get("converged_after_runs").isNull()).isTrue();
        assertThat(conv.get("value").asDouble()).isEqualTo(throughputCv(5));
    }

    @Test
    void badConvergenceOptionsAreOneLineListingTheValidValues() {
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "3",
                "--convergence-metric", "latency")).isInstanceOf(UsageException.class)
                .hasMessageContaining("invalid --convergence-metric 'latency'").hasMessageContaining("request_latency");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "3",
                "--convergence-metric", "request_latency", "--convergence-stat", "p42"))
                .isInstanceOf(UsageException.class).hasMessage("invalid --convergence-stat 'p42'; valid: avg, p50, "
                        + "p90, p95, p99, min, max");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "3",
                "--convergence-metric", "request_latency", "--convergence-mode", "ks"))
                .isInstanceOf(UsageException.class).hasMessage("invalid --convergence-mode 'ks'; valid: ci_width, cv, "
                        + "distribution");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "3",
                "--convergence-metric", "request_latency", "--convergence-threshold", "0"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--convergence-threshold must be greater than 0");
        // A throughput is one value per run: there is no per-request distribution to test.
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "3",
                "--convergence-metric", "request_throughput", "--convergence-mode", "distribution"))
                .isInstanceOf(UsageException.class).hasMessageContaining("a per-request metric");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--convergence-metric",
                "request_latency")).isInstanceOf(UsageException.class).hasMessageContaining("--num-profile-runs");
        assertThatThrownBy(() -> plan(launcher(n -> null), cooldown, "-m", "m", "--num-profile-runs", "3",
                "--convergence-metric", "request_latency", "--convergence-mode", "distribution", "--export-level",
                "summary")).isInstanceOf(UsageException.class).hasMessageContaining("--export-level summary");
        assertThat(launched).isEmpty();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
