package io.aiperf.mock;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One fake dcgm-exporter: a node with {@link DcgmConfig#gpusPerNode()} GPUs whose readings follow the mock's own
 * token throughput. Each scrape advances the node's state and renders it; state moves by compare-and-set of an
 * immutable {@link State}, so scrapes from several event loops never lock and never lose energy.
 *
 * <p>Load = throughput / max(peak throughput seen, {@code --dcgm-min-throughput}), throughput measured over windows
 * of at least {@code --dcgm-window-sec} between scrapes. Each GPU's load is that plus a little seeded noise; power
 * runs from the profile's idle draw to its limit and stays within them; energy integrates that power over real time
 * between scrapes (mJ, only growing until {@link #resetEnergy()}, as a restarted exporter's would).
 */
final class DcgmFaker {

    /** Load without {@code --dcgm-auto-load}: a GPU holding a model but serving nothing much. */
    static final double FIXED_LOAD = 0.05;
    private static final double NOISE = 0.02;

    /** The node's readings at one scrape; {@code powerW[i]} is what GPU i drew since then. */
    private record State(long atNs, long scrapes, long windowStartNs, long windowStartTokens, double throughput,
                         double peak, double[] powerW, double[] energyMj) {
    }

    private final DcgmConfig config;
    private final GpuProfile gpu;
    private final ServedTraffic traffic;
    private final String hostname;
    private final long seed;
    private final String[] labels;
    private final AtomicReference<State> state;

    /** {@code node}: this exporter's number N in {@code /dcgm{N}/metrics}, from 1. */
    DcgmFaker(DcgmConfig config, int node, long serverSeed, ServedTraffic traffic) {
        this.config = config;
        this.gpu = config.gpu();
        this.traffic = traffic;
        this.hostname = node == 1 ? config.hostname() : config.hostname() + "-" + node;
        this.seed = new SplittableRandom(serverSeed + node * 0x9E3779B97F4A7C15L).nextLong();
        int gpus = config.gpusPerNode();
        this.labels = new String[gpus];
        SplittableRandom ids = new SplittableRandom(seed);
        double[] power = new double[gpus];
        double[] energy = new double[gpus];
        for (int i = 0; i < gpus; i++) {
            labels[i] = "gpu=\"" + i + "\",UUID=" + PromText.quote(uuid(ids)) + ",pci_bus_id="
                    + PromText.quote(String.format("%08X:%02X:00.0", i / 16, 0x10 + 0x0E * (i % 16) + ids.nextInt(8)))
                    + ",device=\"nvidia" + i + "\",modelName=" + PromText.quote(gpu.modelName)
                    + ",Hostname=" + PromText.quote(hostname);
            power[i] = gpu.idlePowerW;
            // A real exporter's counter starts at whatever the GPU used since the driver loaded.
            energy[i] = 1e8 + ids.nextDouble() * 9e8;
        }
        long now = System.nanoTime();
        state = new AtomicReference<>(new State(now, 0, now, traffic.generatedSinceStart(), 0, 0, power, energy));
    }

    private static String uuid(SplittableRandom random) {
        String hex = Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong()
                | Long.MIN_VALUE);
        return "GPU-" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    /** Advances the node to now and renders every field of every GPU. */
    String scrape() {
        State s = advance(System.nanoTime());
        double load = load(s);
        PromText out = new PromText();
        int gpus = labels.length;
        double[] gpuLoad = new double[gpus];
        for (int i = 0; i < gpus; i++) {
            gpuLoad[i] = gpuLoad(load, s.scrapes(), i);
        }
        gauge(out, "DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).", i -> Math.round(100 * gpuLoad[i]), gpus);
        gauge(out, "DCGM_FI_DEV_MEM_COPY_UTIL", "Memory utilization (in %).",
                i -> Math.round(60 * gpuLoad[i]), gpus);
        gauge(out, "DCGM_FI_DEV_SM_CLOCK", "SM clock frequency (in MHz).",
                i -> Math.round(lerp(gpu.idleSmClockMhz, gpu.maxSmClockMhz, gpuLoad[i])), gpus);
        gauge(out, "DCGM_FI_DEV_MEM_CLOCK", "Memory clock frequency (in MHz).", i -> gpu.memClockMhz, gpus);
        gauge(out, "DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).",
                i -> Math.round(lerp(gpu.idleTempC, gpu.maxTempC, gpuLoad[i])), gpus);
        gauge(out, "DCGM_FI_DEV_MEMORY_TEMP", "Memory temperature (in C).",
                i -> Math.round(lerp(gpu.idleTempC, gpu.maxTempC, gpuLoad[i])) + 4, gpus);
        gauge(out, "DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).", i -> s.powerW()[i], gpus);
        gauge(out, "DCGM_FI_DEV_POWER_MGMT_LIMIT", "Power management limit (in W).", i -> gpu.powerLimitW, gpus);
        family(out, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "counter",
                "Total energy consumption since the exporter started (in mJ).", i -> Math.floor(s.energyMj()[i]),
                gpus);
        gauge(out, "DCGM_FI_DEV_FB_TOTAL", "Framebuffer memory total (in MiB).", i -> gpu.memoryMiB, gpus);
        gauge(out, "DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).", i -> fbUsed(gpuLoad[i]), gpus);
        gauge(out, "DCGM_FI_DEV_FB_FREE", "Framebuffer memory free (in MiB).",
                i -> gpu.memoryMiB - fbUsed(gpuLoad[i]), gpus);
        gauge(out, "DCGM_FI_DEV_XID_ERRORS", "Value of the last XID error encountered (0: none).", i -> 0, gpus);
        family(out, "DCGM_FI_DEV_POWER_VIOLATION", "counter", "Throttling time due to the power limit (in us).",
                i -> 0, gpus);
        family(out, "DCGM_FI_DEV_THERMAL_VIOLATION", "counter", "Throttling time due to temperature (in us).",
                i -> 0, gpus);
        return out.toString();
    }

    /** Energy counters restart from 0, as a restarted exporter's would; everything else goes on. */
    void resetEnergy() {
        state.updateAndGet(s -> new State(s.atNs(), s.scrapes(), s.windowStartNs(), s.windowStartTokens(),
                s.throughput(), s.peak(), s.powerW(), new double[s.energyMj().length]));
    }

    private double load(State s) {
        if (!config.autoLoad()) {
            return FIXED_LOAD;
        }
        return Math.min(1.0, s.throughput() / Math.max(s.peak(), config.minThroughput()));
    }

    private State advance(long now) {
        long tokens = traffic.generatedSinceStart();
        long windowNs = Math.round(config.windowSec() * 1e9);
        while (true) {
            State s = state.get();
            long startNs = s.windowStartNs();
            long startTokens = s.windowStartTokens();
            double throughput = s.throughput();
            double peak = s.peak();
            if (now - startNs >= windowNs) {
                throughput = Math.max(0, tokens - startTokens) / ((now - startNs) / 1e9);
                peak = Math.max(peak, throughput);
                startNs = now;
                startTokens = tokens;
            }
            long scrapes = s.scrapes() + 1;
            double dtMs = Math.max(0, now - s.atNs()) / 1e6;
            int gpus = s.powerW().length;
            double[] energy = new double[gpus];
            double[] power = new double[gpus];
            State next = new State(Math.max(now, s.atNs()), scrapes, startNs, startTokens, throughput, peak, power,
                    energy);
            double load = load(next);
            for (int i = 0; i < gpus; i++) {
                // The power drawn since the last scrape is the last scrape's (W x ms = mJ).
                energy[i] = s.energyMj()[i] + s.powerW()[i] * dtMs;
                power[i] = lerp(gpu.idlePowerW, gpu.powerLimitW, gpuLoad(load, scrapes, i));
            }
            if (state.compareAndSet(s, next)) {
                return next;
            }
        }
    }

    /** Node load plus this GPU's seeded noise for this scrape, kept in [0, 1]. */
    private double gpuLoad(double load, long scrape, int gpuIndex) {
        double noise = new SplittableRandom(seed ^ (scrape * 0x9E3779B97F4A7C15L) ^ gpuIndex).nextDouble(-1, 1);
        return Math.max(0, Math.min(1, load + NOISE * noise));
    }

    private long fbUsed(double load) {
        // A serving engine holds weights and a KV cache: memory rises with load but never goes near empty.
        return Math.round(gpu.memoryMiB * (0.10 + 0.80 * load));
    }

    private static double lerp(double low, double high, double t) {
        return low + (high - low) * t;
    }

    private interface PerGpu {
        double value(int gpu);
    }

    private void gauge(PromText out, String name, String help, PerGpu value, int gpus) {
        family(out, name, "gauge", help, value, gpus);
    }

    private void family(PromText out, String name, String type, String help, PerGpu value, int gpus) {
        out.family(name, type, help);
        for (int i = 0; i < gpus; i++) {
            out.sample(name, labels[i], null, value.value(i));
        }
    }
}
