package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reasoning models end to end: the mock reasons like AIPerf's (a {@code qwen} model with {@code reasoning_effort}
 * low = 100 reasoning tokens streamed before the answer), and the exports must count those tokens, include them
 * in OSL, and time TTFT at the first reasoning token but TTFO at the first answer token. Also
 * {@code --use-server-token-count}, against a mock whose {@code usage} deliberately disagrees with the text it sends.
 */
class ReasoningIT {

    private static final String MODEL = "Qwen/Qwen3-0.6B";
    private static final int LOW_EFFORT_REASONING = 100;
    private static final double TTFT_MS = 40;
    private static final double ITL_MS = 2;
    private static final int OSL = 10;
    private static final int REQUESTS = 6;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chat", "responses"})
    void reasoningTokensAreCountedAndTtfoWaitsForTheAnswer(String endpointType) throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(TTFT_MS, ITL_MS));
        AiperfRun r = aiperf.profile("-m", MODEL, "--endpoint-type", endpointType, "--streaming",
                "--isl", "32", "--osl", String.valueOf(OSL),
                "--extra-inputs", "reasoning_effort:low", "--extra-inputs", "ignore_eos:true",
                "--concurrency", "2", "--request-count", String.valueOf(REQUESTS),
                // Cold-JIT first requests stretch the whole stream on a busy machine; keep them out of the timing.
                "--warmup-request-count", "2", "--ui", "none");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(mock.requestLog()).hasSize(REQUESTS + 2)
                .allMatch(req -> req.body().path("reasoning_effort").asText().equals("low"));

        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asInt()).isEqualTo(REQUESTS);
        assertThat(summary.has("error_request_count")).isFalse();
        assertThat(summary.at("/reasoning_token_count/min").asDouble()).isEqualTo(LOW_EFFORT_REASONING);
        assertThat(summary.at("/reasoning_token_count/max").asDouble()).isEqualTo(LOW_EFFORT_REASONING);
        assertThat(summary.at("/total_reasoning_tokens/avg").asDouble()).isEqualTo(REQUESTS * LOW_EFFORT_REASONING);
        assertThat(summary.at("/time_to_first_output_token/unit").asText()).isEqualTo("ms");
        assertThat(summary.at("/time_to_first_output_token/avg").asDouble())
                .isGreaterThan(summary.at("/time_to_first_token/avg").asDouble());

        List<JsonNode> records = r.records();
        assertThat(records).hasSize(REQUESTS);
        double[] gapsMs = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            JsonNode metrics = records.get(i).path("metrics");
            long output = metrics.at("/output_token_count/value").asLong();
            // The mock's chat honours ignore_eos (exactly OSL words); its Responses route draws 1..OSL.
            if (endpointType.equals("chat")) {
                assertThat(output).isEqualTo(OSL);
            } else {
                assertThat(output).isBetween(1L, (long) OSL);
            }
            assertThat(metrics.at("/reasoning_token_count/value").asLong()).isEqualTo(LOW_EFFORT_REASONING);
            assertThat(metrics.at("/output_sequence_length/value").asLong()).isEqualTo(output + LOW_EFFORT_REASONING);
            double ttft = metrics.at("/time_to_first_token/value").asDouble();
            double ttfo = metrics.at("/time_to_first_output_token/value").asDouble();
            // The mock cannot send its first token before ttft after the request arrived.
            assertThat(ttft).isGreaterThanOrEqualTo(TTFT_MS);
            assertThat(ttfo).isGreaterThan(ttft);
            gapsMs[i] = ttfo - ttft;
        }
        // The answer's first token is scheduled 100 itl after the first reasoning token. On a loaded 2-core machine
        // (load 10 measured) a stream can stretch to 1.7x its schedule, so the upper bound is loose; the lower one
        // still tells the reasoning phase from its absence (gap ~ 1 itl).
        double expectedGapMs = LOW_EFFORT_REASONING * ITL_MS;
        Arrays.sort(gapsMs);
        double medianGapMs = gapsMs[REQUESTS / 2];
        assertThat(medianGapMs).isBetween(expectedGapMs * 0.7, expectedGapMs * 2.0);
    }

    @ParameterizedTest(name = "reasoning={0}")
    @ValueSource(booleans = {true, false})
    void serverTokenCountsComeFromUsage(boolean reasoning) throws Exception {
        // The mock reports 7 more prompt and completion tokens than it sends: only server counts can show them.
        int offset = 7;
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true).withUsageTokenOffset(offset));
        List<String> args = new ArrayList<>(List.of("-m", reasoning ? MODEL : "mock-model",
                "--endpoint-type", "chat", "--streaming", "--isl", "32", "--osl", String.valueOf(OSL),
                "--extra-inputs", "ignore_eos:true", "--use-server-token-count",
                "--concurrency", "2", "--request-count", String.valueOf(REQUESTS), "--ui", "none"));
        if (reasoning) {
            args.addAll(List.of("--extra-inputs", "reasoning_effort:low"));
        }
        AiperfRun r = aiperf.profile(args);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Map<String, JsonNode> bodiesByRequestId = new HashMap<>();
        for (RequestRecord request : mock.requestLog()) {
            assertThat(request.body().at("/stream_options/include_usage").asBoolean()).as(request.body().toString())
                    .isTrue();
            bodiesByRequestId.put(request.xRequestId(), request.body());
        }
        assertThat(bodiesByRequestId).hasSize(REQUESTS);

        int reasoningTokens = reasoning ? LOW_EFFORT_REASONING : 0;
        // What the mock reports: completion = reasoning + OSL + offset, so output = completion − reasoning.
        long serverOutput = OSL + offset;
        List<JsonNode> records = r.records();
        assertThat(records).hasSize(REQUESTS);
        for (JsonNode record : records) {
            JsonNode body = bodiesByRequestId.get(record.at("/metadata/x_request_id").asText());
            assertThat(body).as("the mock saw this request").isNotNull();
            JsonNode metrics = record.path("metrics");
            assertThat(metrics.at("/input_sequence_length/value").asLong()).isEqualTo(mockPromptTokens(body) + offset);
            assertThat(metrics.at("/output_token_count/value").asLong()).isEqualTo(serverOutput);
            assertThat(metrics.at("/output_sequence_length/value").asLong()).isEqualTo(serverOutput + reasoningTokens);
            if (reasoning) {
                assertThat(metrics.at("/reasoning_token_count/value").asLong()).isEqualTo(reasoningTokens);
            } else {
                assertThat(metrics.has("reasoning_token_count")).isFalse();
            }
        }
        JsonNode summary = r.summary();
        assertThat(summary.at("/total_osl/avg").asDouble()).isEqualTo(REQUESTS * (serverOutput + reasoningTokens));
    }

    /** The mock's prompt_tokens: ceil(chars of all message text / 4), at least 1 (its stand-in for a tokenizer). */
    private static long mockPromptTokens(JsonNode body) {
        long chars = 0;
        for (JsonNode message : body.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                chars += content.asText().length();
            } else {
                for (JsonNode part : content) {
                    chars += part.path("text").asText("").length();
                }
            }
        }
        return Math.max(1, (chars + 3) / 4);
    }
}
