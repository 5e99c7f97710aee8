package io.aiperf.core.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Driven by a fake clock and a fake compile-time counter: nothing sleeps. */
class CompilerQuietTest {

    private static final long MS = 1_000_000L;

    private long nowNs;
    private long compileMs;

    @Test
    void waitsUntilTheCompilersAddedNoTimeForTheQuietWindow() throws Exception {
        // The compilers keep working for the first 200 ms, then stop.
        CompilerQuiet quiet = new CompilerQuiet(() -> compileMs, () -> nowNs, ms -> {
            nowNs += ms * MS;
            if (nowNs <= 200 * MS) {
                compileMs += 7;
            }
        });
        long waited = quiet.await(150 * MS, 3_000 * MS);
        assertThat(waited).isBetween(350 * MS, 400 * MS);
    }

    @Test
    void aJvmThatIsAlreadyQuietWaitsOnlyTheWindow() throws Exception {
        CompilerQuiet quiet = new CompilerQuiet(() -> compileMs, () -> nowNs, ms -> nowNs += ms * MS);
        assertThat(quiet.await(150 * MS, 3_000 * MS)).isBetween(150 * MS, 175 * MS);
    }

    @Test
    void givesUpAtTheMaximumWhenTheCompilersNeverStop() throws Exception {
        CompilerQuiet quiet = new CompilerQuiet(() -> compileMs, () -> nowNs, ms -> {
            nowNs += ms * MS;
            compileMs++;
        });
        assertThat(quiet.await(150 * MS, 1_000 * MS)).isBetween(1_000 * MS, 1_025 * MS);
    }

    @Test
    void thisJvmReportsItsCompilers() {
        assertThat(CompilerQuiet.ofThisJvm()).isNotNull();
    }
}
