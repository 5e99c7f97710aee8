package io.aiperf.telemetry.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.GpuFieldSpec;
import io.aiperf.core.model.GpuTelemetry;
import io.aiperf.core.model.TelemetryStat;
import io.aiperf.telemetry.prometheus.ExpositionParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Two DCGM scrapes folded into the store, summarised over a window and written as JSONL. */
class GpuTelemetryTest {

    private static final String URL = "http://localhost:9401/metrics";

    @TempDir
    Path dir;

    /** One exporter scrape: GPU 0's power, energy (mJ), memory used (MiB) and SM activity (a ratio). */
    private static String scrape(double watts, long energyMj, double smActive) {
        String labels = "{gpu=\"0\",UUID=\"GPU-abc\",pci_bus_id=\"00000000:3B:00.0\",device=\"nvidia0\","
                + "modelName=\"NVIDIA H200\",Hostname=\"node-1\"}";
        return "# TYPE DCGM_FI_DEV_POWER_USAGE gauge\n"
                + "DCGM_FI_DEV_POWER_USAGE" + labels + " " + watts + "\n"
                + "# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter\n"
                + "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION" + labels + " " + energyMj + "\n"
                + "# TYPE DCGM_FI_DEV_FB_USED gauge\n"
                + "DCGM_FI_DEV_FB_USED" + labels + " 1000\n"
                + "# TYPE DCGM_FI_PROF_SM_ACTIVE gauge\n"
                + "DCGM_FI_PROF_SM_ACTIVE" + labels + " " + smActive + "\n"
                + "# A sample without a gpu label, and a field AIPerf does not read: both passed over.\n"
                + "DCGM_FI_DEV_POWER_USAGE{UUID=\"x\"} 1\n"
                + "DCGM_FI_DEV_SM_CLOCK" + labels + " 1980\n";
    }

    @Test
    void theWindowsStatisticsAreInAiperfsUnitsAndCountersAreTheirIncrease() throws Exception {
        GpuStore store = new GpuStore();
        GpuTelemetryJsonl jsonl = new GpuTelemetryJsonl(dir.resolve("gpu_telemetry_export.jsonl"));
        long[] at = {1_000, 2_000, 3_000, 4_000};
        double[] watts = {100, 300, 500, 700};
        long[] energy = {5_000_000_000L, 5_200_000_000L, 5_500_000_000L, 5_900_000_000L};
        for (int i = 0; i < at.length; i++) {
            jsonl.write(at[i], store.accept(URL, at[i], ExpositionParser.parse(scrape(watts[i], energy[i], 0.5))));
        }
        jsonl.close();

        // The window holds the 2nd and 3rd scrape; the energy counts from the 1st (the last before the window).
        GpuTelemetry t = GpuSummarizer.summarize(store, List.of(URL), 1_500, 3_500, 3_500, List.of());
        assertThat(t.endpointsConfigured()).containsExactly("localhost:9401");
        assertThat(t.endpointsSuccessful()).containsExactly("localhost:9401");
        GpuTelemetry.Gpu gpu = t.gpus().get(0);
        assertThat(gpu.gpuIndex()).isZero();
        assertThat(gpu.gpuName()).isEqualTo("NVIDIA H200");
        assertThat(gpu.gpuUuid()).isEqualTo("GPU-abc");
        TelemetryStat power = gpu.metric("gpu_power_usage");
        assertThat(power.unit()).isEqualTo("W");
        assertThat(power.stat("avg")).isEqualTo(400.0);
        assertThat(power.stat("min")).isEqualTo(300.0);
        TelemetryStat joules = gpu.metric("energy_consumption");
        assertThat(joules.counter()).isTrue();
        assertThat(joules.unit()).isEqualTo("MJ");
        assertThat(joules.stat("avg")).isCloseTo(0.5e9 * 1e-9, within(1e-12)); // 500,000,000 mJ = 0.5 MJ
        assertThat(gpu.metric("gpu_memory_used").stat("avg")).isCloseTo(1.048576, within(1e-12)); // 1000 MiB in GB
        assertThat(gpu.metric("sm_utilization").stat("avg")).isEqualTo(50.0);
        assertThat(gpu.metric("gpu_temperature")).as("never scraped").isNull();
        assertThat(gpu.metric("sm_clock")).as("not a standard field").isNull();

        List<String> lines = Files.readAllLines(dir.resolve("gpu_telemetry_export.jsonl"));
        assertThat(lines).hasSize(4);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("gpu_index").asInt()).isZero();
        assertThat(first.get("dcgm_url").asText()).isEqualTo(URL);
        assertThat(first.get("timestamp_ns").asLong()).isEqualTo(1_000);
        assertThat(first.get("telemetry_data").get("gpu_power_usage").asDouble()).isEqualTo(100.0);
        assertThat(first.get("telemetry_data").get("energy_consumption").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(first.get("telemetry_data").has("sm_clock")).isFalse();
    }

