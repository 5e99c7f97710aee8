package io.aiperf.core.config;

import io.aiperf.core.error.UsageException;
import io.aiperf.core.service.ClassDataArchives;
import io.aiperf.core.service.JvmLauncher;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AiperfEnvironmentTest {

    @Test
    void nothingSetGivesAiperfsDefaults() {
        AiperfEnvironment d = AiperfEnvironment.of(Map.of());
        assertThat(d.sslVerify()).isTrue();
        assertThat(d.workerCpuUtilizationFactor()).isEqualTo(0.75);
        assertThat(d.workerMaxWorkersCap()).isEqualTo(32);
        assertThat(d.workerHighLoadCpuPercent()).isEqualTo(85);
        assertThat(d.recordProcessorScaleFactor()).isEqualTo(4);
        assertThat(d.gpuCollectionIntervalMs()).isEqualTo(333);
        assertThat(d.serverMetricsIntervalMs()).isEqualTo(333);
        assertThat(d.gpuDefaultDcgmEndpoints()).containsExactly("http://localhost:9400/metrics",
                "http://localhost:9401/metrics");
        assertThat(d.metricWarnings()).isEqualTo(MetricsConfig.WarningThresholds.DEFAULT);
        assertThat(d).isEqualTo(AiperfEnvironment.DEFAULTS);
    }

    @Test
    void theDefaultWorkerCountFollowsTheFactorAndTheCap() {
        assertThat(AiperfEnvironment.DEFAULTS.defaultWorkers(16)).isEqualTo(11); // 16 * 0.75 - 1
        assertThat(AiperfEnvironment.DEFAULTS.defaultWorkers(128)).isEqualTo(32);
        assertThat(AiperfEnvironment.DEFAULTS.defaultWorkers(1)).isEqualTo(1);
        AiperfEnvironment half = AiperfEnvironment.of(Map.of("AIPERF_WORKER_CPU_UTILIZATION_FACTOR", "0.5"));
        assertThat(half.defaultWorkers(16)).isEqualTo(7);
        AiperfEnvironment capped = AiperfEnvironment.of(Map.of("AIPERF_WORKER_MAX_WORKERS_CAP", "4"));
        assertThat(capped.defaultWorkers(16)).isEqualTo(4);
    }

    @Test
    void theScaleFactorSetsRecordProcessorsPerWorker() {
        assertThat(AiperfEnvironment.DEFAULTS.defaultRecordProcessors(8)).isEqualTo(2);
        AiperfEnvironment two = AiperfEnvironment.of(Map.of("AIPERF_RECORD_PROCESSOR_SCALE_FACTOR", "2"));
        assertThat(two.defaultRecordProcessors(8)).isEqualTo(4);
        assertThat(two.defaultRecordProcessors(1)).isEqualTo(1);
    }

    @Test
    void intervalsAreSecondsAsInAiperfAndTravelAsMilliseconds() {
        AiperfEnvironment env = AiperfEnvironment.of(Map.of("AIPERF_GPU_COLLECTION_INTERVAL", "1.5",
                "AIPERF_SERVER_METRICS_COLLECTION_INTERVAL", "0.1"));
        assertThat(env.gpuCollectionIntervalMs()).isEqualTo(1500);
        assertThat(env.serverMetricsIntervalMs()).isEqualTo(100);
    }

    @Test
    void defaultDcgmEndpointsAreACommaListAndAnEmptyValueMeansNone() {
        assertThat(AiperfEnvironment.of(Map.of("AIPERF_GPU_DEFAULT_DCGM_ENDPOINTS",
                " http://gpu1:9400/metrics, https://gpu2/metrics ")).gpuDefaultDcgmEndpoints())
                .containsExactly("http://gpu1:9400/metrics", "https://gpu2/metrics");
        assertThat(AiperfEnvironment.of(Map.of("AIPERF_GPU_DEFAULT_DCGM_ENDPOINTS", "")).gpuDefaultDcgmEndpoints())
                .isEmpty();
    }

    @Test
    void theMetricWarningThresholdsAreRead() {
        AiperfEnvironment env = AiperfEnvironment.of(Map.of("AIPERF_METRICS_OSL_MISMATCH_PCT_THRESHOLD", "20",
                "AIPERF_METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD", "3", "AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD",
                "2.5"));
        assertThat(env.metricWarnings()).isEqualTo(new MetricsConfig.WarningThresholds(20, 3, 2.5));
        assertThatThrownBy(() -> AiperfEnvironment.of(Map.of("AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD", "0")))
                .hasMessageStartingWith("AIPERF_METRICS_USAGE_PCT_DIFF_THRESHOLD='0': expected a number greater than");
    }

    @Test
    void sslVerifyTakesTheUsualSpellingsOfABoolean() {
        assertThat(AiperfEnvironment.of(Map.of("AIPERF_HTTP_SSL_VERIFY", "0")).sslVerify()).isFalse();
        assertThat(AiperfEnvironment.of(Map.of("AIPERF_HTTP_SSL_VERIFY", "False")).sslVerify()).isFalse();
        assertThat(AiperfEnvironment.of(Map.of("AIPERF_HTTP_SSL_VERIFY", "yes")).sslVerify()).isTrue();
    }

    @Test
    void aBadValueIsAUsageErrorNamingTheVariable() {
        assertThatThrownBy(() -> AiperfEnvironment.of(Map.of("AIPERF_WORKER_MAX_WORKERS_CAP", "many")))
                .isInstanceOf(UsageException.class)
                .hasMessage("AIPERF_WORKER_MAX_WORKERS_CAP='many': expected a whole number of at least 1");
        assertThatThrownBy(() -> AiperfEnvironment.of(Map.of("AIPERF_WORKER_CPU_UTILIZATION_FACTOR", "1.5")))
                .isInstanceOf(UsageException.class)
                .hasMessage("AIPERF_WORKER_CPU_UTILIZATION_FACTOR='1.5': expected a number greater than 0 and at"
                        + " most 1");
        assertThatThrownBy(() -> AiperfEnvironment.of(Map.of("AIPERF_WORKER_HIGH_LOAD_CPU_USAGE", "-1")))
                .hasMessage("AIPERF_WORKER_HIGH_LOAD_CPU_USAGE='-1': expected a number greater than 0 and at most 100");
        assertThatThrownBy(() -> AiperfEnvironment.of(Map.of("AIPERF_GPU_COLLECTION_INTERVAL", "0")))
                .hasMessage("AIPERF_GPU_COLLECTION_INTERVAL='0': expected seconds greater than 0 and at most 3600");
        assertThatThrownBy(() -> AiperfEnvironment.of(Map.of("AIPERF_RECORD_PROCESSOR_SCALE_FACTOR", "0")))
                .hasMessageStartingWith("AIPERF_RECORD_PROCESSOR_SCALE_FACTOR='0'");
        assertThatThrownBy(() -> AiperfEnvironment.of(Map.of("AIPERF_GPU_DEFAULT_DCGM_ENDPOINTS", "gpu1:9400")))
                .hasMessage("AIPERF_GPU_DEFAULT_DCGM_ENDPOINTS='gpu1:9400': expected comma-separated http:// or"
                        + " https:// URLs");
        assertThatThrownBy(() -> AiperfEnvironment.of(Map.of("AIPERF_HTTP_SSL_VERIFY", "maybe")))
                .hasMessage("AIPERF_HTTP_SSL_VERIFY='maybe': expected true or false");
    }

    @Test
    void unknownNamesAreTheAiperfOnesThisBuildDoesNotKnow() {
        Map<String, String> env = Map.of("AIPERF_FOO", "1", "AIPERF_BAR", "2", "PATH", "/bin",
                "AIPERF_HTTP_CONNECTION_LIMIT", "10", "AIPERF_ZMQ_PUSH_YIELD_INTERVAL", "5", "AIPERF_CDS", "off");
        assertThat(AiperfEnvironment.unknownNames(env)).containsExactly("AIPERF_BAR", "AIPERF_FOO");
        assertThat(AiperfEnvironment.unknownWarning("AIPERF_FOO")).isEqualTo("aiperf: warning: AIPERF_FOO is not a"
                + " setting of this build; ignored (docs/configuration.md lists them)");
    }

    @Test
    void theVariablesReadWhereTheyAreUsedAreKnown() {
        assertThat(List.of(ClassDataArchives.SWITCH_ENV, ClassDataArchives.DIR_ENV, JvmLauncher.JAVA_OPTS_ENV,
                "AIPERF_CACHE_DIR")).allMatch(AiperfVariable::isKnown);
    }

    @Test
    void everyVariableHasARowInTheConfigurationDoc() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        List<String> missing = Arrays.stream(AiperfVariable.values()).map(AiperfVariable::envName)
                .filter(name -> !doc.contains("| `" + name + "`")).toList();
        assertThat(missing).isEmpty();
    }
}
