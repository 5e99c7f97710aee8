package io.aiperf.core.controller;

import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.service.ClassDataArchives;
import io.aiperf.core.service.ClassDataArchives.ArchiveUse;
import io.aiperf.core.service.JvmLauncher;
import io.aiperf.core.service.ServiceCommandLine;
import io.aiperf.core.service.ServiceType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts the run's service JVMs (the records manager and the workers), notices when one dies while it is still
 * needed, and makes sure none outlives the run. During the load phases a worker that dies is reported once by
 * {@link #newlyExitedWorkers} (the run goes on without it) and from then on no longer counts as a dead service.
 * Workers that joined from other hosts ({@link #joined}) come after the started ones in {@link #workerIds()}; the
 * controller cannot see their processes, so it says when one is lost ({@link #joinedWorkerLost}), and from then on
 * it is reported like a dead local one. Controller thread only, except {@link #close} (the parent watch).
 */
public final class ServiceSupervisor implements AutoCloseable {

    /** The records manager's service id; there is one per run. */
    public static final String RECORDS_MANAGER_ID = "records-manager";
    /** The telemetry manager: optional, so its death is a warning, never the end of the run. */
    public static final String TELEMETRY_MANAGER_ID = "telemetry-manager";

    private final List<Child> children = new ArrayList<>();
    private final List<String> workerIds = new ArrayList<>();
    /** How many of {@link #workerIds} the controller started; the rest joined. */
    private int startedWorkers;
    /** Joined workers declared lost and not reported yet by {@link #newlyExitedWorkers}. */
    private final List<ExitedWorker> joinedLost = new ArrayList<>();
    private final Map<String, Long> joinedPids = new HashMap<>();
    /** The first fixed port of the remote-facing channels ({@code --zmq-port}), for the records manager; 0: none. */
    private final int zmqPort;
    /** Workers whose exit was reported by {@link #newlyExitedWorkers}: the run goes on without them. */
    private final Set<String> lostWorkers = new HashSet<>();
    /** Null when service JVMs start without class-data archives. */
    private final ClassDataArchives archives = ClassDataArchives.forThisJvm();
    private volatile boolean stopping;

    private record Child(String id, Process process, ArchiveUse archive) {
    }

    /** @param zmqPort {@code --zmq-port}: the records manager binds the records channel at its fixed port; 0: none */
    public ServiceSupervisor(int zmqPort) {
        this.zmqPort = zmqPort;
    }

    /**
     * A worker whose process exited, or a joined worker that was lost, during the run.
     *
     * @param index    the worker's index (the load engine's), its position in {@link #workerIds()}
     * @param exitCode the process's exit code; -1 for a joined worker (its process is on another host)
     * @param describe one line: {@code worker-1 (pid 4242) exited unexpectedly with code 137}
     */
    public record ExitedWorker(String id, int index, long pid, int exitCode, String describe) {

        /** A worker this controller started, whose process exited. */
        static ExitedWorker started(String id, int index, long pid, int exitCode) {
            return new ExitedWorker(id, index, pid, exitCode, id + " (pid " + pid + ") exited unexpectedly with code "
                    + exitCode);
        }
    }

    /** Starts the records manager and {@code workers} workers; a second call with the same count does nothing. */
    public void start(int workers, String logLevel, Path logFile, ServiceEndpoints endpoints) throws IOException {
        if (!children.isEmpty()) {
            if (startedWorkers != workers) {
                throw new IllegalStateException(startedWorkers + " workers were started, the run has " + workers);
            }
            return;
        }
        start(ServiceType.RECORDS_MANAGER, RECORDS_MANAGER_ID, true, logLevel, logFile, endpoints);
        for (int i = 0; i < workers; i++) {
            String id = "worker-" + i;
            // One worker records the workers' archive: they all load the same classes.
            start(ServiceType.WORKER, id, i == 0, logLevel, logFile, endpoints);
            workerIds.add(id);
        }
        startedWorkers = workers;
    }

    /** A worker from another host joined; it takes the next worker index. */
    public void joined(String id, long pid) {
        workerIds.add(id);
        joinedPids.put(id, pid);
    }

    /** The worker joined from another host (it is not one this controller started). */
    public boolean isJoined(String id) {
        return joinedPids.containsKey(id);
    }

    /**
     * A joined worker is gone ({@code cause}: one line, e.g. {@code on host-b went silent for 10 s}): reported once by
     * {@link #newlyExitedWorkers}. A second call for the same worker does nothing.
     */
    public void joinedWorkerLost(String id, String cause) {
        int index = workerIds.indexOf(id);
        if (index < startedWorkers || lostWorkers.contains(id)
                || joinedLost.stream().anyMatch(w -> w.id().equals(id))) {
            return;
        }
        long pid = joinedPids.getOrDefault(id, -1L);
        joinedLost.add(new ExitedWorker(id, index, pid, -1, id + " (pid " + pid + ") " + cause));
    }

    private void start(ServiceType type, String id, boolean mayRecordArchive, String logLevel, Path logFile,
                       ServiceEndpoints endpoints) throws IOException {
        ArchiveUse archive = archives == null ? ArchiveUse.NONE : archives.forLaunch(type, mayRecordArchive);
        ServiceCommandLine service = new ServiceCommandLine(type, id, logFile, endpoints, 0,
                type == ServiceType.RECORDS_MANAGER ? zmqPort : 0);
        children.add(new Child(id, JvmLauncher.start(service, logLevel, archive), archive));
    }

    /** Starts the telemetry manager once; the run goes on without it if it dies ({@link #deadService} skips it). */
    public void startTelemetry(String logLevel, Path logFile, ServiceEndpoints endpoints) throws IOException {
        if (telemetryStarted()) {
            return;
        }
        start(ServiceType.TELEMETRY_MANAGER, TELEMETRY_MANAGER_ID, true, logLevel, logFile, endpoints);
    }

    public boolean telemetryStarted() {
        return children.stream().anyMatch(c -> c.id().equals(TELEMETRY_MANAGER_ID));
    }

    /** The telemetry manager was started and its process still runs. */
    public boolean telemetryAlive() {
        return children.stream().anyMatch(c -> c.id().equals(TELEMETRY_MANAGER_ID) && c.process().isAlive());
    }

    /** The workers' ids, in start order (the load engine's worker indexes). */
    public List<String> workerIds() {
        return List.copyOf(workerIds);
    }

    /** A one-line description of the first service that exited while it was still needed, or null. */
    public String deadService() {
        if (stopping) {
            return null;
        }
        for (Child c : children) {
            if (!c.process().isAlive() && !lostWorkers.contains(c.id()) && !c.id().equals(TELEMETRY_MANAGER_ID)) {
                return c.id() + " (pid " + c.process().pid() + ") exited unexpectedly with code "
                        + c.process().exitValue();
            }
        }
        return null;
    }

    /**
     * The workers that exited since the last call, each reported once; from then on {@link #deadService} passes
     * over them. Empty once the services are being stopped.
     */
    public List<ExitedWorker> newlyExitedWorkers() {
        if (stopping) {
            return List.of();
        }
        List<ExitedWorker> exited = null; // called on every pass of the load loop: nothing allocated while all live
        if (!joinedLost.isEmpty()) {
            exited = new ArrayList<>(joinedLost);
            joinedLost.forEach(w -> lostWorkers.add(w.id()));
            joinedLost.clear();
        }
        for (Child c : children) {
            if (c.process().isAlive()) {
                continue;
            }
            int index = workerIds.indexOf(c.id());
            if (index >= 0 && lostWorkers.add(c.id())) {
                if (exited == null) {
                    exited = new ArrayList<>();
                }
                exited.add(ExitedWorker.started(c.id(), index, c.process().pid(), c.process().exitValue()));
            }
        }
        return exited == null ? List.of() : exited;
    }

    /**
     * Services are asked to exit over the bus first; this waits, then kills what is left. A service recording its
     * class-data archive writes it as it exits, which takes a few seconds more: then the wait is longer.
     */
    public void awaitExit(long timeoutMs) {
        stopping = true;
        boolean recording = children.stream().anyMatch(c -> c.archive().records());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs)
                + (recording ? ClassDataArchives.RECORDING_EXIT_NS : 0);
        for (Child c : children) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !c.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    c.process().destroyForcibly();
                    c.archive().afterExit(-1);
                } else {
                    c.archive().afterExit(c.process().exitValue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.process().destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        for (Child c : children) {
            if (c.process().isAlive()) {
                c.process().destroyForcibly();
            }
            c.archive().afterExit(-1);
        }
    }
}
