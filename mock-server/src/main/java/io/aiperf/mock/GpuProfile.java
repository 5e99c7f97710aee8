package io.aiperf.mock;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The GPUs the DCGM faker can pretend to be, with round figures of the real parts' public specs: enough for values
 * to look plausible and differ by model, not a simulation of any of them.
 *
 * @param cliName       the {@code --dcgm-gpu-name} value
 * @param modelName     the {@code modelName} label, as the driver names the part
 * @param idlePowerW    draw at zero load
 * @param powerLimitW   the management limit, which is also the draw at full load
 * @param memoryMiB     framebuffer size
 * @param idleSmClockMhz SM clock at zero load
 * @param maxSmClockMhz  SM clock at full load
 * @param memClockMhz   memory clock (constant)
 * @param idleTempC     GPU temperature at zero load
 * @param maxTempC      GPU temperature at full load
 */
public enum GpuProfile {
    RTX6000("rtx6000", "NVIDIA RTX 6000 Ada Generation", 25, 300, 49_140, 210, 2505, 10_001, 32, 78),
    A100("a100", "NVIDIA A100-SXM4-80GB", 55, 400, 81_920, 210, 1410, 1593, 30, 72),
    H100("h100", "NVIDIA H100 PCIe", 50, 350, 81_559, 345, 1755, 1593, 31, 74),
    H100_SXM("h100-sxm", "NVIDIA H100 80GB HBM3", 70, 700, 81_559, 345, 1980, 2619, 30, 76),
    H200("h200", "NVIDIA H200", 75, 700, 143_771, 345, 1980, 3201, 30, 77),
    B200("b200", "NVIDIA B200", 120, 1000, 183_359, 345, 1965, 3996, 29, 79),
    GB200("gb200", "NVIDIA GB200", 140, 1200, 189_471, 345, 2062, 3996, 29, 80);

    final String cliName;
    final String modelName;
    final double idlePowerW;
    final double powerLimitW;
    final long memoryMiB;
    final double idleSmClockMhz;
    final double maxSmClockMhz;
    final double memClockMhz;
    final double idleTempC;
    final double maxTempC;

    GpuProfile(String cliName, String modelName, double idlePowerW, double powerLimitW, long memoryMiB,
               double idleSmClockMhz, double maxSmClockMhz, double memClockMhz, double idleTempC, double maxTempC) {
        this.cliName = cliName;
        this.modelName = modelName;
        this.idlePowerW = idlePowerW;
        this.powerLimitW = powerLimitW;
        this.memoryMiB = memoryMiB;
        this.idleSmClockMhz = idleSmClockMhz;
        this.maxSmClockMhz = maxSmClockMhz;
        this.memClockMhz = memClockMhz;
        this.idleTempC = idleTempC;
        this.maxTempC = maxTempC;
    }

    /** The profile named {@code name} (case-insensitive), or null. */
    static GpuProfile byCliName(String name) {
        for (GpuProfile profile : values()) {
            if (profile.cliName.equalsIgnoreCase(name)) {
                return profile;
            }
        }
        return null;
    }

    static String cliNames() {
        return Arrays.stream(values()).map(p -> p.cliName).collect(Collectors.joining(", "));
    }
}
