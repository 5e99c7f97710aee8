package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processes come and go as they should: each service type runs in its own JVM, no JVM outlives its CLI, a dying
 * records manager or controller is reported, Ctrl-C and SIGTERM keep results. A dying worker: {@link WorkerLossIT}.
 */
class LifecycleIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns();

    /** A killed CLI's service JVMs are no process's descendants, so only their command line finds them. */
    @AfterEach
    void killServiceJvms() {
        AiperfProcess.liveServiceJvms().forEach(ProcessHandle::destroyForcibly);
    }

    /** A long run (slow mock) that stays busy while a test pokes at its processes. */
    private RunningAiperf startLongRun() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(200, 50));
        return aiperf.startProfile("-m", "m", "--streaming", "--isl", "16", "--osl", "40",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "2", "--request-count", "400",
                "--workers-max", "2");
    }

    /** The long run's service JVMs: the controller, the records manager, the telemetry manager and 2 workers. */
    private static final int SERVICE_JVMS = 5;

    private static void awaitServiceJvms(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (AiperfProcess.liveServiceJvms().size() < count) {
            assertThat(System.nanoTime()).as("service JVMs did not start").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The live service JVM whose command line says {@code --type type}. */
    private static ProcessHandle serviceJvm(String type) {
        return AiperfProcess.liveServiceJvms().stream()
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("--type " + type))
                .findFirst().orElseThrow(() -> new AssertionError("no live " + type + " JVM"));
    }

    private static long countOf(String type) {
        return AiperfProcess.liveServiceJvms().stream()
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("--type " + type))
                .count();
    }

    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (aiperf.mock().requestLog().size() < count) {
            assertThat(System.nanoTime()).as("requests did not start").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void eachServiceTypeRunsInAJvmOfItsOwnAndPsSaysWhich() throws Exception {
        RunningAiperf cli = startLongRun();
        awaitServiceJvms(SERVICE_JVMS);
        awaitRequests(2);

        assertThat(countOf("system_controller")).isEqualTo(1);
        assertThat(countOf("records_manager")).isEqualTo(1);
        assertThat(countOf("worker")).isEqualTo(2);
        assertThat(countOf("telemetry_manager")).isEqualTo(1);
        cli.process().destroyForcibly();
    }

    @Test
    void killingTheCliWithSigkillTakesEveryServiceJvmDownWithin5Seconds() throws Exception {
        RunningAiperf cli = startLongRun();
        awaitServiceJvms(SERVICE_JVMS);
        awaitRequests(2);

        cli.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!AiperfProcess.liveServiceJvms().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void ctrlCStopsCleanlyAndStillWritesEveryExport() throws Exception {
        RunningAiperf cli = startLongRun();
        awaitRequests(6);

        new ProcessBuilder("kill", "-INT", Long.toString(cli.process().pid())).start().waitFor();
        AiperfRun r = cli.awaitExit(60);

        assertThat(r.exitCode()).isEqualTo(130);
        JsonNode summary = r.summary();
        assertThat(summary.get("was_cancelled").asBoolean()).isTrue();
        long recorded = r.records().size();
        assertThat(recorded).isPositive().isLessThan(400);
        assertThat(summary.at("/request_count/avg").asLong()).isEqualTo(recorded);
        assertThat(Files.exists(r.artifact("profile_export_aiperf.csv"))).isTrue();
        assertThat(Files.exists(r.artifact("inputs.json"))).isTrue();
        Thread.sleep(1000);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    /**
     * SIGTERM to the CLI, and at once to every service JVM too, as {@code timeout}, a batch scheduler or a container
     * stop sends it to a process group: the services leave the stop to the CLI, which stops as on Ctrl-C, exit 143.
     */
    @Test
    void sigtermStopsCleanlyWritesEveryExportAndExits143EvenWhenEveryProcessGetsIt() throws Exception {
        RunningAiperf cli = startLongRun();
        awaitServiceJvms(SERVICE_JVMS);
        awaitRequests(6);

        List<String> kill = new ArrayList<>(List.of("kill", "-TERM", Long.toString(cli.process().pid())));
        AiperfProcess.liveServiceJvms().forEach(h -> kill.add(Long.toString(h.pid())));
        assertThat(kill).hasSize(3 + SERVICE_JVMS);
        new ProcessBuilder(kill).start().waitFor();
        AiperfRun r = cli.awaitExit(60);

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(143);
        assertThat(r.stderr()).contains("aiperf: cancelling").doesNotContain("exited unexpectedly")
                .doesNotContain("\tat ");
        JsonNode summary = r.summary();
        assertThat(summary.get("was_cancelled").asBoolean()).isTrue();
        long recorded = r.records().size();
        assertThat(recorded).isPositive().isLessThan(400);
        assertThat(summary.at("/request_count/avg").asLong() + summary.at("/error_request_count/avg").asLong())
                .isEqualTo(recorded);
        assertThat(Files.exists(r.artifact("profile_export_aiperf.csv"))).isTrue();
        assertThat(Files.exists(r.artifact("inputs.json"))).isTrue();
        Thread.sleep(1000);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void aRecordsManagerThatDiesFailsTheRunWithOneLineAndTheRecordsOnDiskStayReadable() throws Exception {
        RunningAiperf cli = startLongRun();
        awaitServiceJvms(SERVICE_JVMS);
        awaitRequests(8);
        Thread.sleep(2_500); // the first answers (2.2 s each) reach the records manager and its JSONL file

        serviceJvm("records_manager").destroyForcibly();
        AiperfRun r = cli.awaitExit(60);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("records-manager").contains("exited unexpectedly").doesNotContain("\tat ");
        // Streamed and flushed while the pipeline was idle: every line written is a whole, parseable record.
        List<JsonNode> records = r.records();
        assertThat(records).isNotEmpty();
        assertThat(records).allSatisfy(line -> assertThat(line.at("/metadata/x_request_id").asText()).isNotEmpty());
        assertThat(r.text("profile_export.jsonl")).endsWith("\n");
        assertSummarizeRebuildsFrom(r, records.size());
        Thread.sleep(1000);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void aControllerKilledWithSigkillTakesItsServicesDownWithin5SecondsAndLeavesWholeJsonlLines() throws Exception {
        RunningAiperf cli = startLongRun();
        awaitServiceJvms(SERVICE_JVMS);
        awaitRequests(8);
        Thread.sleep(2_500); // the first answers (2.2 s each) reach the records manager and its JSONL file

        serviceJvm("system_controller").destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!AiperfProcess.liveServiceJvms().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(AiperfProcess.liveServiceJvms()).as("no service JVM 5 s after the controller died").isEmpty();
        AiperfRun r = cli.awaitExit(30);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("the system controller exited unexpectedly").doesNotContain("\tat ");
        // Every line on disk is a whole record (r.records() parses each one).
        List<JsonNode> records = r.records();
        assertThat(records).allSatisfy(line -> assertThat(line.at("/metadata/session_num").isNumber()).isTrue());
        // At least the 8 answers that had finished before the kill were received, and reached the file.
        assertThat(records).hasSizeGreaterThanOrEqualTo(8);
        assertSummarizeRebuildsFrom(r, records.size());
    }

    /** {@code aiperf summarize DIR} turns the records a dead run left into the summaries it never wrote. */
    private void assertSummarizeRebuildsFrom(AiperfRun died, int records) throws Exception {
        assertThat(Files.exists(died.artifact("profile_export_aiperf.json"))).isFalse();
        AiperfRun s = aiperf.run("summarize", died.artifact("").toString());
        assertThat(s.exitCode()).as(s.stderr()).isZero();
        assertThat(s.stdout()).contains("NVIDIA AIPerf | LLM Metrics").contains("Time to First Token");
        JsonNode summary = died.summary();
        assertThat(summary.at("/request_count/avg").asLong() + summary.at("/error_request_count/avg").asLong(0))
                .isEqualTo(records);
        assertThat(summary.get("was_cancelled").asBoolean()).isTrue();
        assertThat(summary.get("warnings").toString()).contains("rebuilt by `aiperf summarize` from the " + records);
        assertThat(Files.exists(died.artifact("profile_export_aiperf.csv"))).isTrue();
    }
}
