package io.aiperf.core.service;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * This JVM's CPU use and resident memory, as a service reports them in its periodic status. Meant to be asked about
 * once a second from one thread (a service's bus thread): each call reads one MXBean counter or one small
 * {@code /proc} file, nothing is done per request. Not thread-safe: {@link #cpuPercentSinceLastCall} keeps the
 * previous reading.
 */
public final class ProcessUsage {

    /**
     * The kernel's own account of the resident set, in kB: {@code VmRSS} in {@code /proc/self/status}. Preferred to
     * {@code /proc/self/statm}, whose page counts would need the page size, which Java cannot ask the kernel for
     * (4 KiB is wrong on arm64 kernels built with 16 or 64 KiB pages).
     */
    static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final LongSupplier cpuTimeNs;
    private final LongSupplier clockNs;
    private final Path statusFile;
    /** The previous call's readings; -1 before the first call. */
    private long lastCpuNs = -1;
    private long lastClockNs;

    /**
     * @param cpuTimeNs  CPU time used by the process so far, in ns, or a negative value when unknown
     * @param clockNs    a monotonic clock in ns (wall time elapsed between calls)
     * @param statusFile a file in the format of {@code /proc/self/status}
     */
    ProcessUsage(LongSupplier cpuTimeNs, LongSupplier clockNs, Path statusFile) {
        this.cpuTimeNs = cpuTimeNs;
        this.clockNs = clockNs;
        this.statusFile = statusFile;
    }

    /** This JVM: CPU time from {@code com.sun.management}'s MXBean (when the JDK has it), memory from /proc. */
    public static ProcessUsage ofThisJvm() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        LongSupplier cpu = os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun::getProcessCpuTime : () -> -1;
        return new ProcessUsage(cpu, System::nanoTime, PROC_STATUS);
    }

    /**
     * CPU used by the whole process since the previous call, in % of one core (200 = two cores busy the whole
     * time). NaN on the first call (nothing to compare with), when the JVM does not report its CPU time, or when no
     * time has passed.
     */
    public double cpuPercentSinceLastCall() {
        long cpuNs = cpuTimeNs.getAsLong();
        long nowNs = clockNs.getAsLong();
        long previousCpuNs = lastCpuNs;
        long previousClockNs = lastClockNs;
        lastCpuNs = cpuNs < 0 ? -1 : cpuNs;
        lastClockNs = nowNs;
        long wallNs = nowNs - previousClockNs;
        if (cpuNs < 0 || previousCpuNs < 0 || wallNs <= 0 || cpuNs < previousCpuNs) {
            return Double.NaN;
        }
        return (cpuNs - previousCpuNs) * 100.0 / wallNs;
    }

    /** The resident set size in bytes (heap, off-heap, code, thread stacks), or -1 when unreadable (not Linux). */
    public long residentBytes() {
        String status;
        try {
            // ISO-8859-1 decodes any byte: a process name in another encoding cannot fail the read.
            status = Files.readString(statusFile, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return vmRssBytes(status);
    }

    /** The {@code VmRSS:   123456 kB} line of a status file, in bytes; -1 when missing or malformed. */
    static long vmRssBytes(String status) {
        // At a line start: the Name line (first) is the process's own choice and could hold anything.
        int at = status.indexOf("\nVmRSS:");
        if (at < 0) {
            return -1;
        }
        int i = at + "\nVmRSS:".length();
        while (i < status.length() && (status.charAt(i) == ' ' || status.charAt(i) == '\t')) {
            i++;
        }
        long kb = 0;
        int digits = 0;
        while (i < status.length() && Character.isDigit(status.charAt(i)) && digits < 18) {
            kb = kb * 10 + (status.charAt(i) - '0');
            i++;
            digits++;
        }
        if (digits == 0 || !status.startsWith(" kB", i)) {
            return -1;
        }
        return kb * 1024;
    }
}
