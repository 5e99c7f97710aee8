package io.aiperf.ui;

import io.aiperf.core.message.Message;
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

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Everything the live UI knows about the run, folded from the messages the controller publishes: the latest of each
 * kind, and the rates derived from them. Every renderer draws from this one model, so the dashboard, the simple bar
 * and the plain lines can never disagree on a number.
 *
 * <p><b>Thread:</b> owned by the UI thread (see {@link LiveUi}); not thread-safe.
 */
public final class RunView {

    /** The request rate and records/s are taken over this window: long enough to smooth a burst, short enough to show a stall. */
    static final long RATE_WINDOW_NS = TimeUnit.SECONDS.toNanos(5);

    /** The stage before the controller's first word: the service JVMs are booting. */
    public static final String STARTING = "starting";

    private final RunHeader header;
    private final RateWindow requestRate = new RateWindow(RATE_WINDOW_NS, 64);
    private final RateWindow recordRate = new RateWindow(RATE_WINDOW_NS, 64);
    private final Deque<String> notices = new ArrayDeque<>();

    private String stage;
    private long stageSinceEpochMs;
    private long stageDurationNs = -1;
    private RunProgress progress;
    private long profilingTotal = -1;
    private long recordsProcessed;
    private long recordErrors;
    private List<LiveMetric> metrics = List.of();
    private List<WorkerRow> workers = List.of();
    private List<GpuLiveRow> gpus = List.of();
    /** Bumped by every change a renderer should show. */
    private long version;

    public RunView(RunHeader header) {
        this.header = header;
    }

    /** Folds in one message from the controller; kinds the UI does not show are ignored. */
    public void accept(Message m) {
        if (m instanceof RunProgress p) {
            if (progress != null && progress.phase() != p.phase()) {
                requestRate.reset(); // a new phase: its count starts again
            }
            progress = p;
            if (p.phase() == CreditPhase.PROFILING) {
                profilingTotal = p.total();
            }
        } else if (m instanceof RecordsProgress r) {
            recordsProcessed = Math.max(recordsProcessed, r.processed());
        } else if (m instanceof LiveMetrics l) {
            recordsProcessed = Math.max(recordsProcessed, l.processed());
            recordErrors = l.errors();
            metrics = l.metrics();
        } else if (m instanceof WorkerTable t) {
            workers = t.workers();
        } else if (m instanceof GpuLive g) {
            gpus = g.rows();
        } else if (m instanceof RunStage s) {
            stage = s.stage();
            stageSinceEpochMs = s.sinceEpochMs();
            stageDurationNs = s.durationNs();
        } else {
            return;
        }
        version++;
    }

    /** A notice or warning for the user, kept as the last few. */
    public void notice(String line) {
        notices.addLast(line);
        while (notices.size() > 20) {
            notices.removeFirst();
        }
        version++;
    }

    /** Samples the counts for the rates; called on every UI tick, whether or not anything arrived. */
    public void tick(long nowNs) {
        if (progress != null) {
            requestRate.add(nowNs, progress.completed());
        }
        recordRate.add(nowNs, recordsProcessed);
    }

    public RunHeader header() {
        return header;
    }

    /**
     * Where the run is: the controller's {@link RunStage} when it has sent one, else the phase of the latest progress
     * ({@code warmup}, {@code profiling}), else {@code starting}.
     */
    public String stage() {
        if (stage != null) {
            return stage;
        }
        if (progress == null) {
            return STARTING;
        }
        return progress.phase() == CreditPhase.WARMUP ? RunStage.WARMUP : RunStage.PROFILING;
    }

    public long stageSinceEpochMs() {
        return stageSinceEpochMs;
    }

    /** How long the current stage lasts when it is time-bound, else -1. */
    public long stageDurationNs() {
        return stageDurationNs;
    }

    /** The latest progress of the phase under way, or null before the first. */
    public RunProgress progress() {
        return progress;
    }

    /** The profiling phase's planned request count, or -1 when unknown or bounded otherwise (time, a trace). */
    public long profilingTotal() {
        return profilingTotal;
    }

    public long recordsProcessed() {
        return recordsProcessed;
    }

    /** Of the records processed, the failed ones (as of the latest live metrics). */
    public long recordErrors() {
        return recordErrors;
    }

    /** The console metrics so far, in console order and display units; empty before the first snapshot. */
    public List<LiveMetric> metrics() {
        return metrics;
    }

    public List<WorkerRow> workers() {
        return workers;
    }

    /**
     * Requests on the wire: the workers' own count once they have reported, else the controller's. The controller's
     * count also holds the turns it handed a worker ahead of a free slot, so with --concurrency 2 it can read 4.
     */
    public long requestsInFlight(RunProgress p) {
        if (workers.isEmpty()) {
            return p.inFlight();
        }
        long sum = 0;
        for (WorkerRow w : workers) {
            sum += w.inFlight();
        }
        return sum;
    }

    /**
     * The GPU statistics of the latest {@link GpuLive} (a row per GPU per field, display units); empty unless the run
     * asked for them ({@code --gpu-telemetry dashboard}) and an exporter answered.
     */
    public List<GpuLiveRow> gpus() {
        return gpus;
    }

    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Requests completed per second over the last {@link #RATE_WINDOW_NS}, or NaN. */
    public double requestRate(long nowNs) {
        return requestRate.perSecond(nowNs);
    }

    /** Records turned into metrics per second over the last {@link #RATE_WINDOW_NS}, or NaN. */
    public double recordRate(long nowNs) {
        return recordRate.perSecond(nowNs);
    }

    /** The {@code send_lag} p99 so far in its display unit (ms), or NaN when the run has no schedule to lag behind. */
    public double sendLagP99Ms() {
        for (LiveMetric m : metrics) {
            if ("send_lag".equals(m.tag())) {
                return m.p99() == null ? Double.NaN : m.p99();
            }
        }
        return Double.NaN;
    }

    /**
     * Time left in a duration-bound profiling phase, or the estimate from the request rate for a counted one; -1 when
     * neither is known.
     */
    public long remainingNs(long nowNs) {
        if (progress == null || progress.phase() != CreditPhase.PROFILING) {
            return -1;
        }
        if (header.benchmarkDurationNs() > 0) {
            return Math.max(0, header.benchmarkDurationNs() - progress.elapsedNs());
        }
        double rate = requestRate(nowNs);
        if (progress.total() <= 0 || !(rate > 0)) {
            return -1;
        }
        return (long) (Math.max(0, progress.total() - progress.completed()) / rate * 1e9);
    }

    /** Changes so far: a renderer redraws when this moved. */
    public long version() {
        return version;
    }
}
