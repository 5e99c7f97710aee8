package io.aiperf.ui;

import io.aiperf.core.message.Message.GpuLive;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RecordsProgress;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.message.Message.WorkerTable;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.GpuLiveRow;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.core.model.WorkerRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunViewTest {

    private static final long S = 1_000_000_000L;

    private static RunView view(long durationNs) {
        return new RunView(new RunHeader("m", "chat", "http://h", "concurrency 4", durationNs, false, null));
    }

    @Test
    void requestsInFlightAreTheWorkersCountOnceTheyReportNotTheCreditsTheControllerHandedOut() {
        RunView v = view(0);
        // Concurrency 2 with worker-held slots: the controller has 4 credits out, 2 of them waiting for a slot.
        RunProgress p = new RunProgress(CreditPhase.PROFILING, 4, 0, 0, 8, 4, 0);
        v.accept(p);
        assertThat(v.requestsInFlight(p)).isEqualTo(4); // nothing from the workers yet

        v.accept(new WorkerTable(List.of(new WorkerRow("worker-0", "running", 1, 0, 0, 10, 1),
                new WorkerRow("worker-1", "running", 1, 0, 0, 10, 1))));
        assertThat(v.requestsInFlight(p)).isEqualTo(2);
    }

    @Test
    void theStageFollowsTheControllerAndFallsBackOnThePhaseOfTheProgress() {
        RunView view = view(-1);
        assertThat(view.stage()).isEqualTo("starting");
        view.accept(new RunProgress(CreditPhase.WARMUP, 1, 0, 0, 10, 1, 0));
        assertThat(view.stage()).isEqualTo("warmup");
        view.accept(new RunProgress(CreditPhase.PROFILING, 1, 0, 0, 100, 1, 0));
        assertThat(view.stage()).isEqualTo("profiling");
        view.accept(new RunStage("grace", 1_000, 30 * S));
        assertThat(view.stage()).isEqualTo("grace");
        assertThat(view.stageDurationNs()).isEqualTo(30 * S);
    }

    @Test
    void theRequestRateCountsOnlyTheCurrentPhase() {
        RunView view = view(-1);
        view.accept(new RunProgress(CreditPhase.WARMUP, 50, 50, 0, 50, 0, S));
        view.tick(0);
        view.accept(new RunProgress(CreditPhase.PROFILING, 0, 0, 0, 100, 0, 0));
        view.tick(S);
        view.accept(new RunProgress(CreditPhase.PROFILING, 24, 20, 0, 100, 4, S));
        view.tick(2 * S);
        assertThat(view.requestRate(2 * S)).isCloseTo(20, within(1e-9));
        assertThat(view.remainingNs(2 * S)).isEqualTo(4 * S); // 80 left at 20/s
    }

    @Test
    void aDurationRunsRemainingTimeIsTheDurationLeftNotAnEstimate() {
        RunView view = view(60 * S);
        view.accept(new RunProgress(CreditPhase.PROFILING, 10, 5, 0, 0, 5, 15 * S));
        assertThat(view.remainingNs(0)).isEqualTo(45 * S);
    }

    @Test
    void recordsAndSendLagComeFromTheRecordsManager() {
        RunView view = view(-1);
        view.accept(new RecordsProgress(7));
        assertThat(view.recordsProcessed()).isEqualTo(7);
        assertThat(view.sendLagP99Ms()).isNaN();
        view.accept(new LiveMetrics(9, 2, List.of(new LiveMetric("send_lag", "Send Lag", "ms", 0.1, 0.0, 3.0, 1.5,
                0.2, 0.1, 0.05))));
        assertThat(view.recordsProcessed()).isEqualTo(9);
        assertThat(view.recordErrors()).isEqualTo(2);
        assertThat(view.sendLagP99Ms()).isEqualTo(1.5);
        // A records progress published before the snapshot arrives late: the count never goes back.
        view.accept(new RecordsProgress(8));
        assertThat(view.recordsProcessed()).isEqualTo(9);
    }

    @Test
    void onlyTheLastNoticesAreKept() {
        RunView view = view(-1);
        for (int i = 0; i < 30; i++) {
            view.notice("line " + i);
        }
        assertThat(view.notices()).hasSize(20).startsWith("line 10").endsWith("line 29");
    }

    @Test
    void theLatestGpuStatisticsReplaceTheEarlierOnes() {
        RunView view = view(-1);
        assertThat(view.gpus()).isEmpty();
        long before = view.version();
        GpuLiveRow first = new GpuLiveRow("localhost:9401", 0, null, "gpu_power_usage", "GPU Power Usage", "W", 100,
                100, 100, 100, 100, 100, 100, 0);
        view.accept(new GpuLive(List.of(first)));
        GpuLiveRow second = new GpuLiveRow("localhost:9401", 0, null, "gpu_power_usage", "GPU Power Usage", "W", 300,
                200, 100, 300, 300, 300, 200, 100);
        view.accept(new GpuLive(List.of(second)));
        assertThat(view.gpus()).containsExactly(second);
        assertThat(view.version()).isEqualTo(before + 2);
    }
}
