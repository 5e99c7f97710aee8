package io.aiperf.cli.options;

import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.config.AiperfEnvironment;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.TelemetryConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code AIPERF_*} settings change the resolved run: worker and record-processor counts, the UI, telemetry. */
class AiperfEnvironmentOptionsTest {

    private static BenchmarkConfig resolve(int cpus, Map<String, String> env, String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        // Far above any worker count here: no run has more workers than its concurrency.
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(), command.loadOptions(),
                command.outputOptions(), List.of(args), false, cpus, null, env);
    }

    @Test
    void theWorkerFactorAndCapChangeTheDefaultWorkerCount() {
        assertThat(resolve(16, Map.of(), "-m", "m", "--concurrency", "100").service().workers()).isEqualTo(11);
        assertThat(resolve(16, Map.of("AIPERF_WORKER_CPU_UTILIZATION_FACTOR", "0.5"), "-m", "m", "--concurrency", "100").service().workers())
                .isEqualTo(7);
        assertThat(resolve(16, Map.of("AIPERF_WORKER_MAX_WORKERS_CAP", "3"), "-m", "m", "--concurrency", "100").service().workers())
                .isEqualTo(3);
    }

    @Test
    void workersMaxStillWinsOverTheEnvironment() {
        assertThat(resolve(16, Map.of("AIPERF_WORKER_MAX_WORKERS_CAP", "3"), "-m", "m", "--concurrency", "100", "--workers-max", "9")
                .service().workers()).isEqualTo(9);
    }

    @Test
    void theScaleFactorChangesTheDefaultRecordProcessors() {
        Map<String, String> cap8 = Map.of("AIPERF_WORKER_MAX_WORKERS_CAP", "8");
        assertThat(resolve(64, cap8, "-m", "m", "--concurrency", "100").service().recordProcessors()).isEqualTo(2);
        assertThat(resolve(64, Map.of("AIPERF_WORKER_MAX_WORKERS_CAP", "8", "AIPERF_RECORD_PROCESSOR_SCALE_FACTOR", "1"),
                "-m", "m", "--concurrency", "100").service().recordProcessors()).isEqualTo(8);
        assertThat(resolve(64, Map.of("AIPERF_RECORD_PROCESSOR_SCALE_FACTOR", "1"), "-m", "m", "--concurrency", "100",
                "--record-processors", "3").service().recordProcessors()).isEqualTo(3);
    }

    @Test
    void theHighLoadThresholdReachesTheServiceConfig() {
        assertThat(resolve(4, Map.of(), "-m", "m", "--concurrency", "100").service().highLoadCpuPercent()).isEqualTo(85);
        assertThat(resolve(4, Map.of("AIPERF_WORKER_HIGH_LOAD_CPU_USAGE", "60"), "-m", "m", "--concurrency", "100").service()
                .highLoadCpuPercent()).isEqualTo(60);
    }

    @Test
    void theMetricWarningThresholdsReachTheMetricsConfig() {
        assertThat(resolve(4, Map.of("AIPERF_METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD", "7"), "-m", "m").metrics()
                .warnings().oslMismatchMaxTokens()).isEqualTo(7);
        assertThat(resolve(4, Map.of(), "-m", "m").metrics().warnings())
                .isEqualTo(io.aiperf.core.config.MetricsConfig.WarningThresholds.DEFAULT);
    }

    @Test
    void telemetryTakesTheDefaultDcgmEndpointsAndBothScrapePeriods() {
        AiperfEnvironment env = AiperfEnvironment.of(Map.of(
                "AIPERF_GPU_DEFAULT_DCGM_ENDPOINTS", "http://gpu-node:9400/metrics",
                "AIPERF_GPU_COLLECTION_INTERVAL", "1", "AIPERF_SERVER_METRICS_COLLECTION_INTERVAL", "2.5"));
        TelemetryConfig t = TelemetryResolver.resolve(new TelemetryOptions(), List.of("http://localhost:8000"),
                w -> { }, env);
        assertThat(t.gpu().defaultUrls()).containsExactly("http://gpu-node:9400/metrics");
        assertThat(t.gpuIntervalMs()).isEqualTo(1000);
        assertThat(t.serverIntervalMs()).isEqualTo(2500);
        TelemetryConfig byDefault = TelemetryResolver.resolve(new TelemetryOptions(), List.of("http://localhost:8000"),
                w -> { });
        assertThat(byDefault.gpu().defaultUrls()).isEqualTo(TelemetryConfig.DEFAULT_DCGM_URLS);
        assertThat(byDefault.gpuIntervalMs()).isEqualTo(TelemetryConfig.SCRAPE_INTERVAL_MS);
    }
}
