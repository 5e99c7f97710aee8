package io.aiperf.core.message;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.AccuracyGrader;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.model.GpuTelemetry;
import io.aiperf.core.model.NamedMetricChange;
import io.aiperf.core.model.TelemetryStat;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.GpuFieldSpec;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.MetricsConfig;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.config.TestConfigs;
import io.aiperf.core.config.TelemetryConfig;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.config.TokenizerConfig;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.GpuTelemetry;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.NamedMetricChange;
import io.aiperf.core.model.WorkerRow;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.TelemetryStat;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.model.Usage;
import io.aiperf.core.tokenizer.TokenizerSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageCodecTest {

    static BenchmarkConfig sampleConfig() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("max_tokens", 20L);
        extra.put("ignore_eos", true);
        extra.put("temperature", 0.5);
        return new BenchmarkConfig("b-1", "aiperf profile -m m", new EndpointConfig(List.of("m"), EndpointType.CHAT,
                true, List.of("http://127.0.0.1:8000"), null, 600.0, "sk-secret", false, false,
                Map.of("X-Team", "perf"), extra, ConnectionReuse.POOLED),
                TestConfigs.input(100, 0.0, 20, 0.0, 42L, 100),
                new LoadConfig(TimingMode.REQUEST_RATE, PhaseLoad.burst(4, 24), null, null, 0.0, null, null),
                new TokenizerConfig(null, "main"),
                new OutputConfig("/tmp/a", ExportLevel.RECORDS, null, null, false, false),
                new ServiceConfig(2, "none", "INFO", 1), MetricsConfig.NONE);
    }

    /** One instance of every message kind; the test below fails if a kind is added without one here. */
    static List<Message> oneOfEach() {
        BenchmarkConfig config = sampleConfig();
        return List.of(
                new Message.ControllerReady("tcp://127.0.0.1:5000", "tcp://127.0.0.1:5001", 42),
                new Message.StartRun(config),
                new Message.CancelRun("SIGINT"),
                new Message.RunProgress(CreditPhase.PROFILING, 10, 8, 1, 24, 2, 1_000_000),
                new Message.RunNotice("WARN", "tokenizer fell back to builtin"),
                new Message.RunFinished(RunStatus.COMPLETED, "/tmp/a/profile_export_aiperf.json", "table",
                        List.of("JSON Export: x"), null, 8, 2, "500 Internal Server Error: oops"),
                new Message.Heartbeat(1_700_000_000_000L),
                new Message.ConfigureWorkers(config, "tcp://127.0.0.1:5003"),
                new Message.ConfigureRecords(config, new TokenizerSource("/tmp/tokenizer.json", "qwen3")),
                new Message.FinishRecords(24, false, true),
                new Message.WorkerLost("worker-1", 4242, 137, CreditPhase.PROFILING, 1, List.of(new RequestRecord(
                        "worker-1", 9, CreditPhase.PROFILING, "conv-1", 0, null, "corr-1", 10, 10, -1, -1, 90,
                        1_700_000_000_000_000_000L, 0, List.of(), null, new ErrorDetails(null, "WorkerLostError",
                        "worker-1 (pid 4242) exited unexpectedly with code 137"), false, 10, null, 100L, 20, null,
                        null))),
                new Message.ProfileStart(CreditPhase.WARMUP, 5),
                new Message.CancelCredits(CreditPhase.PROFILING),
                new Message.Shutdown("done"),
                new Message.WorkerRegistered("worker-0", 123),
                new Message.WorkerReady("worker-0"),
                new Message.CreditReturn("worker-0", 7, CreditPhase.WARMUP, true, false, true),
                new Message.WorkerStatus("worker-0", 3, 100, 2, 87.5, 212_000_000L),
                new Message.WorkerStatus("worker-1", 0, 0, 0, Double.NaN, -1),
                new Message.LiveMetrics(40, 2, List.of(
                        new LiveMetric("time_to_first_token", "Time to First Token", "ms", 12.5, 3.0, 40.0, 39.0, 30.0,
                                11.0, 4.2),
                        new LiveMetric("request_throughput", "Request Throughput", "requests/sec", 80.0, null, null,
                                null, null, null, null))),
                new Message.WorkerTable(List.of(new WorkerRow("worker-0", "running", 4, 100, 1, 55.0, 200_000_000L),
                        new WorkerRow("worker-1", "lost", 0, 12, 0, Double.NaN, -1))),
                new Message.RunStage("profiling", 1_700_000_000_000L, 60_000_000_000L),
                // The telemetry manager's kinds (the sample had missed them: this test failed on its own before).
                new Message.GpuLive(List.of(new io.aiperf.core.model.GpuLiveRow("localhost:9401", 0, "NVIDIA H100",
                        "gpu_power_usage", "GPU Power Usage", "W", 350.5, 300.0, 120.0, 700.0, 690.0, 600.0, 310.0,
                        80.25), new io.aiperf.core.model.GpuLiveRow("localhost:9401", 1, null, "gpu_temperature",
                        "GPU Temperature", "°C", 61, 60, 55, 66, 66, 65, 60, 3.5))),
                new Message.ServiceFailed("worker-0", "boom"),
                // A worker joining from another host.
                new Message.WorkerJoin("gpu-box-2-4242", "0.1.0", "0123456789abcdef", "gpu-box-2", 4242),
                new Message.JoinAccepted("gpu-box-2-4242", 1_700_000_000_000_000_000L, 123_456_789L),
                new Message.JoinRefused("gpu-box-2-4242", "the run has started"),
                new Message.ClockProbe("gpu-box-2-4242", 3),
                new Message.ClockReading(3, 987_654_321L, 987_660_000L),
                new Message.RecordsManagerRegistered("records-manager", 124, "tcp://127.0.0.1:5003"),
                new Message.RecordsReady("records-manager"),
                new Message.RecordsProgress(17),
                new Message.RecordsResult("/tmp/a/profile_export_aiperf.json", "table", List.of("JSON Export: x"), 8,
                        2, "500 Internal Server Error: oops", null),
                new Message.FirstToken("worker-0", 7, CreditPhase.PROFILING),
                new Message.SlotShare(CreditPhase.PROFILING, 32, Long.MAX_VALUE),
                new Message.CreditUnsent("worker-0", 8, CreditPhase.PROFILING),
                new Message.Batch(List.of(new Message.FirstToken("worker-0", 9, CreditPhase.PROFILING),
                        new Message.CreditReturn("worker-0", 9, CreditPhase.PROFILING, false, false, true))),
                new Credit(8, CreditPhase.PROFILING, "conv-1", "corr-1", 1, 3, null, 1,
                        new TurnInput("next question", new TurnContents(List.of(NamedContents.of("query", "q")),
                                List.of(NamedContents.of("image_url", "data:image/png;base64,AA==")), List.of(),
                                List.of()), "be brief", null),
                        30, null, 123_456_789L, 2_000_000_000L, true),
                Credit.unscheduled(7, CreditPhase.PROFILING, "conv-1", "corr-1", "{\"a\":1}"),
                new Message.TelemetryRegistered("telemetry-manager", 125),
                new Message.ConfigureTelemetry(config.withTelemetry(new TelemetryConfig(
                        new TelemetryConfig.Gpu(true, true, false, List.of("http://localhost:9400/metrics"),
                                TelemetryConfig.DEFAULT_DCGM_URLS, List.of(
                                        new GpuFieldSpec("DCGM_FI_DEV_SM_CLOCK", false, "SM clock (in MHz)."),
                                        new GpuFieldSpec("DCGM_FI_DEV_PCIE_REPLAY_COUNTER", true, ""))),
                        new TelemetryConfig.ServerMetrics(true, List.of(), List.of("http://localhost:8000/metrics"),
                                List.of("json", "csv")),
                        List.of("vllm:num_requests_running")))),
                new Message.TelemetryReady("telemetry-manager", List.of("http://localhost:9400/metrics"),
                        List.of("http://localhost:8000/metrics")),
                new Message.FinishTelemetry(1_000, 2_000),
                new Message.TelemetryResult(new GpuTelemetry(List.of("localhost:9400"), List.of("localhost:9400"),
                        1_000, 2_000, List.of(new GpuTelemetry.Gpu("localhost:9400", 0, "NVIDIA H200", "GPU-abc",
                                "node-1", null, null, List.of(new TelemetryStat("sm_clock", "SM clock", "MHz", false,
                                        Map.of("avg", 1800.0))))), List.of()),
                        List.of(new NamedMetricChange("vllm:num_requests_running", "gauge", 0.0, 2.0, 2.0)),
                        List.of("GPU Telemetry Export: /tmp/a/gpu_telemetry_export.jsonl"), List.of()),
                new RequestRecord("worker-0", 7, CreditPhase.PROFILING, "conv-1", 0, "req-1", "corr-1", 10, 20, 25,
                        30, 90, 1_700_000_000_000_000_000L, 200,
                        List.of(new ResponseChunk(40, "Hello", null), new ResponseChunk(50, null, "thinking")),
                        new Usage(100L, 20L, 120L, null), new ErrorDetails(500, "Internal Server Error", "oops"), false,
                        -1, null, 100L, 20, null, null));
    }

    @Test
    void aRunConfigurationRoundTripsOnItsOwn() {
        BenchmarkConfig config = sampleConfig();
        byte[] bytes = MessageCodec.encodeConfig(config);
        assertThat(MessageCodec.decodeConfig(bytes)).isEqualTo(config);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\n");
    }

    @Test
    void anAccuracyRunsConfigurationKeepsItsSeedSoTheRecordsSideShufflesAlike() {
        AccuracyConfig gpqa = new AccuracyConfig(AccuracyBenchmark.GPQA_DIAMOND, List.of(), 0, false,
                AccuracyGrader.MULTIPLE_CHOICE, null, false, "/data/gpqa_diamond.csv", 42L);
        BenchmarkConfig config = sampleConfig().withAccuracy(gpqa);
        BenchmarkConfig decoded = MessageCodec.decodeConfig(MessageCodec.encodeConfig(config));
        assertThat(decoded).isEqualTo(config);
        assertThat(decoded.input().accuracy().seed()).isEqualTo(42L);
    }

    @Test
    void somethingElseIsNotAConfiguration() {
        assertThatThrownBy(() -> MessageCodec.decodeConfig("[1,2]".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageStartingWith("not a run configuration: ");
    }

    @Test
    void everyMessageKindRoundTrips() {
        for (Message message : oneOfEach()) {
            byte[] bytes = MessageCodec.encode(message);
            assertThat(MessageCodec.decode(bytes)).as(message.getClass().getSimpleName()).isEqualTo(message);
        }
    }

    @Test
    void aRecordWithItsRawExchangeRoundTrips() {
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        requestHeaders.put("host", "h");
        requestHeaders.put("authorization", "<redacted>");
        RawExchange raw = new RawExchange("{\"a\":1}", requestHeaders, Map.of("content-type", "text/event-stream"),
                List.of(new RawExchange.RawResponse(40, List.of(new RawExchange.Packet("data", "[DONE]")), null, null),
                        new RawExchange.RawResponse(50, null, "application/json", "{}")));
        RequestRecord record = new RequestRecord("worker-0", 7, CreditPhase.PROFILING, "conv-1", 0, "req-1", "corr-1",
                10, 20, 25, 30, 90, 1_700_000_000_000_000_000L, 200, List.of(new ResponseChunk(40, "Hello", null)),
                null, null, false, -1, null, 100L, null, raw, null);
        RequestRecord decoded = (RequestRecord) MessageCodec.decode(MessageCodec.encode(record));
        assertThat(decoded).isEqualTo(record);
        assertThat(decoded.raw().requestHeaders().keySet()).containsExactly("host", "authorization");
    }

    @Test
    void aRecordWithItsHttpTraceRoundTripsWithoutItsDerivedPhases() {
        HttpTrace trace = new HttpTrace(22, false, 21, 23, 25, 26, 40, 90, 311, 1, 1_204, 3, "OK", "127.0.0.1",
                40_001, "127.0.0.1", 8000);
        RequestRecord record = new RequestRecord("worker-0", 7, CreditPhase.PROFILING, "conv-1", 0, "req-1", "corr-1",
                10, 20, 25, 30, 90, 1_700_000_000_000_000_000L, 200, List.of(new ResponseChunk(40, "Hello", null)),
                null, null, false, -1, null, 100L, null, null, trace);
        byte[] bytes = MessageCodec.encode(record);

        assertThat(MessageCodec.decode(bytes)).isEqualTo(record);
        // Only the stamps travel; the phases are computed where they are used.
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("sendingNs");
    }

    @Test
    void theSampleCoversEveryKind() {
        Set<Class<?>> sampled = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(Arrays.asList(MessageCodec.allKinds()));
    }

    @Test
    void extraInputsKeepTheirTypes() {
        Message decoded = MessageCodec.decode(MessageCodec.encode(new Message.StartRun(sampleConfig())));
        Map<String, Object> extra = ((Message.StartRun) decoded).config().endpoint().extraInputs();
        assertThat(extra.get("ignore_eos")).isEqualTo(true);
        assertThat(extra.get("temperature")).isEqualTo(0.5);
        assertThat(((Number) extra.get("max_tokens")).longValue()).isEqualTo(20L);
    }

    @Test
    void redactedConfigHidesTheApiKey() {
        BenchmarkConfig redacted = sampleConfig().redacted();
        assertThat(new String(MessageCodec.encode(new Message.StartRun(redacted)))).doesNotContain("sk-secret");
    }
}
