package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Processes come and go as they should: no JVM outlives its CLI, a dying worker is reported, Ctrl-C keeps results. */
class LifecycleIT {

    @TempDir
    Path tmp;

    private MockServer mock;

    @AfterEach
    void cleanUp() {
        AiperfProcess.liveServiceJvms().forEach(ProcessHandle::destroyForcibly);
        if (mock != null) {
            mock.close();
        }
    }

    /** A long run (slow mock) that stays busy while a test pokes at its processes. */
    private Process startLongRun(Path artifacts) throws Exception {
        mock = MockServer.start(MockConfig.ephemeral().withTiming(200, 50));
        return AiperfProcess.start(tmp, List.of("profile", "-m", "m", "--streaming", "-u", "127.0.0.1:" + mock.port(),
                "--isl", "16", "--osl", "40", "--extra-inputs", "ignore_eos:true", "--concurrency", "2",
                "--request-count", "400", "--workers-max", "2", "--tokenizer", "builtin",
                "--artifact-dir", artifacts.toString()));
    }

    private static void awaitServiceJvms(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (AiperfProcess.liveServiceJvms().size() < count) {
            assertThat(System.nanoTime()).as("service JVMs did not start").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (mock.requestLog().size() < count) {
            assertThat(System.nanoTime()).as("requests did not start").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void killingTheCliWithSigkillTakesEveryServiceJvmDownWithin5Seconds() throws Exception {
        Process cli = startLongRun(tmp.resolve("run"));
        awaitServiceJvms(3); // controller + 2 workers
        awaitRequests(2);

        cli.destroyForcibly(); // SIGKILL: no shutdown hook runs
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!AiperfProcess.liveServiceJvms().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void ctrlCStopsCleanlyAndStillWritesEveryExport() throws Exception {
        Path artifacts = tmp.resolve("run");
        Process cli = startLongRun(artifacts);
        awaitRequests(6);

        new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(cli.exitValue()).isEqualTo(130);
        JsonNode summary = new ObjectMapper().readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.get("was_cancelled").asBoolean()).isTrue();
        long recorded = Files.readAllLines(artifacts.resolve("profile_export.jsonl")).size();
        assertThat(recorded).isPositive().isLessThan(400);
        assertThat(summary.at("/request_count/avg").asLong()).isEqualTo(recorded);
        assertThat(Files.exists(artifacts.resolve("profile_export_aiperf.csv"))).isTrue();
        assertThat(Files.exists(artifacts.resolve("inputs.json"))).isTrue();
        Thread.sleep(1000);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void aWorkerThatDiesFailsTheRunWithOneLineAndKeepsWhatWasRecorded() throws Exception {
        Path artifacts = tmp.resolve("run");
        Process cli = startLongRun(artifacts);
        awaitServiceJvms(3);
        awaitRequests(6);
        ProcessHandle worker = AiperfProcess.liveServiceJvms().stream()
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("--type worker"))
                .findFirst().orElseThrow();

        worker.destroyForcibly();
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(cli.exitValue()).isEqualTo(1);
        String stderr = AiperfProcess.read(tmp.resolve("stderr.txt"));
        assertThat(stderr).contains("worker-").contains("exited unexpectedly").doesNotContain("\tat ");
        assertThat(Files.exists(artifacts.resolve("profile_export_aiperf.json"))).isTrue();
        Thread.sleep(1000);
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }
}
