package io.aiperf.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.aiperf.core.message.Message.GpuLive;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.message.Message.WorkerTable;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.GpuLiveRow;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.WorkerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        assertThat(text).as("no GPU data, no GPU panel").doesNotContain(" GPU (", "current");
    }

    /** Two GPUs behind {@code endpoint}, each with the panel's four fields and one it leaves out. */
    private static List<GpuLiveRow> gpus(String endpoint) {
        List<GpuLiveRow> rows = new ArrayList<>();
        for (int gpu = 0; gpu < 2; gpu++) {
            rows.add(new GpuLiveRow(endpoint, gpu, "NVIDIA H100 80GB HBM3", "gpu_power_usage", "GPU Power Usage", "W",
                    1234.5678 + gpu, 500, 100.125, 700, 690, 600, 480, 55.5));
            rows.add(new GpuLiveRow(endpoint, gpu, "NVIDIA H100 80GB HBM3", "gpu_utilization", "GPU Utilization",
                    "%", 97, 80, 0, 100, 100, 99, 85, 12));
            rows.add(new GpuLiveRow(endpoint, gpu, "NVIDIA H100 80GB HBM3", "mem_utilization",
                    "Memory Copy Utilization", "%", 40, 30, 0, 50, 50, 45, 30, 5));
            rows.add(new GpuLiveRow(endpoint, gpu, "NVIDIA H100 80GB HBM3", "gpu_memory_used", "GPU Memory Used",
                    "GB", 71.3, 70, 69, 72, 72, 71.5, 70, 0.5));
            rows.add(new GpuLiveRow(endpoint, gpu, "NVIDIA H100 80GB HBM3", "gpu_temperature", "GPU Temperature",
                    "°C", 61 + gpu, 60, 55, 66, 66, 65, 60, 3.25));
        }
        return rows;
    }

    private static int rowOf(String text, String what) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(what)) {
                return i;
            }
        }
        throw new AssertionError("not on screen: " + what + "\n" + text);
    }

    @Test
    void theGpuPanelSitsBetweenTheMetricsAndTheLogWithAPerGpuLinePerKeyField() throws IOException {
        Path log = dir.resolve("aiperf.log");
        Files.writeString(log, "the newest line\n");
        DashboardRenderer d = dashboard(log);
        d.start();
        RunView view = view(log);
        view.accept(new GpuLive(gpus("localhost:9401")));
        terminal.addInput(KeyStroke.fromString("l"));
        d.onTick(view, 1_000_000_000L);

        String text = screenText();
        assertThat(text).contains("GPU (2 GPUs: NVIDIA H100 80GB HBM3, updated every second)");
        String head = text.lines().filter(l -> l.contains("current")).findFirst().orElseThrow();
        assertThat(head.replaceAll(" +", " ").trim()).isEqualTo("│ Metric current avg min max p99 p90 p50 std │");
        assertThat(text).contains("GPU 0 Power Usage (W)", "GPU 0 Utilization (%)", "GPU 0 Memory Used (GB)",
                "GPU 0 Temperature (°C)", "GPU 1 Power Usage (W)", "GPU 1 Temperature (°C)");
        assertThat(text).as("the final table's number format").contains("1,234.57", "1,235.57", "100.13", "55.50");
        assertThat(text).as("a field the panel leaves out").doesNotContain("Memory Copy Utilization");
        assertThat(text).as("one exporter: no endpoint before the GPU").doesNotContain("localhost:9401 GPU");
        String power0 = text.lines().filter(l -> l.contains("GPU 0 Power Usage")).findFirst().orElseThrow();
        assertThat(power0.replaceAll(" +", " ").trim())
                .isEqualTo("│ GPU 0 Power Usage (W) 1,234.57 500.00 100.13 700.00 690.00 600.00 480.00 55.50 │");
        assertThat(rowOf(text, "Request Throughput")).isLessThan(rowOf(text, "GPU (2 GPUs"));
        assertThat(rowOf(text, "GPU 1 Temperature")).isLessThan(rowOf(text, "Log (the last lines"));
        assertThat(rowOf(text, "GPU 0 Temperature")).isLessThan(rowOf(text, "GPU 1 Power Usage"));
    }

    @Test
    void twoExportersPutTheirEndpointBeforeTheGpu() throws IOException {
        DashboardRenderer d = dashboard(null);
        d.start();
        RunView view = view(null);
        List<GpuLiveRow> rows = new ArrayList<>(gpus("127.0.0.1:8000/dcgm1"));
        rows.addAll(gpus("127.0.0.1:8000/dcgm2"));
        view.accept(new GpuLive(rows));
        d.onTick(view, 1_000_000_000L);
        assertThat(screenText()).contains("GPU (4 GPUs", "127.0.0.1:8000/dcgm1 GPU 0 Power Usage (W)",
                "127.0.0.1:8000/dcgm2 GPU 1 Temperature (°C)");
    }

    @Test
    void aShortTerminalKeepsEveryMetricRowAndCutsTheGpuPanelOrLeavesItOut() throws IOException {
        DashboardRenderer d = dashboard(null);
        d.start();
        RunView view = view(null);
        view.accept(new GpuLive(gpus("localhost:9401")));
        // 23 rows: 11 between the top panels and the keys; the metrics table takes its 5, the GPU panel the other 6
        // (frame, header, two lines and the "more" line).
        terminal.setTerminalSize(new TerminalSize(160, 23));
        d.onTick(view, 1_000_000_000L);
        String text = screenText();
        assertThat(text).contains("Time to First Token (ms)", "Request Throughput (requests/sec)");
        assertThat(text).contains("GPU 0 Power Usage (W)", "GPU 0 Utilization (%)", "… 6 more")
                .doesNotContain("GPU 1 Temperature");

        // 20 rows: the GPU panel would get 3, less than its header and one line: it is left out.
        terminal.setTerminalSize(new TerminalSize(160, 20));
        d.onTick(view, 1_000_000_001L);
        text = screenText();
        assertThat(text).contains("Time to First Token (ms)", "Request Throughput (requests/sec)")
                .doesNotContain("GPU 0 Power Usage");
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
