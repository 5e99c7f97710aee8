package io.aiperf.core.service;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Waits, after a service has warmed its hot path, until the JIT compilers have stopped working on it. A warm-up
 * leaves compile queues behind it; on a small machine those compiler threads would otherwise share the cores with the
 * event loops and the bus threads during the first requests of the run, and their time would show up as the first
 * wave's latency.
 */
public final class CompilerQuiet {

    /** No compilation time added for this long counts as quiet. */
    public static final long QUIET_NS = TimeUnit.MILLISECONDS.toNanos(150);
    /** Never wait longer than this: a JVM that keeps compiling is not held back further. */
    public static final long MAX_NS = TimeUnit.SECONDS.toNanos(3);
    private static final long LOOK_MS = 25;

    private final LongSupplier compileMs;
    private final LongSupplier clockNs;
    private final Sleeper sleeper;

    /** How the wait sleeps between looks (tests pass one that advances a fake clock). */
    @FunctionalInterface
    interface Sleeper {
        void sleepMs(long ms) throws InterruptedException;
    }

    CompilerQuiet(LongSupplier compileMs, LongSupplier clockNs, Sleeper sleeper) {
        this.compileMs = compileMs;
        this.clockNs = clockNs;
        this.sleeper = sleeper;
    }

    /** This JVM's compilers, or null when the JVM does not report compilation time. */
    public static CompilerQuiet ofThisJvm() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return null;
        }
        return new CompilerQuiet(jit::getTotalCompilationTime, System::nanoTime, Thread::sleep);
    }

    /**
     * Returns once the compilers added no time for {@code quietNs}, or after {@code maxNs} at the latest.
     *
     * @return nanoseconds waited
     */
    public long await(long quietNs, long maxNs) throws InterruptedException {
        long startNs = clockNs.getAsLong();
        long lastMs = compileMs.getAsLong();
        long lastChangeNs = startNs;
        while (true) {
            long nowNs = clockNs.getAsLong();
            if (nowNs - lastChangeNs >= quietNs || nowNs - startNs >= maxNs) {
                return nowNs - startNs;
            }
            sleeper.sleepMs(LOOK_MS);
            long ms = compileMs.getAsLong();
            if (ms != lastMs) {
                lastMs = ms;
                lastChangeNs = clockNs.getAsLong();
            }
        }
    }
}
