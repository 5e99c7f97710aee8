package io.aiperf.core.model;

/** The two phases of a run; warmup records never reach results. */
public enum CreditPhase {
    WARMUP,
    PROFILING;

    /** The lower-case name AIPerf writes in {@code benchmark_phase}. */
    public String exportName() {
        return this == WARMUP ? "warmup" : "profiling";
    }
}