    @Test
    void aCsvsFieldsAreSummarisedAndWrittenUnderTheirTagsAfterTheStandardOnes() throws Exception {
        GpuStore store = new GpuStore(GpuFields.of(List.of(
                new GpuFieldSpec("DCGM_FI_DEV_SM_CLOCK", false, "SM clock frequency (in MHz)."),
                new GpuFieldSpec("DCGM_FI_DEV_PCIE_REPLAY_COUNTER", true, "Total number of PCIe retries."))));
        GpuTelemetryJsonl jsonl = new GpuTelemetryJsonl(dir.resolve("gpu_telemetry_export.jsonl"));
        String labels = "{gpu=\"0\",UUID=\"GPU-abc\"}";
        long[] at = {1_000, 2_000, 3_000};
        double[] clock = {1500, 1700, 1900};
        long[] replays = {10, 12, 17};
        for (int i = 0; i < at.length; i++) {
            String text = "DCGM_FI_DEV_SM_CLOCK" + labels + " " + clock[i] + "\n"
                    + "DCGM_FI_DEV_PCIE_REPLAY_COUNTER" + labels + " " + replays[i] + "\n"
                    + "DCGM_FI_DEV_GPU_TEMP" + labels + " 60\n";
            jsonl.write(at[i], store.accept(URL, at[i], ExpositionParser.parse(text)));
        }
        jsonl.close();

        GpuTelemetry t = GpuSummarizer.summarize(store, List.of(URL), 1_500, 3_500, 3_500, List.of());
        GpuTelemetry.Gpu gpu = t.gpus().get(0);
        assertThat(gpu.metrics()).extracting(TelemetryStat::tag)
                .containsExactly("gpu_temperature", "sm_clock", "pcie_replay_counter");
        TelemetryStat sm = gpu.metric("sm_clock");
        assertThat(sm.header()).isEqualTo("SM clock frequency");
        assertThat(sm.unit()).isEqualTo("MHz");
        assertThat(sm.counter()).isFalse();
        assertThat(sm.stat("avg")).isEqualTo(1800.0);
        assertThat(sm.stat("max")).isEqualTo(1900.0);
        TelemetryStat replay = gpu.metric("pcie_replay_counter");
        assertThat(replay.counter()).isTrue();
        assertThat(replay.stat("avg")).as("17 - 10: from the last scrape before the window").isEqualTo(7.0);

        List<String> lines = Files.readAllLines(dir.resolve("gpu_telemetry_export.jsonl"));
        assertThat(lines).hasSize(3);
        JsonNode data = new ObjectMapper().readTree(lines.get(2)).get("telemetry_data");
        assertThat(data.get("sm_clock").asDouble()).isEqualTo(1900.0);
        assertThat(data.get("pcie_replay_counter").asDouble()).isEqualTo(17.0);
        assertThat(data.fieldNames()).toIterable()
                .containsExactly("gpu_temperature", "sm_clock", "pcie_replay_counter");
    }
}
