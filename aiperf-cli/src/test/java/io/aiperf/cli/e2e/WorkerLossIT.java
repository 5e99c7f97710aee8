package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker JVM killed with SIGKILL mid-run, with the real processes and the real mock: the run carries on with the
 * worker left, records what the dead one held as {@code WorkerLostError}, and finishes with every export; when the
 * last worker dies, the run fails with one line and still writes what it recorded.
 */
class WorkerLossIT {

    private static final int REQUESTS = 400;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(90);

    @AfterEach
    void killServiceJvms() {
        AiperfProcess.liveServiceJvms().forEach(ProcessHandle::destroyForcibly);
    }

    /** 400 requests of ~0.14 s each (40 ms to the first token, then 10 tokens 10 ms apart). */
    private RunningAiperf start(int workers, int concurrency) throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(40, 10));
        return aiperf.startProfile("-m", "m", "--streaming", "--isl", "16", "--osl", "10",
                "--extra-inputs", "ignore_eos:true", "--concurrency", String.valueOf(concurrency),
                "--request-count", String.valueOf(REQUESTS), "--workers-max", String.valueOf(workers));
    }

    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (aiperf.mock().requestLog().size() < count) {
            assertThat(System.nanoTime()).as("requests did not start").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The live worker JVM with this service id. */
    private static ProcessHandle worker(String id) {
        return AiperfProcess.liveServiceJvms().stream()
                .filter(h -> {
                    List<String> args = Arrays.asList(h.info().arguments().orElse(new String[0]));
                    int at = args.indexOf("--id");
                    return args.contains("worker") && at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(id);
                })
                .findFirst().orElseThrow(() -> new AssertionError("no live JVM of " + id));
    }

    private static List<String> linesWith(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).toList();
    }

    private static List<JsonNode> lostRecords(List<JsonNode> records) {
        return records.stream().filter(r -> r.at("/error/type").asText().equals("WorkerLostError")).toList();
    }

    @Test
    void aKilledWorkersRequestsBecomeWorkerLostErrorsAndTheRunFinishesOnTheOther() throws Exception {
        RunningAiperf cli = start(2, 8);
        awaitRequests(100);
        ProcessHandle victim = worker("worker-1");
        victim.destroyForcibly();
        AiperfRun r = cli.awaitExit(60);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> told = linesWith(r.stderr(), "exited unexpectedly");
        assertThat(told).as(r.stderr()).hasSize(1);
        assertThat(told.get(0)).startsWith("aiperf: warning: worker-1 (pid " + victim.pid() + ")")
                .contains("code 137").contains("recorded as WorkerLostError").contains("going on with 1 worker");
        assertThat(r.stderr()).doesNotContain("\tat ");

        JsonNode summary = r.summary();
        JsonNode lostWorkers = summary.get("lost_workers");
        assertThat(lostWorkers).as("lost_workers").isNotNull().hasSize(1);
        assertThat(lostWorkers.get(0).get("worker_id").asText()).isEqualTo("worker-1");
        assertThat(lostWorkers.get(0).get("exit_code").asInt()).isEqualTo(137);
        assertThat(lostWorkers.get(0).get("phase").asText()).isEqualTo("profiling");
        int lost = lostWorkers.get(0).get("lost_requests").asInt();
        assertThat(lost).as("it held credits when it died").isPositive();

        List<JsonNode> records = r.records();
        assertThat(records).as("one record per request: records + lost = requests sent").hasSize(REQUESTS);
        Set<Long> credits = records.stream().map(n -> n.at("/metadata/session_num").asLong())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(credits).as("every credit exactly once")
                .containsExactlyElementsOf(LongStream.range(0, REQUESTS).boxed().toList());
        List<JsonNode> lostLines = lostRecords(records);
        assertThat(lostLines).hasSize(lost)
                .allSatisfy(n -> assertThat(n.at("/metadata/worker_id").asText()).isEqualTo("worker-1"));
        assertThat(records).filteredOn(n -> !n.get("error").isNull()).hasSize(lost);
        assertThat(summary.at("/request_count/avg").asLong()).isEqualTo(REQUESTS - lost);
        assertThat(summary.at("/error_request_count/avg").asLong()).isEqualTo(lost);
        assertThat(aiperf.mock().requestLog().size()).as("the server saw every success")
                .isGreaterThanOrEqualTo(REQUESTS - lost);
        assertThat(Files.exists(r.artifact("profile_export_aiperf.csv"))).isTrue();
        assertThat(r.stdout()).contains("WorkerLostError");

        Thread.sleep(1000);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void whenTheLastWorkerDiesTheRunFailsWithOneLineAndKeepsWhatWasRecorded() throws Exception {
        RunningAiperf cli = start(1, 4);
        awaitRequests(50);
        ProcessHandle victim = worker("worker-0");
        victim.destroyForcibly();
        AiperfRun r = cli.awaitExit(60);

        assertThat(r.exitCode()).isEqualTo(1);
        List<String> told = linesWith(r.stderr(), "exited unexpectedly");
        assertThat(told).as(r.stderr()).hasSize(1);
        assertThat(told.get(0)).startsWith("aiperf: error: worker-0 (pid " + victim.pid() + ")")
                .contains("no worker left");
        assertThat(r.stderr()).doesNotContain("\tat ");

        JsonNode summary = r.summary();
        assertThat(summary.get("lost_workers")).hasSize(1);
        int lost = summary.get("lost_workers").get(0).get("lost_requests").asInt();
        List<JsonNode> records = r.records();
        assertThat(lostRecords(records)).hasSize(lost);
        assertThat(records.size() - lost).as("what completed before it died is kept").isPositive();
        assertThat(summary.at("/request_count/avg").asLong()).isEqualTo(records.size() - lost);
        assertThat(Files.exists(r.artifact("profile_export_aiperf.csv"))).isTrue();

        Thread.sleep(1000);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }
}
