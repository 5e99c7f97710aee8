package io.aiperf.telemetry.gpu;

import io.aiperf.core.model.GpuTelemetry;
import io.aiperf.core.model.TelemetryStat;
import io.aiperf.telemetry.scrape.TimeSeries;
import io.aiperf.telemetry.scrape.WindowStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The profiling window's GPU statistics from a {@link GpuStore}: per endpoint, per GPU, per field. */
public final class GpuSummarizer {

    private GpuSummarizer() {
    }

    /**
     * @param countersEndEpochNs gauges cover [start, end]; counters run to this later scrape, so what the window's
     *                           last requests added is counted
     */
    public static GpuTelemetry summarize(GpuStore store, List<String> configured, long startEpochNs, long endEpochNs,
                                         long countersEndEpochNs, List<String> problems) {
        List<GpuTelemetry.Gpu> gpus = new ArrayList<>();
        List<String> successful = new ArrayList<>();
        for (GpuStore.Gpu g : store.gpus()) {
            if (!successful.contains(g.endpoint)) {
                successful.add(g.endpoint);
            }
            List<TelemetryStat> metrics = new ArrayList<>();
            for (GpuField field : store.fields().all()) {
                TimeSeries s = g.series.get(field);
                if (s == null) {
                    continue;
                }
                if (field.counter()) {
                    Double increase = WindowStats.increase(s, startEpochNs, countersEndEpochNs);
                    if (increase != null) {
                        metrics.add(new TelemetryStat(field.tag(), field.header(), field.unit(), true,
                                Map.of("avg", field.toDisplay(increase))));
                    }
                } else {
                    Map<String, Double> stats = WindowStats.gauge(s, startEpochNs, endEpochNs, field.toDisplay(1));
                    if (stats != null) {
                        metrics.add(new TelemetryStat(field.tag(), field.header(), field.unit(), false, stats));
                    }
                }
            }
            gpus.add(new GpuTelemetry.Gpu(g.endpoint, g.index, g.modelName, g.uuid, g.hostname, g.namespace, g.pod,
                    metrics));
        }
        List<String> keys = configured.stream().map(GpuStore::endpointKey).toList();
        return new GpuTelemetry(keys, successful, startEpochNs, endEpochNs, gpus, problems);
    }
}
