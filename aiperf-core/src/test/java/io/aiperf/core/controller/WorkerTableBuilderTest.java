package io.aiperf.core.controller;

import io.aiperf.core.message.Message.WorkerStatus;
import io.aiperf.core.model.WorkerRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerTableBuilderTest {

    private static final List<String> WORKERS = List.of("worker-0", "worker-1", "worker-2", "worker-10");

    private final WorkerTableBuilder table = new WorkerTableBuilder(WORKERS);

    @Test
    void everyWorkerIsStartingUntilItsFirstStatus() {
        assertThat(table.table().workers()).containsExactly(
                starting("worker-0"), starting("worker-1"), starting("worker-2"), starting("worker-10"));
    }

    @Test
    void aRowShowsTheWorkersLatestStatusAndKeepsItsPlace() {
        table.onStatus(new WorkerStatus("worker-10", 1, 2, 0, 10.0, 100));
        table.onStatus(new WorkerStatus("worker-1", 3, 40, 1, 55.5, 200_000_000L));
        table.onStatus(new WorkerStatus("worker-1", 4, 50, 2, 60.0, 210_000_000L));
        assertThat(table.table().workers()).containsExactly(
                starting("worker-0"),
                new WorkerRow("worker-1", WorkerRow.RUNNING, 4, 50, 2, 60.0, 210_000_000L),
                starting("worker-2"),
                // In the workers' order, not the ids' string order (which would put worker-10 before worker-2).
                new WorkerRow("worker-10", WorkerRow.RUNNING, 1, 2, 0, 10.0, 100));
    }

    @Test
    void aStatusFromAWorkerNotOfThisRunIsIgnored() {
        table.onStatus(new WorkerStatus("worker-7", 1, 1, 1, 1.0, 1));
        assertThat(table.table().workers()).extracting(WorkerRow::workerId).containsExactlyElementsOf(WORKERS);
        assertThat(table.table().workers()).extracting(WorkerRow::state).containsOnly(WorkerRow.STARTING);
    }

    @Test
    void aLostWorkerKeepsItsCountsButHoldsNothingAndUsesNothing() {
        table.onStatus(new WorkerStatus("worker-0", 5, 30, 3, 80.0, 300_000_000L));
        table.lost(0);
        table.lost(2);
        table.onStatus(new WorkerStatus("worker-0", 5, 31, 3, 80.0, 300_000_000L)); // sent just before it died
        assertThat(table.table().workers().get(0))
                .isEqualTo(new WorkerRow("worker-0", WorkerRow.LOST, 0, 31, 3, Double.NaN, -1));
        assertThat(table.table().workers().get(2))
                .isEqualTo(new WorkerRow("worker-2", WorkerRow.LOST, 0, 0, 0, Double.NaN, -1));
    }

    @Test
    void whenTheRunEndsRunningWorkersAreStoppedAndLostOnesStayLost() {
        table.onStatus(new WorkerStatus("worker-0", 2, 30, 3, 80.0, 300_000_000L));
        table.lost(1);
        table.runEnded();
        assertThat(table.table().workers()).extracting(WorkerRow::state)
                .containsExactly(WorkerRow.STOPPED, WorkerRow.LOST, WorkerRow.STOPPED, WorkerRow.STOPPED);
        assertThat(table.table().workers().get(0))
                .isEqualTo(new WorkerRow("worker-0", WorkerRow.STOPPED, 0, 30, 3, 80.0, 300_000_000L));
        // A later status (the workers keep reporting until Shutdown) does not bring a row back to running.
        table.onStatus(new WorkerStatus("worker-0", 0, 30, 3, 1.0, 300_000_000L));
        assertThat(table.table().workers().get(0).state()).isEqualTo(WorkerRow.STOPPED);
    }

    @Test
    void aNewPhaseStartsTheCountsAtZeroButKeepsTheWorkerRunning() {
        table.onStatus(new WorkerStatus("worker-0", 2, 30, 3, 80.0, 300_000_000L));
        table.phaseStarted();
        assertThat(table.table().workers().get(0))
                .isEqualTo(new WorkerRow("worker-0", WorkerRow.RUNNING, 0, 0, 0, 80.0, 300_000_000L));
        assertThat(table.table().workers().get(1)).isEqualTo(starting("worker-1"));
    }

    private static WorkerRow starting(String id) {
        return new WorkerRow(id, WorkerRow.STARTING, 0, 0, 0, Double.NaN, -1);
    }

    /** A worker that joins from another host gets the next row; its statuses count from then on. */
    @Test
    void aJoinedWorkerGetsTheNextRow() {
        table.add("gpu-box-2-77");
        table.onStatus(new io.aiperf.core.message.Message.WorkerStatus("gpu-box-2-77", 3, 10, 0, 40.0, 1L));

        assertThat(table.table().workers()).hasSize(WORKERS.size() + 1);
        assertThat(table.table().workers().get(WORKERS.size()).workerId()).isEqualTo("gpu-box-2-77");
        assertThat(table.table().workers().get(WORKERS.size()).inFlight()).isEqualTo(3);
    }
}
