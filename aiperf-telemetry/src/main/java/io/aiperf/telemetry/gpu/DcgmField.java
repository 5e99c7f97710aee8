package io.aiperf.telemetry.gpu;

/**
 * The DCGM exporter fields AIPerf always reads, each with AIPerf's field name, header, display unit and the factor
 * from the exporter's unit to it (reference §8). Counters are reported as their change over the profiling window;
 * gauges get the full statistics. A CSV's custom fields come after these ({@link GpuFields}).
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

    private final GpuField field;

    DcgmField(String prometheusName, String tag, String header, String unit, double scale, boolean counter) {
        this.field = new GpuField(prometheusName, tag, header, unit, scale, counter);
    }

    public GpuField field() {
        return field;
    }
}
