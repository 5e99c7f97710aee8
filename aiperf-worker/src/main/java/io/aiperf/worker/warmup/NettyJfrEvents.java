package io.aiperf.worker.warmup;

import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * Netty's buffer allocators declare JFR events, and each event class registers itself with JFR in its static
 * initializer, the first time an allocation path touches it: measured at ~7 ms on the event loop, inside the first
 * wave's first write, for a path the warm-up had not taken (a reallocation of a size it had not grown through).
 * Initializing every one of them here, before the run, takes that off the request path.
 */
final class NettyJfrEvents {

    /** The event classes of netty-buffer 4.2 (package-private there, so named, not referenced). */
    static final List<String> CLASSES = List.of("AllocateChunkEvent", "FreeChunkEvent", "AllocateBufferEvent",
            "ReallocateBufferEvent", "FreeBufferEvent");

    private NettyJfrEvents() {
    }

    /** @return how many of the event classes were found and initialized (fewer in a Netty without them) */
    static int initialize() {
        int done = 0;
        for (String name : CLASSES) {
            try {
                Class.forName("io.netty.buffer." + name, true, ByteBuf.class.getClassLoader());
                done++;
            } catch (ClassNotFoundException | LinkageError absent) {
                // another Netty version: nothing to initialize
            }
        }
        return done;
    }
}
