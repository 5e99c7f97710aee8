package io.aiperf.ui;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.config.TimingMode;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What the run is, for the top of the dashboard: read once from the resolved configuration, never from the wire.
 *
 * @param load             the load in AIPerf's words ({@code concurrency 10}, {@code request rate 50/s}, …)
 * @param benchmarkDurationNs {@code --benchmark-duration} in ns, or -1 when the run is bounded by a count
 * @param openLoop         requests follow a schedule (a rate, a trace, user slots), so their send lag means
 *                         falling behind; in a closed-loop burst it is only the reaction to a freed slot
 * @param logFile          the run's log ({@code ARTIFACT_DIR/logs/aiperf.log}), which the log pane tails
 * @param highLoadCpuPercent a worker's CPU per cent above which {@link LoadWarnings} speaks
 */
public record RunHeader(String model, String endpoint, String url, String load, long benchmarkDurationNs,
                        boolean openLoop, Path logFile, double highLoadCpuPercent) {

    /** With AIPerf's default high-load threshold. */
    public RunHeader(String model, String endpoint, String url, String load, long benchmarkDurationNs,
                     boolean openLoop, Path logFile) {
        this(model, endpoint, url, load, benchmarkDurationNs, openLoop, logFile,
                ServiceConfig.DEFAULT_HIGH_LOAD_CPU_PERCENT);
    }

    public static RunHeader of(BenchmarkConfig config, Path logFile) {
        var e = config.endpoint();
        String model = e.modelNames().isEmpty() ? "?" : String.join(",", e.modelNames());
        String endpoint = e.type().cliName() + (e.streaming() ? " (streaming)" : "");
        String url = e.urls().isEmpty() ? "" : e.urls().get(0) + (e.urls().size() > 1 ? " +" + (e.urls().size() - 1) : "");
        PhaseLoad p = config.load().profiling();
        long durationNs = p.durationS() == null ? -1 : (long) (p.durationS() * 1e9);
        return new RunHeader(model, endpoint, url, load(config.load()), durationNs, config.load().openLoop(),
                logFile, config.service().highLoadCpuPercent());
    }

    private static String load(LoadConfig load) {
        if (load.mode() == TimingMode.FIXED_SCHEDULE) {
            return "fixed schedule";
        }
        if (load.mode() == TimingMode.USER_CENTRIC_RATE && load.userCentric() != null) {
            return String.format(Locale.ROOT, "%d users at %s req/s", load.userCentric().numUsers(),
                    trim(load.userCentric().qps()));
        }
        PhaseLoad p = load.profiling();
        StringBuilder s = new StringBuilder();
        if (p.requestRate() != null) {
            s.append("request rate ").append(trim(p.requestRate())).append("/s");
        }
        if (p.concurrency() != null) {
            s.append(s.isEmpty() ? "" : ", ").append("concurrency ").append(p.concurrency());
        }
        return s.isEmpty() ? "as fast as possible" : s.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
