package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.Fault;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that misbehaves over a whole run, end to end (the real {@code bin/aiperf} and the real mock): it goes away
 * and comes back, it is slower than the request timeout, it sends far more than any answer should hold. Each
 * becomes error records of the documented type (docs/errors.md), the run goes on and every export is written.
 * The faults that strike single requests (HTTP statuses, resets, broken JSON and SSE) are {@link ErrorTaxonomyIT}'s.
 */
class ServerFaultsIT {

    /** {@code HttpTransport}'s per-response cap, as docs/errors.md states it. */
    private static final long CAP_BYTES = 64L * 1024 * 1024;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withParanoidLeakDetection();

    @Test
    void aServerThatGoesAwayAndComesBackGivesRefusedRecordsThenSuccessesAgain() throws Exception {
        MockServer first = aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1));
        int port = first.port();
        RunningAiperf run = aiperf.startProfile("-m", "m", "--streaming", "--isl", "16", "--osl", "4",
                "--request-rate", "40", "--benchmark-duration", "6", "--workers-max", "1", "--ui", "none");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (first.requestLog().size() < 20 && System.nanoTime() < deadline && run.process().isAlive()) {
            Thread.sleep(50);
        }
        aiperf.stopMock(); // the server goes away: its port is closed
        Thread.sleep(1_500);
        MockServer second = aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1).withPort(port));
        AiperfRun r = run.awaitExit(120);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(first.requestLog().size()).isGreaterThanOrEqualTo(20);
        Set<String> servedAfter = second.requestLog().stream().map(RequestRecord::xRequestId)
                .collect(Collectors.toSet());
        assertThat(servedAfter).as("requests go out again once the server is back").hasSizeGreaterThan(20);

        List<JsonNode> records = r.records();
        long firstRefusedNs = Long.MAX_VALUE;
        int refused = 0;
        for (JsonNode rec : records) {
            JsonNode error = rec.get("error");
            if (!error.isNull()) {
                // Refused while nothing listened; in flight when the server closed its connections: closed or reset.
                assertThat(error.get("type").asText()).as("%s", error)
                        .isIn("ConnectionRefusedError", "ConnectionClosedError", "ConnectionResetError");
                if ("ConnectionRefusedError".equals(error.get("type").asText())) {
                    refused++;
                    firstRefusedNs = Math.min(firstRefusedNs, rec.at("/metadata/request_start_ns").asLong());
                    assertThat(error.get("code").isNull()).isTrue();
                    assertThat(error.get("message").asText()).containsIgnoringCase("refused");
                }
            }
        }
        assertThat(refused).as("the 1.5 s outage at 40 requests/s").isGreaterThan(10);
        int recovered = 0;
        for (JsonNode rec : records) {
            if (servedAfter.contains(rec.at("/metadata/x_request_id").asText())) {
                assertThat(rec.get("error").isNull()).as("served by the server that came back: %s", rec).isTrue();
                assertThat(rec.at("/metadata/request_start_ns").asLong()).isGreaterThan(firstRefusedNs);
                recovered++;
            }
        }
        assertThat(recovered).isEqualTo(servedAfter.size());

        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asLong() + summary.at("/error_request_count/avg").asLong())
                .isEqualTo(records.size());
        assertThat(summary.get("error_summary").toString()).contains("ConnectionRefusedError");
        assertThat(r.artifact("profile_export_aiperf.csv")).exists();
        assertThat(r.stdout()).contains("ConnectionRefusedError");
    }

    @Test
    void aServerSlowerThanTheRequestTimeoutGivesTimeoutRecordsAndTheFastAnswersStillCount() throws Exception {
        // 50 ms a token, 20 ± 12 tokens: about half the answers take longer than the 1 s timeout.
        aiperf.startMock(MockConfig.ephemeral().withTiming(50, 50));
        AiperfRun r = aiperf.profile("-m", "m", "--streaming", "--isl", "16", "--osl", "20", "--osl-stddev", "12",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "4", "--request-count", "16",
                "--request-timeout-seconds", "1", "--workers-max", "1", "--random-seed", "7", "--ui", "none");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        int timedOut = 0;
        int answered = 0;
        for (JsonNode rec : r.records()) {
            JsonNode error = rec.get("error");
            if (error.isNull()) {
                assertThat(rec.at("/metrics/request_latency/value").asDouble()).isLessThan(1_000);
                answered++;
                continue;
            }
            assertThat(error.get("type").asText()).as("%s", error).isEqualTo("TimeoutError");
            assertThat(error.get("code").isNull()).isTrue();
            assertThat(error.get("message").asText())
                    .isEqualTo("no complete response within the request timeout of 1.000 s");
            double seconds = (rec.at("/metadata/request_end_ns").asLong()
                    - rec.at("/metadata/request_start_ns").asLong()) / 1e9;
            assertThat(seconds).as("ended by the timeout, not by the server").isBetween(0.95, 1.6);
            timedOut++;
        }
        assertThat(timedOut).isPositive();
        assertThat(answered).isPositive();
        assertThat(timedOut + answered).isEqualTo(16);
        assertThat(r.summary().at("/error_request_count/avg").asLong()).isEqualTo(timedOut);
        assertThat(r.artifact("profile_export_aiperf.csv")).exists();
    }

    /**
     * A body or a stream that never ends is cut at the per-response cap: its record says so long before the (one
     * minute) request timeout, which is what it would have hit if the client kept reading; the run goes on.
     */
    @Test
    void answersFarLargerThanAnyAnswerEndAtThePerResponseCap() throws Exception {
        // Seed 5 draws endless-stream, none, oversize, oversize for the 4 streamed requests; oversize, none,
        // oversize for the 3 whole ones: each fault and a good answer, with as few 64 MiB answers as that takes.
        aiperf.startMock(MockConfig.ephemeral().withFast(true).withErrorRate(0, 5L)
                .withFault(Fault.OVERSIZE, 25).withFault(Fault.ENDLESS_STREAM, 25));
        long startNs = System.nanoTime();
        AiperfRun streamed = aiperf.profile("-m", "m", "--streaming", "--isl", "16", "--osl", "8",
                "--concurrency", "2", "--request-count", "4", "--request-timeout-seconds", "60",
                "--workers-max", "1", "--ui", "none");
        assertThat((System.nanoTime() - startNs) / 1e9).as("cut at the cap, not at the timeout").isLessThan(55);
        assertCapped(streamed, 4, Map.of(Fault.OVERSIZE, "response stream exceeds " + CAP_BYTES + " bytes",
                Fault.ENDLESS_STREAM, "response stream exceeds " + CAP_BYTES + " bytes"));

        aiperf.startMock(MockConfig.ephemeral().withFast(true).withErrorRate(0, 5L).withFault(Fault.OVERSIZE, 50));
        AiperfRun whole = aiperf.profile("-m", "m", "--isl", "16", "--osl", "8", "--concurrency", "2",
                "--request-count", "3", "--request-timeout-seconds", "60", "--workers-max", "1", "--ui", "none");
        assertCapped(whole, 3, Map.of(Fault.OVERSIZE, "response body exceeds " + CAP_BYTES + " bytes"));
    }

    private void assertCapped(AiperfRun r, int requests, Map<Fault, String> messages) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Map<String, RequestRecord> sent = aiperf.requestsById();
        assertThat(sent.values().stream().map(RequestRecord::fault).collect(Collectors.toSet()))
                .as("the seeded mix hit every fault").containsAll(messages.keySet());
        List<JsonNode> records = r.records();
        assertThat(records).hasSize(requests);
        for (JsonNode rec : records) {
            Fault fault = sent.get(rec.at("/metadata/x_request_id").asText()).fault();
            JsonNode error = rec.get("error");
            if (fault == null) {
                assertThat(error.isNull()).as("%s", error).isTrue();
                continue;
            }
            assertThat(error.get("type").asText()).as("%s: %s", fault, error).isEqualTo("ResponseTooLargeError");
            assertThat(error.get("code").isNull()).isTrue();
            assertThat(error.get("message").asText()).isEqualTo(messages.get(fault));
        }
        assertThat(r.summary().get("error_summary").toString()).contains("ResponseTooLargeError");
        assertThat(r.artifact("profile_export_aiperf.csv")).exists();
    }
}
