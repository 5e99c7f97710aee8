package io.aiperf.cli.controller;

import io.aiperf.core.service.ServiceType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the worker JVMs, notices when one dies, and makes sure none outlives the run. */
final class WorkerSupervisor implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private volatile boolean stopping;

    void start(int count, String logLevel, Path logFile, List<String> busArgs) throws IOException {
        for (int i = 0; i < count; i++) {
            String id = "worker-" + i;
            processes.add(JvmLauncher.start(ServiceType.WORKER, id, logLevel, logFile, busArgs));
            ids.add(id);
        }
    }

    List<String> ids() {
        return List.copyOf(ids);
    }

    /** A one-line description of the first worker that exited while it was still needed, or null. */
    String deadWorker() {
        if (stopping) {
            return null;
        }
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            if (!p.isAlive()) {
                return ids.get(i) + " (pid " + p.pid() + ") exited unexpectedly with code " + p.exitValue();
            }
        }
        return null;
    }

    /** Workers are asked to exit over the bus first; this waits, then kills what is left. */
    void awaitExit(long timeoutMs) {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (Process p : processes) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
