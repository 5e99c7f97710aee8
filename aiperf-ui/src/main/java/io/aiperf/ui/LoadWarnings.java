package io.aiperf.ui;

import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.model.WorkerRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The two signs that the client, not the server, limits the run, each said once: a worker whose CPU stayed above
 * the high-load threshold (AIPerf's 85 % of a core, {@code AIPERF_WORKER_HIGH_LOAD_CPU_USAGE}) for {@link #CPU_SUSTAINED_NS} (its event loop is one thread, so it cannot go much
 * faster), and, when requests follow a schedule, a {@code send_lag} p99 above {@link #SEND_LAG_P99_MS} ms (requests
 * leave later than the schedule says, so the load asked for is not the load sent). A closed-loop burst's send lag is
 * the client's reaction to a freed slot, as the records manager's own warning also reads it.
 */
public final class LoadWarnings {

    static final long CPU_SUSTAINED_NS = TimeUnit.SECONDS.toNanos(5);
    static final double SEND_LAG_P99_MS = 1.0;
    static final String ADVICE = "the client may be the bottleneck: add --workers-max or machines";

    private final double cpuPercent;
    /** Per worker busy above the threshold: since when. */
    private final Map<String, Long> busySinceNs = new HashMap<>();
    private final Set<String> warnedWorkers = new HashSet<>();
    private boolean warnedSendLag;

    /** With AIPerf's 85 %. */
    public LoadWarnings() {
        this(ServiceConfig.DEFAULT_HIGH_LOAD_CPU_PERCENT);
    }

    /** @param cpuPercent a worker's CPU per cent of one core above which it counts as busy */
    public LoadWarnings(double cpuPercent) {
        this.cpuPercent = cpuPercent;
    }

    /** The warnings that became due with the view as it stands at {@code nowNs}; each is returned once per run. */
    public List<String> check(RunView view, long nowNs) {
        List<String> due = new ArrayList<>(1);
        for (WorkerRow w : view.workers()) {
            if (!(w.cpuPercent() > cpuPercent) || !WorkerRow.RUNNING.equals(w.state())) {
                busySinceNs.remove(w.workerId());
                continue;
            }
            long since = busySinceNs.computeIfAbsent(w.workerId(), id -> nowNs);
            if (nowNs - since >= CPU_SUSTAINED_NS && warnedWorkers.add(w.workerId())) {
                due.add(String.format(Locale.ROOT, "%s has used over %.0f%% of a CPU core for %d s: %s", w.workerId(),
                        cpuPercent, TimeUnit.NANOSECONDS.toSeconds(CPU_SUSTAINED_NS), ADVICE));
            }
        }
        double lag = view.sendLagP99Ms();
        if (!warnedSendLag && view.header().openLoop() && lag > SEND_LAG_P99_MS) {
            warnedSendLag = true;
            due.add(String.format(Locale.ROOT, "send lag p99 is %.2f ms (over %.0f ms): requests leave later than "
                    + "scheduled; %s", lag, SEND_LAG_P99_MS, ADVICE));
        }
        return due;
    }
}
