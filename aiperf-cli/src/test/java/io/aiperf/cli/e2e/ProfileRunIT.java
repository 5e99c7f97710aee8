package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Real runs: the real {@code bin/aiperf} (CLI, controller and worker JVMs, JeroMQ bus, Netty transport) against the
 * real mock server on an ephemeral loopback port, checked against what the mock was told to do and what it saw.
 */
class ProfileRunIT {

    private static final double TTFT_MS = 60;
    private static final double ITL_MS = 8;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns();

    /** Verbatim how Dynamo's benchmark scripts call AIPerf (seed 002), pointed at the mock. */
    @Test
    void dynamoArgvStreamingChat() throws Exception {
        Path tokenizer = AiperfProcess.sharedTokenizer("qwen3");
        assumeThat(tokenizer).as("shared Qwen3 tokenizer beside the repo").isNotNull();
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(TTFT_MS, ITL_MS));

        AiperfRun r = aiperf.profile("-m", "Qwen/Qwen3-0.6B",
                "--endpoint-type", "chat", "--streaming", "-u", "127.0.0.1:" + mock.port(),
                "--synthetic-input-tokens-mean", "100", "--synthetic-input-tokens-stddev", "0",
                "--concurrency", "4", "--request-count", "24",
                "--output-tokens-mean", "20", "--extra-inputs", "max_tokens:20", "--extra-inputs", "min_tokens:20",
                "--extra-inputs", "ignore_eos:true", "--tokenizer", tokenizer.toString(),
                "--record-processors", "3", // the Hugging Face tokenizer called from three threads at once
                "--api-key", "sk-do-not-leak");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(24);
        assertThat(mock.peakConcurrency()).isLessThanOrEqualTo(4);

        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(24.0);
        assertThat(summary.at("/output_sequence_length/min").asDouble()).isEqualTo(20.0);
        assertThat(summary.at("/output_sequence_length/max").asDouble()).isEqualTo(20.0);
        assertThat(summary.at("/input_sequence_length/avg").asDouble()).isEqualTo(100.0);
        assertThat(summary.at("/input_sequence_length/std").asDouble()).isEqualTo(0.0);
        // The mock sends token i at arrival + ttft + i*itl; the client can only see it later, never earlier.
        assertThat(summary.at("/time_to_first_token/min").asDouble()).isGreaterThanOrEqualTo(TTFT_MS);
        assertThat(summary.at("/time_to_first_token/avg").asDouble()).isBetween(TTFT_MS, TTFT_MS + 40);
        assertThat(summary.at("/inter_token_latency/avg").asDouble()).isBetween(ITL_MS * 0.9, ITL_MS + 4);
        assertThat(summary.at("/request_latency/min").asDouble()).isGreaterThanOrEqualTo(TTFT_MS + 19 * ITL_MS);
        assertThat(summary.at("/time_to_first_token/unit").asText()).isEqualTo("ms");
        for (String stat : List.of("avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "std")) {
            assertThat(summary.at("/request_latency/" + stat).isNumber()).as(stat).isTrue();
        }
        assertThat(summary.has("time_to_second_token")).isTrue();
        assertThat(summary.has("inter_chunk_latency")).isTrue();
        assertThat(summary.has("output_token_throughput_per_user")).isTrue();
        assertThat(summary.at("/request_throughput/avg").asDouble()).isPositive();
        assertThat(summary.at("/output_token_throughput/avg").asDouble()).isPositive();
        assertThat(summary.at("/benchmark_duration/avg").asDouble()).isPositive();
        assertThat(summary.get("was_cancelled").asBoolean()).isFalse();
        assertThat(summary.get("input_config")).isNotNull();

        List<JsonNode> jsonl = r.records();
        assertThat(jsonl).hasSize(24);
        Set<String> requestIdsSent = mock.requestLog().stream().map(RequestRecord::xRequestId).collect(Collectors.toSet());
        Set<String> requestIdsWritten = new java.util.HashSet<>();
        for (JsonNode rec : jsonl) {
            assertThat(requestIdsWritten.add(rec.at("/metadata/x_request_id").asText())).as("written once").isTrue();
            assertThat(rec.at("/metadata/record_processor_id").asText()).matches("record_processor_[0-2]");
            assertThat(rec.at("/metrics/output_sequence_length/value").asInt()).isEqualTo(20);
            assertThat(rec.at("/metrics/time_to_first_token/value").asDouble()).isGreaterThanOrEqualTo(TTFT_MS);
            assertThat(rec.at("/metrics/inter_chunk_latency/value")).hasSize(19);
            assertThat(rec.at("/metadata/benchmark_phase").asText()).isEqualTo("profiling");
            assertThat(requestIdsSent).contains(rec.at("/metadata/x_request_id").asText());
            assertThat(rec.get("error").isNull()).isTrue();
        }
        String csv = r.text("profile_export_aiperf.csv");
        assertThat(csv).startsWith("Metric,avg,min,max,sum,p1,p5,p10,p25,p50,p75,p90,p95,p99,std")
                .contains("Request Latency (ms)").contains("Metric,Value");
        JsonNode inputs = r.inputs();
        assertThat(inputs.get("data").size()).isPositive();
        assertThat(inputs.at("/data/0/payloads/0/max_completion_tokens").asInt()).isEqualTo(20);
        assertThat(inputs.at("/data/0/payloads/0/ignore_eos").asBoolean()).isTrue();
        assertThat(inputs.at("/data/0/payloads/0/stream").asBoolean()).isTrue();

        // Console: the table and a trailer naming every export.
        assertThat(r.stdout()).contains("Time to First Token (ms)").contains("Inter Token Latency (ms)")
                .contains("profile_export_aiperf.json").contains("profile_export_aiperf.csv")
                .doesNotContain("\u001b[");
        // The key went to the server (see HttpTransportTest) but into no file and no output.
        assertNoFileContains(r, "sk-do-not-leak");
        assertThat(r.stdout() + r.stderr()).doesNotContain("sk-do-not-leak");
        assertThat(Files.size(r.artifact("logs/aiperf.log"))).isPositive();
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void nonStreamingCompletionsWithWarmup() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(20, 2));
        AiperfRun r = aiperf.profile("-m", "mock-model",
                "--endpoint-type", "completions", "-u", "http://127.0.0.1:" + mock.port() + "/v1",
                "--isl", "32", "--osl", "8", "--extra-inputs", "ignore_eos:true", "--concurrency", "2",
                "--request-count", "10", "--warmup-request-count", "3",
                "--workers-max", "2", "--ui", "none");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(13);
        assertThat(mock.requestLog()).allMatch(req -> req.path().equals("/v1/completions"));
        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(10.0);
        assertThat(summary.has("time_to_first_token")).isFalse();
        assertThat(summary.at("/request_latency/min").asDouble()).isGreaterThanOrEqualTo(20 + 2 * 8 - 2);
        assertThat(r.records()).hasSize(10);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void serverErrorsAreRecordedAndAllFailedMeansNonZeroExit() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true).withErrorRate(100, 1L));
        AiperfRun r = aiperf.profile("-m", "m", "--streaming", "--isl", "16", "--request-count", "5");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).contains("every request failed").contains("500");
        JsonNode summary = r.summary();
        assertThat(summary.at("/error_request_count/avg").asDouble()).isEqualTo(5.0);
        assertThat(summary.at("/error_summary/0/error_details/code").asInt()).isEqualTo(500);
        assertThat(summary.at("/error_summary/0/count").asInt()).isEqualTo(5);
        assertThat(r.records()).hasSize(5);
    }

    @Test
    void builtInMockServerRunsWithNoServerGiven() throws Exception {
        AiperfRun r = aiperf.profile("-m", "demo", "--streaming",
                "--mock-server", "--isl", "50", "--osl", "10", "--concurrency", "2", "--request-count", "8");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(8.0);
    }

    private static void assertNoFileContains(AiperfRun run, String secret) throws Exception {
        List<Path> files = run.artifactFiles();
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret);
        }
    }
}
