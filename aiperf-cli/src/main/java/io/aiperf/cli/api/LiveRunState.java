package io.aiperf.cli.api;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RunProgress;
import io.aiperf.core.message.Message.RunStage;
import io.aiperf.core.message.Message.WorkerTable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the API serves: the latest of each kind of event the controller published, and which run of the command
 * they belong to. Written by the CLI's run loop, read by the server's thread: each field is replaced whole (the
 * messages are immutable), so a reader sees one consistent message of each kind, never half of one.
 */
public final class LiveRunState implements Consumer<Message> {

    /** Which run of the command the events are from. @param index 1 for the first run of a plan */
    public record Run(int index, String benchmarkId, String artifactDir) {
    }

    /** Everything at one moment; a field is null until its first event. */
    public record Snapshot(Run run, boolean running, Integer lastExitCode, RunStage stage,
                           Map<String, RunProgress> progressByPhase, RunProgress progress, LiveMetrics metrics,
                           WorkerTable workers) {
    }

    private volatile Run run;
    private volatile boolean running;
    private volatile Integer lastExitCode;
    private volatile RunStage stage;
    private volatile RunProgress progress;
    private volatile LiveMetrics metrics;
    private volatile WorkerTable workers;
    private final Map<String, RunProgress> byPhase = new ConcurrentHashMap<>();

    /** A run of the command starts: what the previous one published no longer describes it. */
    public void runStarted(BenchmarkConfig config) {
        Run previous = run;
        byPhase.clear();
        progress = null;
        metrics = null;
        workers = null;
        stage = null;
        run = new Run(previous == null ? 1 : previous.index() + 1, config.benchmarkId(),
                config.output().artifactDir());
        running = true;
    }

    /** The run ended with {@code exitCode}; its last events stay readable until the next run starts. */
    public void runFinished(int exitCode) {
        lastExitCode = exitCode;
        running = false;
    }

    @Override
    public void accept(Message m) {
        if (m instanceof RunProgress p) {
            byPhase.put(p.phase().exportName(), p);
            progress = p;
        } else if (m instanceof LiveMetrics l) {
            metrics = l;
        } else if (m instanceof WorkerTable w) {
            workers = w;
        } else if (m instanceof RunStage s) {
            stage = s;
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(run, running, lastExitCode, stage, Map.copyOf(byPhase), progress, metrics, workers);
    }
}
