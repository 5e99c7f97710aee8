package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the results go cannot be written: refused before the first request, or (the disk fills up mid-run) the run
 * stops at once, says why in one line, and what was written stays readable.
 *
 * <p>How the tests get there without root mounts: a path whose parent is a regular file cannot be created by anyone,
 * root included (chmod would not stop root); a full disk is {@code profile_export.jsonl} made a symbolic link to
 * {@code /dev/full}, on which every write fails with ENOSPC, as on a full file system. aiperf opens its exports
 * following links, as any program does, so nothing in it is faked.
 */
class ArtifactDirIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns();

    @AfterEach
    void killServiceJvms() {
        AiperfProcess.liveServiceJvms().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void anArtifactDirThatCannotBeCreatedIsRefusedBeforeTheFirstRequest() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path file = aiperf.dir().resolve("results.txt");
        Files.writeString(file, "a file, not a directory");

        for (Path dir : new Path[] {file.resolve("run"), file}) {
            AiperfRun r = aiperf.within(60).profile("-m", "m", "--request-count", "4", "--ui", "none",
                    "--artifact-dir", dir.toString());

            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
            assertThat(r.stderr().strip()).startsWith("aiperf: error: cannot write to artifact directory " + dir + ": ")
                    .contains("Not a directory").doesNotContain("Exception");
        }
        assertThat(mock.requestLog()).as("refused before the first request").isEmpty();
        assertThat(Files.readString(file)).isEqualTo("a file, not a directory");
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void aFullDiskStopsTheRunCleanlyWithOneLineAndKeepsWhatWasWritten() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withTiming(20, 5));
        Path artifacts = aiperf.nextArtifactDir();
        Files.createDirectories(artifacts);
        Path jsonl = artifacts.resolve("profile_export.jsonl");
        Files.createSymbolicLink(jsonl, Path.of("/dev/full"));

        long startNs = System.nanoTime();
        AiperfRun r = aiperf.profile("-m", "m", "--streaming", "--isl", "16", "--osl", "8",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "4", "--request-count", "3000",
                "--workers-max", "1", "--ui", "none");
        double seconds = (System.nanoTime() - startNs) / 1e9;

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
        assertThat(r.stderr()).contains("aiperf: error: ")
                .contains("cannot write " + jsonl + ": No space left on device").doesNotContain("\tat ");
        assertThat(r.stderr().strip().lines().filter(l -> l.startsWith("aiperf: error: "))).hasSize(1);
        // 3000 requests take ~40 s at this pace: the run stopped when the write failed, not at the end.
        assertThat(mock.requestLog().size()).as("stopped early").isLessThan(1500);
        assertThat(seconds).isLessThan(40);
        // What could be written is whole and readable: the inputs, the summaries of what was recorded, the log.
        assertThat(r.inputs()).isNotNull();
        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asLong()).isPositive();
        assertThat(r.artifact("profile_export_aiperf.csv")).exists();
        assertThat(r.text("logs/aiperf.log")).contains("No space left on device");
        Thread.sleep(1_000);
        assertThat(AiperfProcess.liveServiceJvms()).as("the run stopped cleanly").isEmpty();
    }
}
