package io.aiperf.core.controller;

import io.aiperf.core.message.Message.WorkerStatus;
import io.aiperf.core.message.Message.WorkerTable;
import io.aiperf.core.model.WorkerRow;

import java.util.ArrayList;
import java.util.List;

/**
 * The run's worker table for the live UI: the latest {@link WorkerStatus} of each worker and what the controller
 * knows of its process. Rows are in the workers' order ({@code worker-0}, {@code worker-1}, …: the load engine's
 * indices), so a row never moves. Controller thread only.
 *
 * <p>A worker is {@link WorkerRow#STARTING} until its first status, then {@link WorkerRow#RUNNING};
 * {@link WorkerRow#LOST} once its process exited (for good: a lost worker never comes back); every other worker is
 * {@link WorkerRow#STOPPED} once the load is over.
 */
final class WorkerTableBuilder {

    private final List<String> workerIds;
    private WorkerStatus[] latest;
    private boolean[] lost;
    private boolean ended;

    WorkerTableBuilder(List<String> workerIds) {
        this.workerIds = new ArrayList<>(workerIds);
        this.latest = new WorkerStatus[this.workerIds.size()];
        this.lost = new boolean[this.workerIds.size()];
    }

    /** A worker joined from another host: its row comes after the others. */
    void add(String workerId) {
        workerIds.add(workerId);
        latest = java.util.Arrays.copyOf(latest, workerIds.size());
        lost = java.util.Arrays.copyOf(lost, workerIds.size());
    }

    /** Keeps the status as the worker's latest; one from a worker not of this run is ignored. */
    void onStatus(WorkerStatus status) {
        int index = workerIds.indexOf(status.workerId());
        if (index >= 0) {
            latest[index] = status;
        }
    }

    /**
     * A new phase started: the workers count per phase, so the previous phase's counts are not shown as this one's
     * until each worker's next status.
     */
    void phaseStarted() {
        for (int w = 0; w < latest.length; w++) {
            WorkerStatus s = latest[w];
            if (s != null) {
                latest[w] = new WorkerStatus(s.workerId(), 0, 0, 0, s.cpuPercent(), s.memoryBytes());
            }
        }
    }

    /** The worker's process exited (index as in the worker list). */
    void lost(int index) {
        lost[index] = true;
    }

    /** The load is over: every worker still there is {@code stopped} from now on. */
    void runEnded() {
        ended = true;
    }

    WorkerTable table() {
        List<WorkerRow> rows = new ArrayList<>(latest.length);
        for (int w = 0; w < latest.length; w++) {
            rows.add(row(w));
        }
        return new WorkerTable(rows);
    }

    private WorkerRow row(int w) {
        String id = workerIds.get(w);
        WorkerStatus s = latest[w];
        long completed = s == null ? 0 : s.completed();
        long failed = s == null ? 0 : s.failed();
        if (lost[w]) {
            // What it held in flight was lost with it (recorded as errors); a dead process uses no CPU or memory.
            return new WorkerRow(id, WorkerRow.LOST, 0, completed, failed, Double.NaN, -1);
        }
        if (ended) {
            // Nothing is in flight once the load is over (returned, or abandoned after the grace period).
            return new WorkerRow(id, WorkerRow.STOPPED, 0, completed, failed, s == null ? Double.NaN : s.cpuPercent(),
                    s == null ? -1 : s.memoryBytes());
        }
        if (s == null) {
            return new WorkerRow(id, WorkerRow.STARTING, 0, 0, 0, Double.NaN, -1);
        }
        return new WorkerRow(id, WorkerRow.RUNNING, s.inFlight(), completed, failed, s.cpuPercent(), s.memoryBytes());
    }
}
