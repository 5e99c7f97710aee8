package io.aiperf.records.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Correct, total and unparsed counts per task, and over all of them. Single-threaded (the sink thread). */
public final class AccuracyTally {

    /** The name of the row over all tasks, as AIPerf prints it. */
    public static final String OVERALL = "OVERALL";

    /** One task's counts. */
    public record TaskResult(String task, long total, long passed, long unparsed) {

        public double accuracyRate() {
            return total == 0 ? 0 : (double) passed / total;
        }

        public double unparsedRate() {
            return total == 0 ? 0 : (double) unparsed / total;
        }
    }

    private final Map<String, long[]> byTask = new TreeMap<>();

    public void add(AccuracyRecord r) {
        long[] c = byTask.computeIfAbsent(r.task(), k -> new long[3]);
        c[0]++;
        if (r.passed()) {
            c[1]++;
        }
        if (r.unparsed()) {
            c[2]++;
        }
    }

    /** One row per task (by name), then {@link #OVERALL}. */
    public List<TaskResult> results() {
        List<TaskResult> rows = new ArrayList<>();
        long total = 0;
        long passed = 0;
        long unparsed = 0;
        for (Map.Entry<String, long[]> e : byTask.entrySet()) {
            long[] c = e.getValue();
            rows.add(new TaskResult(e.getKey(), c[0], c[1], c[2]));
            total += c[0];
            passed += c[1];
            unparsed += c[2];
        }
        rows.add(new TaskResult(OVERALL, total, passed, unparsed));
        return rows;
    }
}
