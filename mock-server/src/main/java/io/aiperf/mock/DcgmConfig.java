package io.aiperf.mock;

/**
 * How the DCGM faker behaves (AIPerf's mock options {@code --dcgm-*}). Immutable.
 *
 * @param gpu               the GPU every fake node has
 * @param gpusPerNode       GPUs on each {@code /dcgm{N}/metrics} node
 * @param minThroughput     tokens/s that count as full load while no higher throughput has been seen
 * @param windowSec         throughput is measured over windows at least this long
 * @param hostname          the {@code Hostname} label of node 1; node N &gt; 1 is {@code hostname-N}
 * @param seed              makes UUIDs, bus ids and noise reproducible; null draws one per server
 * @param autoLoad          load follows the served token throughput; false: a fixed, almost idle load
 */
public record DcgmConfig(GpuProfile gpu, int gpusPerNode, double minThroughput, double windowSec, String hostname,
                         Long seed, boolean autoLoad) {

    static final int DEFAULT_GPUS = 2;
    static final double DEFAULT_MIN_THROUGHPUT = 100;
    static final double DEFAULT_WINDOW_SEC = 1.0;
    static final String DEFAULT_HOSTNAME = "localhost";

    public DcgmConfig {
        if (gpu == null) {
            throw new IllegalArgumentException("gpu must not be null");
        }
        if (gpusPerNode < 1 || gpusPerNode > 64) {
            throw new IllegalArgumentException("number of GPUs must be in [1, 64], got " + gpusPerNode);
        }
        if (!(minThroughput > 0) || Double.isInfinite(minThroughput)) {
            throw new IllegalArgumentException("minimum throughput must be a finite number > 0, got "
                    + minThroughput);
        }
        if (!(windowSec > 0) || Double.isInfinite(windowSec)) {
            throw new IllegalArgumentException("window must be a finite number > 0 s, got " + windowSec);
        }
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("hostname must not be empty");
        }
    }

    static DcgmConfig defaults() {
        return new DcgmConfig(GpuProfile.H200, DEFAULT_GPUS, DEFAULT_MIN_THROUGHPUT, DEFAULT_WINDOW_SEC,
                DEFAULT_HOSTNAME, null, true);
    }

    DcgmConfig withGpu(GpuProfile newGpu) {
        return new DcgmConfig(newGpu, gpusPerNode, minThroughput, windowSec, hostname, seed, autoLoad);
    }

    DcgmConfig withGpusPerNode(int n) {
        return new DcgmConfig(gpu, n, minThroughput, windowSec, hostname, seed, autoLoad);
    }

    DcgmConfig withMinThroughput(double tokensPerSec) {
        return new DcgmConfig(gpu, gpusPerNode, tokensPerSec, windowSec, hostname, seed, autoLoad);
    }

    DcgmConfig withWindowSec(double sec) {
        return new DcgmConfig(gpu, gpusPerNode, minThroughput, sec, hostname, seed, autoLoad);
    }

    DcgmConfig withHostname(String name) {
        return new DcgmConfig(gpu, gpusPerNode, minThroughput, windowSec, name, seed, autoLoad);
    }

    DcgmConfig withSeed(Long newSeed) {
        return new DcgmConfig(gpu, gpusPerNode, minThroughput, windowSec, hostname, newSeed, autoLoad);
    }

    DcgmConfig withAutoLoad(boolean on) {
        return new DcgmConfig(gpu, gpusPerNode, minThroughput, windowSec, hostname, seed, on);
    }
}
