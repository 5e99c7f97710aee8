package io.aiperf.ui;

import io.aiperf.core.message.Message.RecordsProgress;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            1_000_000_000L);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAtMostOneLinePerIntervalAndTheFinalLine() {
        printer.onProgress(new RunProgress(CreditPhase.PROFILING, 4, 0, 0, 24, 4, 0), 0);
        printer.onProgress(new RunProgress(CreditPhase.PROFILING, 6, 2, 0, 24, 4, 100_000_000L), 100_000_000L);
        printer.onProgress(new RunProgress(CreditPhase.PROFILING, 10, 6, 0, 24, 4, 1_100_000_000L), 1_100_000_000L);
        printer.onProgress(new RunProgress(CreditPhase.PROFILING, 24, 24, 1, 24, 0, 1_200_000_000L), 1_200_000_000L);

        assertThat(printed().lines()).containsExactly(
                "Profiling: 0/24 requests (0%) | in flight 4 | errors 0 | 0.0 s",
                "Profiling: 6/24 requests (25%) | in flight 4 | errors 0 | 1.1 s",
                "Profiling: 24/24 requests (100%) | in flight 0 | errors 1 | 1.2 s");
    }

    @Test
    void aNewPhaseAlwaysPrintsAndNothingIsEscaped() {
        printer.onProgress(new RunProgress(CreditPhase.WARMUP, 2, 2, 0, 2, 0, 5), 5);
        printer.onProgress(new RunProgress(CreditPhase.PROFILING, 1, 0, 0, 10, 1, 6), 6);
        assertThat(printed()).contains("Warmup: 2/2").contains("Profiling: 0/10").doesNotContain("\u001b");
    }

    @Test
    void aRunBoundedByTimeShowsElapsedInsteadOfATotal() {
        printer.onProgress(new RunProgress(CreditPhase.PROFILING, 40, 37, 0, -1, 3, 2_500_000_000L), 0);
        assertThat(printed().strip()).isEqualTo("Profiling: 37 requests done | in flight 3 | errors 0 | 2.5 s");
    }

    @Test
    void recordsGetLinesOfTheirOwnAgainstTheProfilingTotal() {
        printer.onProgress(new RunProgress(CreditPhase.PROFILING, 6, 4, 1, 10, 2, 0), 0);
        printer.onRecords(new RecordsProgress(3), 0);
        printer.onRecords(new RecordsProgress(5), 500_000_000L);
        printer.onRecords(new RecordsProgress(10), 600_000_000L);
        assertThat(printed().lines()).containsExactly(
                "Profiling: 4/10 requests (40%) | in flight 2 | errors 1 | 0.0 s",
                "Records: 3/10 processed (30%)",
                "Records: 10/10 processed (100%)");
    }

    @Test
    void recordsOfARunWithoutATotalAreJustCounted() {
        printer.onProgress(new RunProgress(CreditPhase.PROFILING, 40, 37, 0, -1, 3, 0), 0);
        printer.onRecords(new RecordsProgress(30), 2_000_000_000L);
        assertThat(printed().lines()).last().isEqualTo("Records: 30 processed");
    }
}
