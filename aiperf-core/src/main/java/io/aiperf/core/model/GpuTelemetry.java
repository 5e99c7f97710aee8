package io.aiperf.core.model;

import java.util.List;

/**
 * The GPU telemetry of a run, as the telemetry manager hands it to the records manager for {@code telemetry_data},
 * the CSV section and the console tables.
 *
 * @param endpointsConfigured every DCGM endpoint tried, user-named and defaults
 * @param endpointsSuccessful those that answered with GPU metrics at least once
 * @param startEpochNs        the profiling window the statistics cover
 * @param gpus                one entry per endpoint and GPU, in endpoint then GPU index order
 * @param problems            one line each: an unreachable endpoint the user named, a malformed exposition
 */
public record GpuTelemetry(List<String> endpointsConfigured, List<String> endpointsSuccessful, long startEpochNs,
                           long endEpochNs, List<Gpu> gpus, List<String> problems) {

    /**
     * One GPU behind one endpoint.
     *
     * @param endpoint the endpoint as AIPerf keys it ({@code localhost:9401})
     */
    public record Gpu(String endpoint, int gpuIndex, String gpuName, String gpuUuid, String hostname,
                      String namespace, String podName, List<TelemetryStat> metrics) {

        public Gpu {
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
        }

        /** A metric by tag, or null. */
        public TelemetryStat metric(String tag) {
            for (TelemetryStat m : metrics) {
                if (m.tag().equals(tag)) {
                    return m;
                }
            }
            return null;
        }
    }

    public GpuTelemetry {
        endpointsConfigured = endpointsConfigured == null ? List.of() : List.copyOf(endpointsConfigured);
        endpointsSuccessful = endpointsSuccessful == null ? List.of() : List.copyOf(endpointsSuccessful);
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
