package io.aiperf.cli.options;

import io.aiperf.core.config.GpuFieldSpec;
import io.aiperf.core.config.TelemetryConfig;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --gpu-telemetry FILE.csv}: read at start, its good rows in the config, each bad one a warning. */
class TelemetryResolverTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private TelemetryConfig resolve(String... gpuTelemetry) {
        TelemetryOptions o = new TelemetryOptions();
        o.gpuTelemetry = List.of(gpuTelemetry);
        return TelemetryResolver.resolve(o, List.of("http://localhost:8000"), warnings::add);
    }

    @Test
    void aCsvsGoodRowsAreInTheConfigAndEachBadRowIsOneWarning() throws Exception {
        Path csv = dir.resolve("fields.csv");
        Files.writeString(csv, """
                # clocks
                DCGM_FI_DEV_SM_CLOCK, gauge, SM clock frequency (in MHz).
                DCGM_FI_DEV_MEM_CLOCK, gauges, Memory clock frequency (in MHz).
                DCGM_FI_DEV_POWER_USAGE, gauge, Power draw (in W).
                """);
        TelemetryConfig.Gpu gpu = resolve("localhost:9400", csv.toString()).gpu();
        assertThat(gpu.customFields()).containsExactly(
                new GpuFieldSpec("DCGM_FI_DEV_SM_CLOCK", false, "SM clock frequency (in MHz)."));
        assertThat(gpu.urls()).containsExactly("http://localhost:9400/metrics");
        assertThat(warnings).containsExactly(
                csv + " line 3: type 'gauges' of DCGM_FI_DEV_MEM_CLOCK is not gauge or counter; row skipped");
    }

    @Test
    void aMissingCsvIsAUsageError() {
        String missing = dir.resolve("nope.csv").toString();
        assertThatThrownBy(() -> resolve(missing)).isInstanceOf(UsageException.class)
                .hasMessage("--gpu-telemetry " + missing + ": file not found");
    }

    @Test
    void aDirectoryNamedLikeACsvIsNotAFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("fields.csv"));
        assertThatThrownBy(() -> resolve(folder.toString())).isInstanceOf(UsageException.class)
                .hasMessageEndingWith(": file not found");
    }

    @Test
    void withoutACsvThereAreNoCustomFields() {
        assertThat(resolve("localhost:9400").gpu().customFields()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void theDefaultsAndTheConflictsAreAiperfs() {
        TelemetryOptions o = new TelemetryOptions();
        TelemetryConfig c = TelemetryResolver.resolve(o, List.of("http://h:8000/v1/chat/completions"), warnings::add);
        assertThat(c.gpu().enabled()).isTrue();
        assertThat(c.gpu().console()).as("no GPU tables without the flag").isFalse();
        assertThat(c.gpu().defaultUrls()).containsExactly("http://localhost:9400/metrics",
                "http://localhost:9401/metrics");
        assertThat(c.serverMetrics().defaultUrls()).containsExactly("http://h:8000/metrics");
        assertThat(c.serverMetrics().formats()).containsExactly("json", "csv");

        o.gpuTelemetry = List.of();
        o.serverMetricsFormats = List.of("jsonl");
        c = TelemetryResolver.resolve(o, List.of("http://h:8000"), warnings::add);
        assertThat(c.gpu().console()).as("the flag alone").isTrue();
        assertThat(c.serverMetrics().formats()).containsExactly("jsonl");

        o.noGpuTelemetry = true;
        assertThatThrownBy(() -> TelemetryResolver.resolve(o, List.of(), warnings::add))
                .hasMessage("--gpu-telemetry and --no-gpu-telemetry cannot be used together");
        TelemetryOptions parquet = new TelemetryOptions();
        parquet.serverMetricsFormats = List.of("parquet");
        assertThatThrownBy(() -> TelemetryResolver.resolve(parquet, List.of(), warnings::add))
                .hasMessageStartingWith("--server-metrics-formats parquet: not written by this build");
    }

    @Test
    void garbageInAnyTelemetryOptionIsAOneLineUsageError() {
        TelemetryOptions gpu = new TelemetryOptions();
        gpu.gpuTelemetry = List.of("http://");
        assertThatThrownBy(() -> TelemetryResolver.resolve(gpu, List.of(), warnings::add))
                .hasMessage("--gpu-telemetry 'http://': not a URL or host:port");
        TelemetryOptions server = new TelemetryOptions();
        server.serverMetrics = List.of("::not a url::");
        assertThatThrownBy(() -> TelemetryResolver.resolve(server, List.of(), warnings::add))
                .hasMessage("--server-metrics '::not a url::': not a URL or host:port");
        TelemetryOptions formats = new TelemetryOptions();
        formats.serverMetricsFormats = List.of("json", "xml");
        assertThatThrownBy(() -> TelemetryResolver.resolve(formats, List.of(), warnings::add))
                .hasMessage("--server-metrics-formats 'xml': expected json, csv or jsonl");
        TelemetryOptions nvml = new TelemetryOptions();
        nvml.gpuTelemetry = List.of("pynvml");
        assertThatThrownBy(() -> TelemetryResolver.resolve(nvml, List.of(), warnings::add))
                .hasMessageStartingWith("--gpu-telemetry pynvml: this build reads GPUs through DCGM exporters");
    }
}
