package io.aiperf.core.config;

import java.util.Objects;

/**
 * One extra DCGM field to read, as a row of a dcgm-exporter CSV ({@code --gpu-telemetry FILE.csv}) says it:
 * {@code DCGM_FI_DEV_SM_CLOCK, gauge, SM clock frequency (in MHz).} The telemetry manager derives AIPerf's tag,
 * header and unit from it; the config carries only what the file said, so the bus needs nothing new.
 *
 * @param prometheusName the exporter's metric name ({@code DCGM_FI_DEV_SM_CLOCK})
 * @param counter        {@code counter} (reported as its change over the window) rather than {@code gauge}
 * @param help           the row's help text, empty when the row has none
 */
public record GpuFieldSpec(String prometheusName, boolean counter, String help) {

    public GpuFieldSpec {
        Objects.requireNonNull(prometheusName, "prometheusName");
        help = help == null ? "" : help;
    }
}
