package io.aiperf.core.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessUsageTest {

    private static final long MS = 1_000_000L;

    private long cpuNs;
    private long nowNs;
    private volatile long spun;

    @Test
    void theFirstCallHasNothingToCompareWith() {
        ProcessUsage usage = new ProcessUsage(() -> cpuNs, () -> nowNs, Path.of("/nonexistent"));
        assertThat(usage.cpuPercentSinceLastCall()).isNaN();
    }

    @Test
    void cpuIsTheCpuTimeOverTheWallTimeSinceThePreviousCall() {
        ProcessUsage usage = new ProcessUsage(() -> cpuNs, () -> nowNs, Path.of("/nonexistent"));
        usage.cpuPercentSinceLastCall();
        // Two cores busy for one second.
        cpuNs += 2_000 * MS;
        nowNs += 1_000 * MS;
        assertThat(usage.cpuPercentSinceLastCall()).isEqualTo(200.0);
        // Then a quarter of one core: the interval is measured from the previous call, not from the first.
        cpuNs += 125 * MS;
        nowNs += 500 * MS;
        assertThat(usage.cpuPercentSinceLastCall()).isEqualTo(25.0);
    }

    @Test
    void anUnknownCpuTimeIsNaNEveryTime() {
        ProcessUsage usage = new ProcessUsage(() -> -1, () -> nowNs, Path.of("/nonexistent"));
        usage.cpuPercentSinceLastCall();
        nowNs += 1_000 * MS;
        assertThat(usage.cpuPercentSinceLastCall()).isNaN();
    }

    @Test
    void noWallTimeSinceThePreviousCallIsNaNNotInfinity() {
        ProcessUsage usage = new ProcessUsage(() -> cpuNs, () -> nowNs, Path.of("/nonexistent"));
        usage.cpuPercentSinceLastCall();
        cpuNs += MS;
        assertThat(usage.cpuPercentSinceLastCall()).isNaN();
    }

    @Test
    void aBusyThreadShowsUpInThisJvmsCpu() throws Exception {
        ProcessUsage usage = ProcessUsage.ofThisJvm();
        assertThat(usage.cpuPercentSinceLastCall()).isNaN();
        long untilNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        Thread busy = new Thread(() -> {
            long spins = 0;
            while (System.nanoTime() < untilNs) {
                spins++;
            }
            spun = spins; // published, so the loop is not dead code
        });
        busy.start();
        busy.join();
        double cpu = usage.cpuPercentSinceLastCall();
        // The JDKs this project runs on report process CPU time on Linux, macOS and Windows.
        assertThat(cpu).isGreaterThan(0.0);
    }

    @Test
    void residentMemoryOfThisJvmIsPositiveOnLinux() {
        assumeTrue(Files.isReadable(ProcessUsage.PROC_STATUS), "no /proc/self/status: not Linux");
        assertThat(ProcessUsage.ofThisJvm().residentBytes()).isGreaterThan(0);
    }

    @Test
    void residentMemoryIsReadFromTheVmRssLineInKilobytes(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  204800 kB\nRssAnon:\t  100 kB\n");
        assertThat(new ProcessUsage(() -> 0, () -> 0, status).residentBytes()).isEqualTo(200L * 1024 * 1024);
    }

    @Test
    void anUnreadableOrMalformedStatusIsUnknown(@TempDir Path dir) throws Exception {
        assertThat(new ProcessUsage(() -> 0, () -> 0, dir.resolve("missing")).residentBytes()).isEqualTo(-1);
        assertThat(ProcessUsage.vmRssBytes("Name:\tjava\nVmSize:\t 100 kB\n")).isEqualTo(-1);
        assertThat(ProcessUsage.vmRssBytes("Name:\tjava\nVmRSS:\t lots\n")).isEqualTo(-1);
        assertThat(ProcessUsage.vmRssBytes("Name:\tjava\nVmRSS:\t 100 MB\n")).isEqualTo(-1);
        // Only at a line start: a process may name itself anything.
        assertThat(ProcessUsage.vmRssBytes("Name:\tVmRSS: 5 kB\n")).isEqualTo(-1);
    }
}
