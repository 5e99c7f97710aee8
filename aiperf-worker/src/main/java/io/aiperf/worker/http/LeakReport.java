package io.aiperf.worker.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

/**
 * Makes Netty report this JVM's buffer leaks before it exits, when its leak detector is at {@code PARANOID} (the
 * end-to-end tests set {@code -Dio.netty.leakDetection.level=paranoid} through {@code AIPERF_SERVICE_JAVA_OPTS}).
 * Netty logs a leak ({@code LEAK: ByteBuf.release() was not called …}) only after the leaked buffer was
 * garbage-collected and a later buffer allocation polled the detector's queue; a short run may do neither, so its
 * leaks would go unseen. At any other level this does nothing, so a user's run never pays for it.
 */
public final class LeakReport {

    private LeakReport() {
    }

    /** Call once the transport is closed: collects, lets the reference handler enqueue, then allocates to poll. */
    public static void beforeExit() {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ByteBuf pooled = PooledByteBufAllocator.DEFAULT.buffer(1);
            pooled.release();
            ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.directBuffer(1);
            unpooled.release();
        }
    }
}
