package io.aiperf.core.service;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a child process when its parent is gone. Every aiperf child JVM is started with a pipe on its standard input
 * that only the parent holds; when the parent exits for any reason, {@code kill -9} included, the pipe reaches EOF
 * and {@link #onParentGone} runs. No polling and no heartbeat timeout are needed for this guarantee.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /** Starts a daemon thread that blocks on {@code stdin} and runs {@code onParentGone} at EOF. */
    public static void start(InputStream stdin, Runnable onParentGone) {
        Thread t = new Thread(() -> {
            byte[] sink = new byte[64];
            try {
                while (stdin.read(sink) >= 0) {
                    // the parent never writes; anything read is ignored
                }
            } catch (IOException closed) {
                // same as EOF: the parent end is gone
            }
            onParentGone.run();
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
