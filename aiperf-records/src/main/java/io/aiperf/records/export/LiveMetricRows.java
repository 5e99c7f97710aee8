package io.aiperf.records.export;

import io.aiperf.core.model.LiveMetric;
import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;

import java.util.ArrayList;
import java.util.List;

/**
 * A summary as the live UI shows it: the rows of the console metrics table ({@link ConsoleTableRenderer#consoleRows}),
 * in the same order, display units and statistics. The dashboard's progress panel shows the {@code send_lag} p99 (how
 * far the client falls behind its schedule): {@code send_lag} is a console row whenever requests had a scheduled send
 * time, so the UI picks it out of these rows by its tag; a run without a schedule has no such row.
 */
public final class LiveMetricRows {

    private LiveMetricRows() {
    }

    public static List<LiveMetric> of(ProfileSummary summary) {
        List<MetricResult> console = ConsoleTableRenderer.consoleRows(summary);
        List<LiveMetric> rows = new ArrayList<>(console.size());
        for (MetricResult r : console) {
            rows.add(new LiveMetric(r.tag(), r.header(), r.unit(), r.avg(), r.min(), r.max(), r.p99(), r.p90(),
                    r.p50(), r.std()));
        }
        return rows;
    }
}
