package io.aiperf.telemetry.gpu;

import java.util.HashMap;
import java.util.Map;

/**
 * The DCGM exporter fields AIPerf reads, each with AIPerf's field name, header, display unit and the factor from the
 * exporter's unit to it (reference §8). Counters are reported as their change over the profiling window; gauges get
 * the full statistics.
 */
public enum DcgmField {
    GPU_POWER_USAGE("DCGM_FI_DEV_POWER_USAGE", "gpu_power_usage", "GPU Power Usage", "W", 1, false),
    ENERGY_CONSUMPTION("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "energy_consumption", "Energy Consumption", "MJ",
            1e-9, true), // mJ → MJ
    GPU_UTILIZATION("DCGM_FI_DEV_GPU_UTIL", "gpu_utilization", "GPU Utilization", "%", 1, false),
    MEM_UTILIZATION("DCGM_FI_DEV_MEM_COPY_UTIL", "mem_utilization", "Memory Copy Utilization", "%", 1, false),
    GPU_MEMORY_USED("DCGM_FI_DEV_FB_USED", "gpu_memory_used", "GPU Memory Used", "GB", 1.048576e-3, false), // MiB
    GPU_TEMPERATURE("DCGM_FI_DEV_GPU_TEMP", "gpu_temperature", "GPU Temperature", "°C", 1, false),
    ENCODER_UTILIZATION("DCGM_FI_DEV_ENC_UTIL", "encoder_utilization", "Encoder Utilization", "%", 1, false),
    DECODER_UTILIZATION("DCGM_FI_DEV_DEC_UTIL", "decoder_utilization", "Decoder Utilization", "%", 1, false),
    SM_UTILIZATION("DCGM_FI_PROF_SM_ACTIVE", "sm_utilization", "SM Utilization", "%", 100, false), // ratio
    XID_ERRORS("DCGM_FI_DEV_XID_ERRORS", "xid_errors", "XID Errors", "count", 1, true),
    POWER_VIOLATION("DCGM_FI_DEV_POWER_VIOLATION", "power_violation", "Power Violation", "µs", 1e-3, true); // ns

    private static final Map<String, DcgmField> BY_NAME = new HashMap<>();

    static {
        for (DcgmField f : values()) {
            BY_NAME.put(f.prometheusName, f);
            BY_NAME.put(f.prometheusName + "_total", f);
        }
    }

    private final String prometheusName;
    private final String tag;
    private final String header;
    private final String unit;
    private final double scale;
    private final boolean counter;

    DcgmField(String prometheusName, String tag, String header, String unit, double scale, boolean counter) {
        this.prometheusName = prometheusName;
        this.tag = tag;
        this.header = header;
        this.unit = unit;
        this.scale = scale;
        this.counter = counter;
    }

    /** The field a sample name stands for ({@code _total} accepted), or null when AIPerf does not read it. */
    public static DcgmField of(String sampleName) {
        return BY_NAME.get(sampleName);
    }

    public String tag() {
        return tag;
    }

    public String header() {
        return header;
    }

    public String unit() {
        return unit;
    }

    public boolean counter() {
        return counter;
    }

    /** The exporter's value in the display unit. */
    public double toDisplay(double exporterValue) {
        return exporterValue * scale;
    }
}
