package io.aiperf.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.message.Message.WorkerTable;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.WorkerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard drawn onto Lanterna's virtual terminal and read back cell by cell. */
class DashboardRendererTest {

    @TempDir
    Path dir;

    private final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(160, 50));
    private final AtomicInteger interrupts = new AtomicInteger();

    private DashboardRenderer dashboard(Path log) throws IOException {
        return new DashboardRenderer(new TerminalScreen(terminal), terminal, new LogTail(log), interrupts::incrementAndGet,
                interrupts::incrementAndGet);
    }

    private static RunView view(Path log) {
        RunView view = new RunView(new RunHeader("demo-model", "chat (streaming)", "http://127.0.0.1:8000",
                "concurrency 4", -1, false, log));
        view.accept(new RunStage("profiling", System.currentTimeMillis() - 3_000, -1));
        view.accept(new RunProgress(CreditPhase.PROFILING, 530, 523, 3, 1000, 4, 3_000_000_000L));
        view.accept(new LiveMetrics(523, 3, List.of(
                new LiveMetric("time_to_first_token", "Time to First Token", "ms", 12.3456, 1.0, 1234.5, 99.0, 90.0,
                        50.0, 7.25),
                new LiveMetric("request_throughput", "Request Throughput", "requests/sec", 42.0, null, null, null,
                        null, null, null))));
        view.accept(new WorkerTable(List.of(new WorkerRow("worker-0", "running", 4, 523, 3, 37.5, 180L << 20))));
        return view;
    }

    private String screenText() {
        StringBuilder s = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int col = 0; col < size.getColumns(); col++) {
                s.append(terminal.getCharacter(col, row).getCharacterString());
            }
            s.append('\n');
        }
        return s.toString();
    }

    @Test
    void drawsProgressWorkersAndMetricsWithTheFinalTablesNumberFormat() throws IOException {
        Path log = dir.resolve("aiperf.log");
        DashboardRenderer d = dashboard(log);
        assertThat(d.start()).isTrue();
        d.onTick(view(log), 1_000_000_000L);

        String text = screenText();
        assertThat(text).contains("Progress", "Stage      profiling", "52.3% 523/1,000 profiling", "In flight  4",
                "Errors 3 (0.57%)", "Send lag   p99 n/a");
        assertThat(text).contains("Workers (1)", "worker-0", "running", "38", "180 MiB");
        assertThat(text).contains("Metrics (523 records", "Time to First Token (ms)", "12.35", "1,234.50", "7.25",
                "Request Throughput (requests/sec)", "N/A");
        assertThat(text).contains("q: stop early").doesNotContain("Log (the last lines");
    }

    @Test
    void theLogPaneTogglesWithLAndShowsTheLogsLastLines() throws IOException {
        Path log = dir.resolve("aiperf.log");
        Files.writeString(log, "first line\nsecond line\nthe newest line\n");
        DashboardRenderer d = dashboard(log);
        d.start();
        RunView view = view(log);
        terminal.addInput(KeyStroke.fromString("l"));
        d.onTick(view, 1_000_000_000L);
        assertThat(screenText()).contains("Log (the last lines of logs/aiperf.log)", "second line", "the newest line");

        terminal.addInput(KeyStroke.fromString("l"));
        d.onTick(view, 1_100_000_000L);
        assertThat(screenText()).doesNotContain("the newest line");
    }

    @Test
    void qStopsOnceAndCtrlCStopsEveryTime() throws IOException {
        DashboardRenderer d = dashboard(null);
        d.start();
        RunView view = view(null);
        terminal.addInput(KeyStroke.fromString("q"));
        terminal.addInput(KeyStroke.fromString("q"));
        d.onTick(view, 1L);
        assertThat(interrupts).hasValue(1);
        terminal.addInput(KeyStroke.fromString("<c-c>"));
        d.onTick(view, 2L);
        assertThat(interrupts).hasValue(2);
    }

    @Test
    void aResizeRedrawsAtTheNewSize() throws IOException {
        DashboardRenderer d = dashboard(null);
        d.start();
        RunView view = view(null);
        d.onTick(view, 1_000_000_000L);
        terminal.setTerminalSize(new TerminalSize(100, 30));
        d.onTick(view, 1_000_000_001L); // within the redraw interval: only the resize makes it draw
        String text = screenText();
        assertThat(text.lines().findFirst().orElseThrow()).hasSize(100);
        assertThat(text).contains("Progress", "Time to First Token");
        assertThat(text.lines().filter(l -> l.contains("┐")).findFirst().orElseThrow()).endsWith("┐");
    }

    @Test
    void closeLeavesThePrivateModeShowsTheCursorAndPrintsTheHeldLines() throws IOException {
        DashboardRenderer d = dashboard(null);
        d.start();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBytes, true);
        d.line("aiperf: warning: something to keep", err);
        assertThat(errBytes.size()).as("held while the screen is taken").isZero();
        d.close();
        assertThat(terminal.isCursorVisible()).isTrue();
        assertThat(errBytes.toString()).isEqualTo("aiperf: warning: something to keep" + System.lineSeparator());
    }
}
