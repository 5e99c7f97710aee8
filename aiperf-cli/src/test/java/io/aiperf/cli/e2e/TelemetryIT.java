package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GPU telemetry and server metrics against the mock's DCGM faker and vLLM-like {@code /metrics}: the real telemetry
 * manager JVM scrapes them beside a real run, and every export carries the values in AIPerf's units.
 */
class TelemetryIT {

    /** The faker's default profile (h200): idle and limit power, in W. */
    private static final double IDLE_W = 75;
    private static final double LIMIT_W = 700;
    /** Its SM clock at idle and at full load, and its memory clock, in MHz. */
    private static final double H200_IDLE_SM_MHZ = 345;
    private static final double H200_MAX_SM_MHZ = 1980;
    private static final double H200_MEM_MHZ = 3201;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns();

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void gpuTelemetryAndServerMetricsReachEveryExportInAiperfsUnits() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(20, 5));
        String base = aiperf.mock().baseUrl();
        RunningAiperf running = aiperf.startProfile("-m", "mock-model", "--streaming", "--isl", "32", "--osl", "60",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "4", "--request-count", "60",
                "--gpu-telemetry", base + "/dcgm1/metrics", base.replace("http://", "") + "/dcgm2/metrics",
                "--prometheus-metrics", "vllm:generation_tokens_total", "vllm:num_requests_running",
                "--ui", "none");
        AiperfRun r = running.awaitExit(180);
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        // Console: a table per GPU (2 nodes × 2 GPUs), the energy line and the named metrics.
        assertThat(r.stdout()).contains("GPU 0 | NVIDIA H200 | 127.0.0.1:", "GPU 1 | NVIDIA H200 | 127.0.0.1:",
                "/dcgm1/metrics", "/dcgm2/metrics",
                "GPU Power Usage (W)", "GPU energy over the profiling window:", "Server Metrics | --prometheus-metrics",
                "vllm:generation_tokens_total");
        assertThat(r.stdout().lines().filter(l -> l.contains(" Export: ")))
                .contains("GPU Telemetry Export: " + r.artifact("gpu_telemetry_export.jsonl"),
                        "Server Metrics Export: " + r.artifact("server_metrics_export.json"),
                        "Server Metrics Export: " + r.artifact("server_metrics_export.csv"));

        // telemetry_data: two endpoints, two GPUs each, power within the faker's range, energy used > 0.
        JsonNode summary = r.json("profile_export_aiperf.json");
        JsonNode data = summary.get("telemetry_data");
        assertThat(data.at("/summary/endpoints_successful")).hasSize(2);
        JsonNode endpoints = data.get("endpoints");
        assertThat(endpoints).hasSize(2);
        double joules = 0;
        for (JsonNode endpoint : endpoints) {
            assertThat(endpoint.get("gpus")).hasSize(2);
            for (JsonNode gpu : endpoint.get("gpus")) {
                assertThat(gpu.get("gpu_name").asText()).isEqualTo("NVIDIA H200");
                JsonNode power = gpu.at("/metrics/gpu_power_usage");
                assertThat(power.get("unit").asText()).isEqualTo("W");
                assertThat(power.get("min").asDouble()).isBetween(IDLE_W, LIMIT_W);
                assertThat(power.get("max").asDouble()).isBetween(IDLE_W, LIMIT_W);
                JsonNode energy = gpu.at("/metrics/energy_consumption");
                assertThat(energy.get("unit").asText()).isEqualTo("MJ");
                assertThat(energy.get("avg").asDouble()).as("energy used over the window").isPositive();
                joules += energy.get("avg").asDouble() * 1e6;
                assertThat(gpu.at("/metrics/gpu_memory_used/unit").asText()).isEqualTo("GB");
                assertThat(gpu.at("/metrics/xid_errors/avg").asDouble()).isZero();
            }
        }
        // Power is bounded by the limit: the energy cannot exceed 4 GPUs at the limit over the window.
        assertThat(joules).isLessThanOrEqualTo(4 * LIMIT_W * summary.at("/benchmark_duration/avg").asDouble() * 1.5);
        assertThat(data.at("/summary/energy_per_output_token_joules").asDouble()).isPositive();
        assertThat(data.at("/summary/output_tokens_per_joule").asDouble()).isPositive();

        // The CSV's GPU section: one row per GPU per metric.
        List<String> csv = Files.readAllLines(r.artifact("profile_export_aiperf.csv"));
        assertThat(csv).anyMatch(l -> l.startsWith("Endpoint,GPU_Index,GPU_Name,GPU_UUID,Metric,avg,"));
        assertThat(csv.stream().filter(l -> l.contains(",GPU Power Usage (W),"))).hasSize(4);

        // The JSONL: a line per GPU per scrape, every value in range.
        List<String> lines = Files.readAllLines(r.artifact("gpu_telemetry_export.jsonl"));
        assertThat(lines.size()).isGreaterThanOrEqualTo(8); // at least two scrapes of four GPUs
        for (String line : lines) {
            JsonNode l = json.readTree(line);
            assertThat(l.get("dcgm_url").asText()).startsWith(base);
            assertThat(l.at("/telemetry_data/gpu_power_usage").asDouble()).isBetween(IDLE_W, LIMIT_W);
        }

        // Server metrics: the run's generated tokens are what the server counted (60 requests × 60 tokens).
        JsonNode server = r.json("server_metrics_export.json");
        JsonNode generation = server.at("/endpoints").elements().next().get("vllm:generation_tokens_total");
        assertThat(generation.get("type").asText()).isEqualTo("counter");
        assertThat(generation.at("/series/0/delta").asDouble()).isEqualTo(60 * 60.0);
        assertThat(Files.readString(r.artifact("server_metrics_export.csv")))
                .startsWith("Endpoint,Metric,Type,Labels,Stat,Value\n").contains(",vllm:generation_tokens_total,");
    }

    @Test
    void countersStayNonNegativeWhenTheExporterResetsMidRun() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(20, 5));
        String base = aiperf.mock().baseUrl();
        RunningAiperf running = aiperf.startProfile("-m", "mock-model", "--streaming", "--isl", "32", "--osl", "40",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "2", "--request-count", "80",
                "--gpu-telemetry", base + "/dcgm1/metrics",
                "--prometheus-metrics", "vllm:generation_tokens_total", "--ui", "none");
        // Reset the faker's counters while the run goes on, as a restarted exporter would.
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            Thread.sleep(1_500);
            http.send(HttpRequest.newBuilder(URI.create(base + "/mock/metrics/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }
        AiperfRun r = running.awaitExit(180);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode data = r.json("profile_export_aiperf.json").get("telemetry_data");
        List<Double> energies = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> e = data.get("endpoints").fields(); e.hasNext(); ) {
            for (JsonNode gpu : e.next().getValue().get("gpus")) {
                energies.add(gpu.at("/metrics/energy_consumption/avg").asDouble());
            }
        }
        assertThat(energies).isNotEmpty().allSatisfy(v -> assertThat(v).isPositive());
        String named = r.stdout().lines().filter(l -> l.contains("vllm:generation_tokens_total")).findFirst()
                .orElseThrow();
        String[] cells = named.replace("|", " ").trim().split("\\s+");
        assertThat(Double.parseDouble(cells[cells.length - 1].replace(",", ""))).as(named).isPositive();
        JsonNode server = r.json("server_metrics_export.json");
        server.at("/endpoints").elements().next().fields().forEachRemaining(f -> f.getValue().get("series")
                .forEach(s -> {
                    if (s.has("delta")) {
                        assertThat(s.get("delta").asDouble()).as(f.getKey()).isNotNegative();
                    }
                }));
    }

    @Test
    void aCsvsCustomFieldsAreReadBesideTheStandardOnes() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(20, 5));
        String base = aiperf.mock().baseUrl();
        Path csv = aiperf.dir().resolve("clocks.csv");
        Files.writeString(csv, """
                # The faker's clocks, and two rows that read nothing more.
                DCGM_FI_DEV_SM_CLOCK, gauge, SM clock frequency (in MHz).
                DCGM_FI_DEV_MEM_CLOCK, gauge, Memory clock frequency (in MHz).
                DCGM_FI_DEV_POWER_USAGE, gauge, Power draw (in W).
                DCGM_FI_DEV_MEMORY_TEMP, histogram, Memory temperature (in C).
                """);
        AiperfRun r = aiperf.profile("-m", "mock-model", "--streaming", "--isl", "32", "--osl", "40",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "2", "--request-count", "40",
                "--gpu-telemetry", base + "/dcgm1/metrics", csv.toString(), "--ui", "none");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr().lines().filter(l -> l.contains(csv + " line 5: type 'histogram'"))).hasSize(1);

        // telemetry_data: the clocks under their tags in the h200 profile's range, the standard fields as before.
        JsonNode gpus = r.json("profile_export_aiperf.json").at("/telemetry_data/endpoints").elements().next()
                .get("gpus");
        assertThat(gpus).hasSize(2);
        for (JsonNode gpu : gpus) {
            JsonNode sm = gpu.at("/metrics/sm_clock");
            assertThat(sm.get("unit").asText()).isEqualTo("MHz");
            assertThat(sm.get("min").asDouble()).isBetween(H200_IDLE_SM_MHZ, H200_MAX_SM_MHZ);
            assertThat(sm.get("max").asDouble()).isBetween(H200_IDLE_SM_MHZ, H200_MAX_SM_MHZ);
            assertThat(gpu.at("/metrics/mem_clock/avg").asDouble()).isEqualTo(H200_MEM_MHZ);
            assertThat(gpu.at("/metrics/gpu_power_usage/unit").asText()).as("the standard field kept").isEqualTo("W");
            assertThat(gpu.at("/metrics/memory_temp").isMissingNode()).as("its row was skipped").isTrue();
        }
        assertThat(r.stdout()).contains("SM clock frequency (MHz)", "Memory clock frequency (MHz)");

        // The JSONL: every line carries both clocks.
        List<String> lines = Files.readAllLines(r.artifact("gpu_telemetry_export.jsonl"));
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode data = json.readTree(line).get("telemetry_data");
            assertThat(data.get("sm_clock").asDouble()).isBetween(H200_IDLE_SM_MHZ, H200_MAX_SM_MHZ);
            assertThat(data.get("mem_clock").asDouble()).isEqualTo(H200_MEM_MHZ);
        }
    }

    @Test
    void anUnreachableEndpointTheUserNamedIsReportedOnceAndTheRunGoesOn() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = aiperf.profile("-m", "mock-model", "--isl", "16", "--osl", "4", "--request-count", "8",
                "--gpu-telemetry", "127.0.0.1:9", "--ui", "none");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr().lines().filter(l -> l.contains("telemetry endpoint http://127.0.0.1:9/metrics is "
                + "unreachable"))).hasSize(1);
        assertThat(r.json("profile_export_aiperf.json").has("telemetry_data")).isFalse();
        assertThat(r.artifact("gpu_telemetry_export.jsonl")).doesNotExist();
    }

    @Test
    void aMalformedExpositionIsSkippedWithOneWarningNamingTheUrlAndLine() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        // The mock's /health answers JSON, not Prometheus text: every line of it is malformed.
        String health = aiperf.mock().baseUrl() + "/health";
        AiperfRun r = aiperf.profile("-m", "mock-model", "--isl", "16", "--osl", "4", "--request-count", "8",
                "--server-metrics", health, "--ui", "none");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr().lines().filter(l -> l.startsWith("aiperf: warning: malformed metrics from " + health
                + " line 1: "))).as(r.stderr()).hasSize(1);
        assertThat(r.summary().at("/request_count/avg").asLong()).isEqualTo(8);
    }

    @Test
    void noGpuTelemetryAndNoServerMetricsStartNoTelemetryManager() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = aiperf.profile("-m", "mock-model", "--isl", "16", "--osl", "4", "--request-count", "8",
                "--no-gpu-telemetry", "--no-server-metrics", "--ui", "none");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(Files.readString(r.artifact("logs/aiperf.log"))).doesNotContain("telemetry-manager");
        assertThat(r.artifact("server_metrics_export.json")).doesNotExist();
    }
}
