package io.aiperf.telemetry.gpu;

import io.aiperf.core.model.GpuLiveRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's GPU statistics so far, folded from each scrape's values (what {@link GpuStore#accept} returns):
 * a {@link LiveSeries} per GPU per gauge field. Counters (energy, XID errors, violations) are left out: their
 * statistics mean nothing live, the final tables report their increase. They cover everything scraped until the
 * profiling start is known and a GPU's first scrape at or after it, then that GPU's series start again. Scrape
 * thread only.
 */
public final class GpuLiveStats {

    private static final class GpuSeries {
        final Map<GpuField, LiveSeries> fields = new LinkedHashMap<>();
        boolean sinceProfiling;
    }

    private final Map<GpuStore.Gpu, GpuSeries> gpus = new LinkedHashMap<>();
    private long points;

    /**
     * @param profilingStartEpochNs when profiling began (wall clock), or a value &le; 0 while it has not or is not
     *                              known
     */
    public void accept(long epochNs, List<Map.Entry<GpuStore.Gpu, Map<GpuField, Double>>> scraped,
                       long profilingStartEpochNs) {
        for (Map.Entry<GpuStore.Gpu, Map<GpuField, Double>> e : scraped) {
            GpuSeries gpu = gpus.computeIfAbsent(e.getKey(), g -> new GpuSeries());
            if (profilingStartEpochNs > 0 && !gpu.sinceProfiling && epochNs >= profilingStartEpochNs) {
                gpu.sinceProfiling = true;
                gpu.fields.values().forEach(LiveSeries::reset);
            }
            for (Map.Entry<GpuField, Double> value : e.getValue().entrySet()) {
                if (!value.getKey().counter()) {
                    gpu.fields.computeIfAbsent(value.getKey(), f -> new LiveSeries()).add(value.getValue());
                    points++;
                }
            }
        }
    }

    /** Points folded in so far: a snapshot is only worth sending when this moved. */
    public long points() {
        return points;
    }

    /** A row per GPU (in the order first seen) per field (in the order first scraped: the standard fields, then the custom ones) that has a point. */
    public List<GpuLiveRow> rows() {
        List<GpuLiveRow> rows = new ArrayList<>();
        for (Map.Entry<GpuStore.Gpu, GpuSeries> e : gpus.entrySet()) {
            GpuStore.Gpu g = e.getKey();
            for (Map.Entry<GpuField, LiveSeries> f : e.getValue().fields.entrySet()) {
                LiveSeries s = f.getValue();
                if (s.count() == 0) {
                    continue;
                }
                double[] sorted = s.recentSorted();
                GpuField field = f.getKey();
                rows.add(new GpuLiveRow(g.endpoint, g.index, g.modelName, field.tag(), field.header(), field.unit(),
                        s.current(), s.mean(), s.min(), s.max(), LiveSeries.percentile(sorted, 99),
                        LiveSeries.percentile(sorted, 90), LiveSeries.percentile(sorted, 50), s.std()));
            }
        }
        return rows;
    }
}
