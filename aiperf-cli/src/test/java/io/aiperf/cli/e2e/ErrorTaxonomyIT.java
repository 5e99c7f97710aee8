package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.Fault;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors are data, end to end: the real {@code bin/aiperf} against the real mock server injecting each fault into a
 * share of the requests. The mock logs which request (by {@code X-Request-ID}) got which fault; the run must turn
 * exactly those requests into error records of the documented code and type (docs/errors.md), count them in
 * {@code error_summary}, show them in the console's error table, and keep the exit status rules.
 */
class ErrorTaxonomyIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withParanoidLeakDetection(); // faults: resets, malformed SSE and JSON

    /** What a fault must become in a record: its error's code (null below HTTP), type and message start. */
    private record Expected(Integer code, String type, String messageStart) {
    }

    private static final Map<Fault, Expected> EXPECTED = Map.of(
            Fault.HTTP_500, new Expected(500, "Internal Server Error",
                    "{\"error\":{\"message\":\"mock injected error\""),
            Fault.SSE_ERROR, new Expected(502, "SSEResponseError", "Error occurred in SSE response: mock injected error"),
            Fault.MALFORMED_JSON, new Expected(null, "ResponseParseError", "malformed JSON: "),
            Fault.EMPTY_CHOICES, new Expected(null, "InvalidInferenceResultError", "No content responses were received"),
            Fault.EMPTY_CONTENT, new Expected(null, "InvalidInferenceResultError", "No content responses were received"),
            Fault.RESET, new Expected(null, "ConnectionResetError", ""),
            Fault.STALL, new Expected(null, "TimeoutError",
                    "no complete response within the request timeout of 2.000 s"),
            Fault.HTTP_429, new Expected(429, "Too Many Requests", "{\"error\":{\"message\":\"mock injected error\""),
            Fault.HTTP_503, new Expected(503, "Service Unavailable",
                    "{\"error\":{\"message\":\"mock injected error\""),
            Fault.MALFORMED_SSE, new Expected(null, "InvalidInferenceResultError",
                    "No content responses were received"));

    private AiperfRun profile(boolean streaming, int requests, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-m", "m", "--isl", "16", "--osl", "8",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "4",
                "--request-count", Integer.toString(requests), "--workers-max", "2", "--ui", "none"));
        if (streaming) {
            args.add("--streaming");
        }
        args.addAll(List.of(extra));
        return aiperf.profile(args);
    }

    @Test
    void everyStreamingFaultBecomesItsErrorRecord() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true).withErrorRate(8, 11L)
                .withFault(Fault.SSE_ERROR, 12).withFault(Fault.MALFORMED_JSON, 8)
                .withFault(Fault.EMPTY_CHOICES, 8).withFault(Fault.EMPTY_CONTENT, 8)
                .withFault(Fault.RESET, 10).withFault(Fault.STALL, 5).withFault(Fault.HTTP_429, 6)
                .withFault(Fault.HTTP_503, 6).withFault(Fault.MALFORMED_SSE, 6));

        AiperfRun r = profile(true, 80, "--request-timeout-seconds", "2");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertFaultsBecameErrors(r, 80,
                Set.of(Fault.HTTP_500, Fault.SSE_ERROR, Fault.MALFORMED_JSON, Fault.EMPTY_CHOICES,
                        Fault.EMPTY_CONTENT, Fault.RESET, Fault.STALL, Fault.HTTP_429, Fault.HTTP_503,
                        Fault.MALFORMED_SSE));
    }

    @Test
    void everyNonStreamingFaultBecomesItsErrorRecord() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true).withErrorRate(10, 5L)
                .withFault(Fault.MALFORMED_JSON, 10).withFault(Fault.EMPTY_CHOICES, 10)
                .withFault(Fault.EMPTY_CONTENT, 10).withFault(Fault.RESET, 10).withFault(Fault.HTTP_429, 8)
                .withFault(Fault.HTTP_503, 8));

        AiperfRun r = profile(false, 60);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertFaultsBecameErrors(r, 60, Set.of(Fault.HTTP_500, Fault.MALFORMED_JSON, Fault.EMPTY_CHOICES,
                Fault.EMPTY_CONTENT, Fault.RESET, Fault.HTTP_429, Fault.HTTP_503));
    }

    /**
     * The requests the mock faulted are exactly the JSONL records with that fault's error; every other record is a
     * success; {@code error_summary} counts each (code, type, message) once per request; the console shows them.
     */
    private void assertFaultsBecameErrors(AiperfRun r, int requests, Set<Fault> faults) throws Exception {
        List<RequestRecord> log = aiperf.mock().requestLog();
        assertThat(log).hasSize(requests);
        Map<String, RequestRecord> sentById = aiperf.requestsById();
        assertThat(log.stream().map(RequestRecord::fault).collect(Collectors.toSet()))
                .as("the seeded mix hit every fault at least once").containsAll(faults);

        List<JsonNode> records = r.records();
        assertThat(records).as("every request has its record on disk, failed or not").hasSize(requests);
        Map<String, Integer> expectedSummary = new HashMap<>();
        for (JsonNode rec : records) {
            String id = rec.at("/metadata/x_request_id").asText();
            assertThat(sentById).containsKey(id);
            Fault fault = sentById.get(id).fault();
            JsonNode error = rec.get("error");
            if (fault == null) {
                assertThat(error.isNull()).as("unfaulted request %s: %s", id, error).isTrue();
                continue;
            }
            Expected expected = EXPECTED.get(fault);
            assertThat(error.isNull()).as("faulted (%s) request %s has an error", fault, id).isFalse();
            if (expected.code() == null) {
                assertThat(error.get("code").isNull()).as("%s: %s", fault, error).isTrue();
            } else {
                assertThat(error.get("code").asInt()).as("%s: %s", fault, error).isEqualTo(expected.code());
            }
            assertThat(error.get("type").asText()).as("%s: %s", fault, error).isEqualTo(expected.type());
            assertThat(error.get("message").asText()).as("%s", fault).startsWith(expected.messageStart())
                    .doesNotContain("\n");
            assertThat(rec.at("/metrics/request_latency").isMissingNode()).as("failed records carry no latency")
                    .isTrue();
            expectedSummary.merge(key(error.get("code").isNull() ? null : error.get("code").asInt(),
                    error.get("type").asText(), error.get("message").asText()), 1, Integer::sum);
        }

        JsonNode summary = r.summary();
        long failed = log.stream().filter(q -> q.fault() != null).count();
        assertThat(summary.at("/error_request_count/avg").asLong()).isEqualTo(failed);
        assertThat(summary.at("/request_count/avg").asLong()).isEqualTo(requests - failed);
        Map<String, Integer> actualSummary = new HashMap<>();
        for (JsonNode entry : summary.get("error_summary")) {
            JsonNode d = entry.get("error_details");
            actualSummary.put(key(d.has("code") ? d.get("code").asInt() : null, d.get("type").asText(),
                    d.get("message").asText()), entry.get("count").asInt());
        }
        assertThat(actualSummary).isEqualTo(expectedSummary);

        assertThat(r.artifact("profile_export_aiperf.csv")).as("every export, the faults notwithstanding").exists();
        assertThat(r.artifact("inputs.json")).exists();
        assertThat(r.stdout()).contains("NVIDIA AIPerf | Error Summary");
        for (Fault fault : faults) {
            assertThat(r.stdout()).as("console error table").contains(EXPECTED.get(fault).type());
        }
    }

    private static String key(Integer code, String type, String message) {
        return code + " | " + type + " | " + message;
    }

    @Test
    void failOnErrorRateFailsAboveTheThresholdAfterWritingTheExports() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true).withErrorRate(30, 3L));

        AiperfRun r = profile(true, 40, "--fail-on-error-rate", "5");

        long failed = mock.requestLog().stream().filter(q -> q.fault() != null).count();
        assertThat(failed).isBetween(2L, 39L); // some failed, not all: only the option can fail the run
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr().strip()).isEqualTo(String.format(java.util.Locale.ROOT,
                "aiperf: error: error rate %.2f%% (%d of 40 requests failed) is above --fail-on-error-rate 5%%",
                failed * 100.0 / 40, failed));
        JsonNode summary = r.summary();
        assertThat(summary.at("/error_request_count/avg").asLong()).isEqualTo(failed);
        assertThat(r.artifact("profile_export_aiperf.csv")).exists();
        assertThat(r.records()).hasSize(40);
        assertThat(r.stdout()).contains("NVIDIA AIPerf | Error Summary").contains("JSON Export:");
    }

    @Test
    void failOnErrorRatePassesAtOrBelowTheThreshold() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true).withErrorRate(30, 3L));

        AiperfRun r = profile(true, 40, "--fail-on-error-rate", "90");

        assertThat(mock.requestLog().stream().filter(q -> q.fault() != null).count()).isPositive();
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).doesNotContain("error rate");
    }

    @Test
    void failOnErrorRateOutOfRangeIsAUsageError() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile(true, 4, "--fail-on-error-rate", "150");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).startsWith("aiperf: error: ")
                .contains("--fail-on-error-rate must be a percentage in [0, 100], got 150.0")
                .doesNotContain("Exception");
        assertThat(mock.requestLog()).isEmpty();
    }
}
