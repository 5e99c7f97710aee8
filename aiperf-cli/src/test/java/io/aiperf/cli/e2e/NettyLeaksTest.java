package io.aiperf.cli.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The e2e suite's leak check finds Netty's report in a run's log, and only there. */
class NettyLeaksTest {

    @Test
    void findsTheLeakReportInARunsLog(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("run/logs"));
        Files.writeString(logs.resolve("aiperf.log"), """
                2026-12-02 17:00:00.000 INFO  [worker-0] i.a.w.WorkerService - worker-0 shutting down
                2026-12-02 17:00:00.100 ERROR [worker-0] i.n.u.ResourceLeakDetector - LEAK: ByteBuf.release() was not \
                called before it's garbage-collected. See https://netty.io/wiki/reference-counted-objects.html
                Recent access records:
                #1:
                \tio.netty.buffer.AdvancedLeakAwareByteBuf.readBytes(AdvancedLeakAwareByteBuf.java:1)
                """);
        Files.writeString(dir.resolve("stdout.txt"), "LEAK: not a run log\n");

        assertThat(NettyLeaks.reportedUnder(dir)).singleElement().asString()
                .contains("aiperf.log", "LEAK: ByteBuf.release()", "Recent access records:");
    }

    @Test
    void aCleanLogOrNoDirectoryReportsNothing(@TempDir Path dir) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("run/logs")).resolve("aiperf.log"), "all fine\n");
        assertThat(NettyLeaks.reportedUnder(dir)).isEmpty();
        assertThat(NettyLeaks.reportedUnder(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void aSuiteLevelComesBeforeATestsOwnOptions() {
        assumeTrue(System.getProperty(NettyLeaks.LEVEL_PROPERTY) == null, "suite run with its own leak level");
        assertThat(NettyLeaks.withSuiteLevel(" -Daiperf.worker.warmup=false ")).isEqualTo("-Daiperf.worker.warmup=false");
        System.setProperty(NettyLeaks.LEVEL_PROPERTY, "paranoid");
        try {
            assertThat(NettyLeaks.withSuiteLevel(null)).isEqualTo(NettyLeaks.PARANOID);
            assertThat(NettyLeaks.withSuiteLevel("-Xmx1g")).isEqualTo(NettyLeaks.PARANOID + " -Xmx1g");
        } finally {
            System.clearProperty(NettyLeaks.LEVEL_PROPERTY);
        }
    }
}
