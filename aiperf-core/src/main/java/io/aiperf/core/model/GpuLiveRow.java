package io.aiperf.core.model;

/**
 * One GPU field's statistics so far, as the dashboard's GPU panel shows them
 * ({@link io.aiperf.core.message.Message.GpuLive}): a row per GPU per field. Values are in {@code unit}, the field's
 * display unit (the GPU tables' units). The statistics cover the profiling phase once it has started, else everything
 * scraped so far; the percentiles may cover only the latest points (the sender says which).
 *
 * @param endpoint the exporter's key ({@code localhost:9401}, or with its path when two share an address)
 * @param gpuIndex the exporter's {@code gpu} label
 * @param gpuName  the {@code modelName} label, or null when the exporter gives none
 * @param tag      the field's tag ({@code gpu_power_usage})
 * @param header   the field's header ({@code GPU Power Usage})
 * @param current  the latest scraped value
 */
public record GpuLiveRow(String endpoint, int gpuIndex, String gpuName, String tag, String header, String unit,
                         double current, double avg, double min, double max, double p99, double p90, double p50,
                         double std) {
}
