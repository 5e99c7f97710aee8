package io.aiperf.telemetry.gpu;

import io.aiperf.telemetry.prometheus.Exposition;
import io.aiperf.telemetry.prometheus.MetricFamily;
import io.aiperf.telemetry.prometheus.Sample;
import io.aiperf.telemetry.scrape.TimeSeries;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every GPU's DCGM fields as scraped, per endpoint and GPU index: what the summary and the JSONL are made of. A
 * sample without a {@code gpu} label, of a field this run does not read, or not finite is passed over, as AIPerf
 * does. Scrape thread only.
 */
public final class GpuStore {

    /** One GPU behind one endpoint: its labels as last seen, and a series per field. */
    public static final class Gpu {
        final String url;
        final String endpoint;
        final int index;
        String uuid;
        String modelName;
        String pciBusId;
        String device;
        String hostname;
        String namespace;
        String pod;
        final Map<GpuField, TimeSeries> series = new HashMap<>();

        Gpu(String url, int index) {
            this.url = url;
            this.endpoint = endpointKey(url);
            this.index = index;
        }
    }

    private final GpuFields fields;
    private final Map<String, Gpu> gpus = new LinkedHashMap<>();

    /** A store of the standard fields only. */
    public GpuStore() {
        this(GpuFields.STANDARD);
    }

    public GpuStore(GpuFields fields) {
        this.fields = fields;
    }

    /** The fields this store reads, in the order the summary lists them. */
    public GpuFields fields() {
        return fields;
    }

    /**
     * Folds one scrape in. @return the GPUs this scrape had values for, with the values in display units, for the
     * JSONL (field → value, in the fields' order)
     */
    public List<Map.Entry<Gpu, Map<GpuField, Double>>> accept(String url, long epochNs, Exposition exposition) {
        Map<Gpu, Map<GpuField, Double>> seen = new LinkedHashMap<>();
        for (MetricFamily family : exposition.families()) {
            for (Sample sample : family.samples()) {
                GpuField field = fields.field(sample.name());
                String gpuLabel = sample.label("gpu");
                if (field == null || gpuLabel == null || !Double.isFinite(sample.value())) {
                    continue;
                }
                int index;
                try {
                    index = Integer.parseInt(gpuLabel.trim());
                } catch (NumberFormatException e) {
                    continue;
                }
                Gpu gpu = gpus.computeIfAbsent(url + "#" + index, k -> new Gpu(url, index));
                label(gpu, sample);
                gpu.series.computeIfAbsent(field, f -> new TimeSeries()).add(epochNs, sample.value());
                seen.computeIfAbsent(gpu, g -> new TreeMap<>(fields.order())).put(field,
                        field.toDisplay(sample.value()));
            }
        }
        return new ArrayList<>(seen.entrySet());
    }

    private static void label(Gpu gpu, Sample s) {
        gpu.uuid = or(s.label("UUID"), gpu.uuid);
        gpu.modelName = or(s.label("modelName"), gpu.modelName);
        gpu.pciBusId = or(s.label("pci_bus_id"), gpu.pciBusId);
        gpu.device = or(s.label("device"), gpu.device);
        gpu.hostname = or(s.label("Hostname"), gpu.hostname);
        gpu.namespace = or(s.label("namespace"), gpu.namespace);
        gpu.pod = or(s.label("pod"), gpu.pod);
    }

    private static String or(String value, String previous) {
        return value == null || value.isEmpty() ? previous : value;
    }

    public Collection<Gpu> gpus() {
        return gpus.values();
    }

    /** Whether {@code url} ever answered with GPU metrics. */
    public boolean hasGpus(String url) {
        return gpus.values().stream().anyMatch(g -> g.url.equals(url));
    }

    /**
     * AIPerf keys endpoints by {@code host:port} ({@code localhost:9401}); two exporters behind one address (paths
     * other than {@code /metrics}) keep their path, so neither hides the other.
     */
    public static String endpointKey(String url) {
        try {
            URI u = URI.create(url);
            String hostPort = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            String path = u.getRawPath();
            return path == null || path.isEmpty() || path.equals("/metrics") ? hostPort : hostPort + path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
