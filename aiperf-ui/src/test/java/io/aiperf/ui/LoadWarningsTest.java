package io.aiperf.ui;

import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.WorkerTable;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.WorkerRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadWarningsTest {

    private static final long S = 1_000_000_000L;

    private static RunView view(boolean openLoop) {
        return new RunView(new RunHeader("m", "chat", "http://h", "request rate 100/s", -1, openLoop, null));
    }

    private static WorkerTable worker(double cpu) {
        return new WorkerTable(List.of(new WorkerRow("worker-0", "running", 10, 100, 0, cpu, 1 << 28),
                new WorkerRow("worker-1", "running", 10, 100, 0, 20, 1 << 28)));
    }

    private static LiveMetrics sendLagP99(double ms) {
        return new LiveMetrics(10, 0, List.of(new LiveMetric("send_lag", "Send Lag", "ms", 0.5, 0.0, ms, ms, 0.5,
                0.2, 0.1)));
    }

    @Test
    void aWorkerBusyForFiveSecondsIsNamedOnceWithTheAdvice() {
        LoadWarnings warnings = new LoadWarnings();
        RunView view = view(true);
        view.accept(worker(97));
        assertThat(warnings.check(view, 0)).isEmpty();
        assertThat(warnings.check(view, 4 * S)).isEmpty();
        List<String> due = warnings.check(view, 5 * S);
        assertThat(due).singleElement().asString().startsWith("worker-0 has used over 85% of a CPU core for 5 s")
                .endsWith("the client may be the bottleneck: add --workers-max or machines");
        assertThat(warnings.check(view, 9 * S)).isEmpty();
    }

    @Test
    void theThresholdIsAiperfsHighLoadSetting() {
        LoadWarnings at60 = new LoadWarnings(60);
        LoadWarnings byDefault = new LoadWarnings();
        RunView view = view(true);
        view.accept(worker(70));
        at60.check(view, 0);
        byDefault.check(view, 0);
        assertThat(at60.check(view, 5 * S)).singleElement().asString()
                .startsWith("worker-0 has used over 60% of a CPU core for 5 s");
        assertThat(byDefault.check(view, 5 * S)).isEmpty();
    }

    @Test
    void aDipBelowTheThresholdStartsTheFiveSecondsOver() {
        LoadWarnings warnings = new LoadWarnings();
        RunView view = view(true);
        view.accept(worker(97));
        warnings.check(view, 0);
        view.accept(worker(60));
        warnings.check(view, 3 * S);
        view.accept(worker(97));
        assertThat(warnings.check(view, 4 * S)).isEmpty();
        assertThat(warnings.check(view, 8 * S)).isEmpty();
        assertThat(warnings.check(view, 9 * S)).hasSize(1);
    }

    @Test
    void anUnknownCpuNeverWarns() {
        LoadWarnings warnings = new LoadWarnings();
        RunView view = view(true);
        view.accept(worker(Double.NaN));
        warnings.check(view, 0);
        assertThat(warnings.check(view, 60 * S)).isEmpty();
    }

    @Test
    void sendLagAboveOneMillisecondWarnsOnceOnAScheduleAndNeverInAClosedLoop() {
        LoadWarnings warnings = new LoadWarnings();
        RunView open = view(true);
        open.accept(sendLagP99(0.9));
        assertThat(warnings.check(open, 0)).isEmpty();
        open.accept(sendLagP99(2.5));
        assertThat(warnings.check(open, S)).singleElement().asString()
                .startsWith("send lag p99 is 2.50 ms (over 1 ms): requests leave later than scheduled");
        assertThat(warnings.check(open, 2 * S)).isEmpty();

        LoadWarnings closedLoop = new LoadWarnings();
        RunView burst = view(false);
        burst.accept(sendLagP99(25));
        assertThat(closedLoop.check(burst, 0)).isEmpty();
    }
}
