package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a plan with {@code --convergence-metric} ended, for the {@code convergence} object of the aggregate's
 * metadata and the line under its console table.
 *
 * @param maxRuns the {@code --num-profile-runs} bound
 * @param last    the criterion's last check, or null when it was never asked (fewer runs than it needs)
 */
public record ConvergenceReport(ConvergenceCriterion criterion, int maxRuns, ConvergenceCriterion.Check last) {

    public boolean converged() {
        return last != null && last.converged();
    }

    /** Writes the {@code convergence} object into the aggregate's metadata. */
    void writeTo(ObjectNode metadata, int runsDone) {
        ObjectNode c = metadata.putObject("convergence");
        c.put("metric", criterion.metric());
        c.put("stat", criterion.mode() == ConvergenceMode.DISTRIBUTION ? null : criterion.stat());
        c.put("mode", criterion.mode().cliName());
        c.put("threshold", criterion.threshold());
        c.put("min_runs", Math.min(ConvergenceCriterion.MIN_RUNS, maxRuns));
        c.put("max_runs", maxRuns);
        c.put("converged", converged());
        if (converged()) {
            c.put("converged_after_runs", runsDone);
        } else {
            c.putNull("converged_after_runs");
        }
        c.put("stopped_early", converged() && runsDone < maxRuns);
        // The ratio (ci_width, cv) or the KS p-value (distribution) of the last check; null when never computed.
        RunsJson.put(c, "value", last == null ? Double.NaN : last.value());
    }

    /** One line for the console, e.g. {@code Converged after 3 of 5 runs: cv 0.021 < 0.1 (request_latency avg)}. */
    public String line(int runsDone) {
        if (last != null && !last.converged() && last.runs() < ConvergenceCriterion.MIN_RUNS) {
            return "Not converged after " + runsDone + " of " + maxRuns + " runs: " + last.runs()
                    + " successful, the criterion needs " + ConvergenceCriterion.MIN_RUNS;
        }
        String what = criterion.mode() == ConvergenceMode.DISTRIBUTION ? criterion.metric() + " distribution"
                : criterion.metric() + " " + criterion.stat();
        String measure = criterion.mode() == ConvergenceMode.DISTRIBUTION ? "KS p-value" : criterion.mode().cliName();
        String value = last == null || Double.isNaN(last.value()) ? "n/a" : String.format(java.util.Locale.ROOT,
                "%.4g", last.value());
        String op = criterion.mode() == ConvergenceMode.DISTRIBUTION ? (converged() ? ">" : "<=")
                : (converged() ? "<" : ">=");
        String test = measure + " " + value + (last == null || Double.isNaN(last.value()) ? ""
                : " " + op + " " + plain(criterion.threshold()));
        return (converged() ? "Converged after " + runsDone + " of " + maxRuns + " runs: "
                : "Not converged after " + runsDone + " of " + maxRuns + " runs: ") + test + " (" + what + ")";
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
