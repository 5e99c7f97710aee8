package io.aiperf.ui;

import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RecordsProgress;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.WorkerTable;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.WorkerRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's thread in plain mode: what the CLI hands it is shown, in order, by the time {@code close} returns. */
class LiveUiTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private static final RunHeader HEADER = new RunHeader("m", "chat", "http://h", "request rate 10/s", -1, true,
            null);

    @Test
    void plainModeShowsEveryPhaseAndTheRecordsAndNoEscapeCode() {
        LiveUi ui = LiveUi.start(UiMode.NONE, HEADER, out, err, false, () -> { });
        ui.accept(new RunProgress(CreditPhase.WARMUP, 5, 5, 0, 5, 0, 1_000_000));
        ui.accept(new RunProgress(CreditPhase.PROFILING, 20, 20, 1, 20, 0, 2_000_000_000L));
        ui.accept(new RecordsProgress(20));
        ui.info("Profiling with 20 requests");
        ui.error("aiperf: warning: a warning of the controller");
        ui.close();
        String shown = outBytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Warmup: 5/5 requests (100%)", "Profiling: 20/20 requests (100%)",
                "Records: 20/20 processed (100%)", "Profiling with 20 requests").doesNotContain("\u001b", "\r");
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEqualTo("aiperf: warning: a warning of the controller"
                + System.lineSeparator());
    }

    @Test
    void theLoadWarningsReachStderrInPlainModeToo() {
        LiveUi ui = LiveUi.start(UiMode.NONE, HEADER, out, err, false, () -> { });
        ui.accept(new WorkerTable(List.of(new WorkerRow("worker-0", "running", 1, 1, 0, 50, 1))));
        ui.accept(new LiveMetrics(10, 0, List.of(new LiveMetric("send_lag", "Send Lag", "ms", 1.0, 0.0, 9.0, 4.0,
                1.0, 0.5, 1.0))));
        ui.close();
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .startsWith("aiperf: warning: send lag p99 is 4.00 ms (over 1 ms)");
    }

    @Test
    void closeTwiceIsHarmless() {
        LiveUi ui = LiveUi.start(UiMode.SIMPLE, HEADER, out, err, false, () -> { });
        ui.close();
        ui.close();
        assertThat(ui.mode()).isEqualTo(UiMode.SIMPLE);
    }
}
