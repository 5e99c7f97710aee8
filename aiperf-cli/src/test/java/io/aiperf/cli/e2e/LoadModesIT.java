package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every timing mode end to end, judged by the arrival times the mock server itself recorded: what the server saw is
 * the truth a load generator is measured against. Tolerances are loose enough for a loaded 2-core machine and tight
 * enough to catch a wrong rate, a broken ceiling or a shifted trace.
 */
class LoadModesIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns();

    /** A successful run of {@code profile -m m --isl 16} and {@code extra}. */
    private AiperfRun profile(String... extra) throws Exception {
        // These tests time the load engine against the mock's arrival stamps; the telemetry manager's JVM (and its
        // scrapes of the mock's /metrics) share the 2 cores at the run's start, which is not what they measure.
        // Its effect on cold-start timing is for bench/rate-accuracy.sh to measure (issue note, stop 21).
        List<String> args = new ArrayList<>(List.of("-m", "m", "--isl", "16", "--no-gpu-telemetry",
                "--no-server-metrics"));
        args.addAll(List.of(extra));
        AiperfRun r = aiperf.profile(args);
        assertThat(r.exitCode()).as(r.stderr()).isIn(0);
        return r;
    }

    /** Gaps between consecutive arrivals at the mock, in seconds. */
    private List<Double> arrivalGaps() {
        List<RequestRecord> log = aiperf.mock().requestLog();
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < log.size(); i++) {
            gaps.add((log.get(i).arrivalNs() - log.get(i - 1).arrivalNs()) / 1e9);
        }
        return gaps;
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(d -> d).average().orElseThrow();
    }

    private static double cv(List<Double> xs) {
        double m = mean(xs);
        return Math.sqrt(xs.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / xs.size()) / m;
    }

    @Test
    void constantRateArrivesAtTheRateEvenlySpaced() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile("--request-rate", "50", "--arrival-pattern", "constant", "--request-count", "100");

        assertThat(mock.requestLog()).hasSize(100);
        List<Double> gaps = arrivalGaps();
        assertThat(1 / mean(gaps)).isBetween(47.5, 52.5);
        // Constant means evenly spaced: far below poisson's 1.0 even with a loaded machine's jitter.
        assertThat(cv(gaps)).isLessThan(0.35);
        JsonNode s = r.summary();
        assertThat(s.at("/request_count/avg").asInt()).isEqualTo(100);
        assertThat(s.has("send_lag")).isTrue();
        assertThat(s.at("/send_lag/p50").asDouble()).isBetween(-0.5, 5.0);
    }

    @Test
    void poissonArrivalsVaryLikeAnExponential() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        profile("--request-rate", "100", "--request-count", "400", "--random-seed", "7");

        List<Double> gaps = arrivalGaps();
        assertThat(1 / mean(gaps)).isBetween(80.0, 125.0);
        assertThat(cv(gaps)).isBetween(0.75, 1.3);
    }

    @Test
    void aConcurrencyCeilingIsNeverExceededUnderAHighRate() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(100, 5));
        AiperfRun r = profile("--request-rate", "1000", "--concurrency", "3", "--request-count", "30", "--osl", "4",
                "--extra-inputs", "ignore_eos:true", "--streaming");

        assertThat(mock.requestLog()).hasSize(30);
        assertThat(mock.peakConcurrency()).isEqualTo(3);
        // Held back by the ceiling, requests went out late: the lag says so.
        assertThat(r.summary().at("/send_lag/max").asDouble()).isGreaterThan(50.0);
    }

    @Test
    void aBurstsSlotsHandedToTwoWorkersKeepTheServerAtExactlyTheConcurrency() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(20, 2));
        AiperfRun r = profile("--concurrency", "5", "--workers-max", "2", "--request-count", "60", "--streaming",
                "--osl", "10", "--extra-inputs", "ignore_eos:true");

        assertThat(mock.requestLog()).hasSize(60);
        assertThat(r.records()).hasSize(60);
        assertThat(mock.peakConcurrency()).as("3 slots on one worker, 2 on the other, never more").isEqualTo(5);
        assertThat(r.summary().at("/request_count/avg").asLong()).isEqualTo(60);
    }

    @Test
    void aConcurrencyOfOneStaysOneWithTwoWorkers() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1));
        profile("--concurrency", "1", "--workers-max", "2", "--request-count", "20", "--streaming", "--osl", "3");
        assertThat(mock.requestLog()).hasSize(20);
        assertThat(mock.peakConcurrency()).isEqualTo(1);
    }

    @Test
    void aTraceIsReplayedAtItsTimestampsWithTheStartOffsetApplied() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path trace = aiperf.dir().resolve("trace.jsonl");
        Files.writeString(trace, String.join("\n",
                "{\"timestamp\": 1000, \"input_length\": 20, \"output_length\": 4}",
                "{\"timestamp\": 1200, \"input_length\": 20, \"output_length\": 4}",
                "{\"timestamp\": 1500, \"input_length\": 30, \"output_length\": 4}",
                "{\"timestamp\": 2300, \"input_length\": 20, \"output_length\": 4}",
                "{\"timestamp\": 9000, \"input_length\": 20, \"output_length\": 4}") + "\n");
        AiperfRun r = profile("--input-file", trace.toString(), "--custom-dataset-type", "mooncake_trace",
                "--fixed-schedule", "--fixed-schedule-start-offset", "1000", "--fixed-schedule-end-offset", "2300");

        List<RequestRecord> log = mock.requestLog();
        assertThat(log).hasSize(4);
        // Offsets from the second arrival: the first request also opens the connection, so it may reach the server
        // a few ms after its time (its send lag records that).
        long t1 = log.get(1).arrivalNs();
        List<Double> offsetsMs = log.stream().map(req -> (req.arrivalNs() - t1) / 1e6).toList();
        double[] expected = {-200, 0, 300, 1100};
        assertThat(offsetsMs.get(0)).as("arrival 0").isBetween(expected[0] - 15, expected[0] + 40);
        for (int i = 2; i < expected.length; i++) {
            assertThat(offsetsMs.get(i)).as("arrival %d", i).isBetween(expected[i] - 20, expected[i] + 20);
        }
        assertThat(r.summary().at("/input_sequence_length/max").asInt()).isEqualTo(30);
    }

    @Test
    void aTraceWithTimestampsSwitchesToFixedScheduleByItself() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path trace = aiperf.dir().resolve("trace.jsonl");
        Files.writeString(trace, "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 2}\n"
                + "{\"timestamp\": 300, \"input_length\": 10, \"output_length\": 2}\n");
        profile("--input-file", trace.toString());
        // Both would go out at once without the switch; replayed, the second waits for its timestamp.
        assertThat(mock.requestLog()).hasSize(2);
        double gapMs = (mock.requestLog().get(1).arrivalNs() - mock.requestLog().get(0).arrivalNs()) / 1e6;
        assertThat(gapMs).isBetween(250.0, 320.0);
    }

    @Test
    void durationStopsSendingAndTheGraceAbandonsWhatIsStillRunning() throws Exception {
        // Every request takes ~1.5 s; the run may send for 2 s and wait 0.5 s more.
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(1000, 10));
        long start = System.nanoTime();
        AiperfRun r = profile("--streaming", "--osl", "50", "--extra-inputs", "ignore_eos:true", "--concurrency", "4",
                "--benchmark-duration", "2", "--benchmark-grace-period", "0.5");
        double seconds = (System.nanoTime() - start) / 1e9;

        int sentToServer = mock.requestLog().size();
        long recorded = r.records().size();
        assertThat(sentToServer).isGreaterThanOrEqualTo(4);
        // Requests that could not finish inside duration + grace were abandoned and left no record.
        assertThat(recorded).isLessThan(sentToServer);
        assertThat(r.summary().get("was_cancelled").asBoolean()).isFalse();
        assertThat(seconds).isLessThan(60);
        long lastArrivalAfterStart = (mock.requestLog().get(sentToServer - 1).arrivalNs()
                - mock.requestLog().get(0).arrivalNs()) / 1_000_000;
        assertThat(lastArrivalAfterStart).as("nothing sent after the duration").isLessThan(2_100);
        // The stages the controller published on EVENTS for the live UI, as its log says.
        assertThat(r.text("logs/aiperf.log")).containsSubsequence("run stage: profiling (2000 ms)",
                "run stage: grace (500 ms)", "run stage: processing", "run stage: complete");
    }

    @Test
    void cancelledRequestsBecome499Records() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(400, 10));
        AiperfRun r = profile("--streaming", "--osl", "10", "--concurrency", "4", "--request-count", "40",
                "--request-cancellation-rate", "50", "--request-cancellation-delay", "0.1", "--random-seed", "3");

        List<JsonNode> records = r.records();
        assertThat(records).hasSize(40);
        long cancelled = records.stream().filter(rec -> rec.at("/error/code").asInt() == 499).count();
        assertThat(cancelled).isBetween(10L, 30L);
        records.stream().filter(rec -> rec.at("/error/code").asInt() == 499).forEach(rec -> {
            assertThat(rec.at("/error/type").asText()).isEqualTo("RequestCancellationError");
            assertThat(rec.at("/metadata/was_cancelled").asBoolean()).isTrue();
        });
        JsonNode s = r.summary();
        assertThat(s.at("/error_summary/0/error_details/code").asInt()).isEqualTo(499);
        assertThat(s.get("was_cancelled").asBoolean()).isFalse();
    }

    @Test
    void multiTurnSessionsStayOnOneConnectionOrderAndCarryTheirHistory() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile("--streaming", "--osl", "5", "--extra-inputs", "ignore_eos:true",
                "--conversation-num", "6", "--conversation-turn-mean", "3", "--conversation-turn-delay-mean", "50",
                "--concurrency", "2", "--workers-max", "2");

        List<RequestRecord> log = mock.requestLog();
        assertThat(log).hasSize(18);
        Map<String, List<RequestRecord>> bySession = new LinkedHashMap<>();
        log.forEach(req -> bySession.computeIfAbsent(req.xCorrelationId(), k -> new ArrayList<>()).add(req));
        assertThat(bySession).hasSize(6);
        for (List<RequestRecord> turns : bySession.values()) {
            assertThat(turns).hasSize(3);
            for (int i = 1; i < turns.size(); i++) {
                double gapMs = (turns.get(i).arrivalNs() - turns.get(i - 1).arrivalNs()) / 1e6;
                assertThat(gapMs).as("turn delay").isGreaterThanOrEqualTo(45);
            }
        }
        // A later turn's input holds the earlier turns and replies: its ISL is larger than the first turn's.
        List<JsonNode> records = r.records();
        double firstTurnIsl = records.stream().filter(rec -> rec.at("/metadata/turn_index").asInt() == 0)
                .mapToInt(rec -> rec.at("/metrics/input_sequence_length/value").asInt()).average().orElseThrow();
        double thirdTurnIsl = records.stream().filter(rec -> rec.at("/metadata/turn_index").asInt() == 2)
                .mapToInt(rec -> rec.at("/metrics/input_sequence_length/value").asInt()).average().orElseThrow();
        assertThat(thirdTurnIsl).isGreaterThan(firstTurnIsl * 2);
    }

    @Test
    void userCentricUsersKeepTheirGapAndNeverOverlapTheirOwnTurns() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(20, 2));
        // 2 users at 4 requests/s in all: users start 250 ms apart, each user's turns are 500 ms apart.
        profile("--user-centric-rate", "4", "--num-users", "2", "--conversation-turn-mean", "3",
                "--request-count", "8", "--osl", "4", "--extra-inputs", "ignore_eos:true");

        List<RequestRecord> log = mock.requestLog();
        assertThat(log).hasSize(8);
        Map<String, List<RequestRecord>> byUser = new LinkedHashMap<>();
        log.forEach(req -> byUser.computeIfAbsent(req.xCorrelationId(), k -> new ArrayList<>()).add(req));
        for (List<RequestRecord> turns : byUser.values()) {
            for (int i = 1; i < turns.size(); i++) {
                double gapMs = (turns.get(i).arrivalNs() - turns.get(i - 1).arrivalNs()) / 1e6;
                // Intended gaps are exactly 500 ms; a first request may reach the server later (it opens a connection).
                assertThat(gapMs).as("a user's gap").isBetween(430.0, 570.0);
            }
        }
        double firstTwoMs = (log.get(1).arrivalNs() - log.get(0).arrivalNs()) / 1e6;
        // 250 ms intended; the first request opens a connection and may reach the server up to ~100 ms late on a
        // loaded 2-core machine, which shortens this gap; unstaggered users would be ~0 ms apart, a missed tick 500.
        assertThat(firstTwoMs).as("users staggered by 1/qps (the first request opens a connection)")
                .isBetween(150.0, 320.0);
    }

    @Test
    void severalUrlsShareTheSessionsRoundRobin() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        try (MockServer second = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            profile("-u", "127.0.0.1:" + mock.port(), "-u", "127.0.0.1:" + second.port(),
                    "--concurrency", "2", "--request-count", "20");
            assertThat(mock.requestLog().size() + second.requestLog().size()).isEqualTo(20);
            assertThat(mock.requestLog()).hasSize(10);
            assertThat(second.requestLog()).hasSize(10);
        }
    }

    @Test
    void aMalformedTraceRowIsRefusedWithItsFileAndLine() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path trace = aiperf.dir().resolve("bad.jsonl");
        Files.writeString(trace, "{\"timestamp\": 0, \"input_length\": 10}\n{\"timestamp\": 5, \"input_length\": -3}\n");
        AiperfRun r = aiperf.within(120).profile("-m", "m", "--input-file", trace.toString(),
                "--custom-dataset-type", "mooncake_trace");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).hasSize(1);
        assertThat(r.stderr()).contains(trace + ":2:").doesNotContain("\tat ");
        assertThat(mock.requestLog()).isEmpty();
    }
}
