package io.aiperf.cli;

import sun.misc.Signal;

/** The signal behaviours aiperf needs; {@code sun.misc.Signal} is the only portable way to get them on 17. */
@SuppressWarnings("sunapi")
public final class SignalSupport {

    private SignalSupport() {
    }

    /** Service JVMs ignore SIGINT: a terminal's Ctrl-C hits the whole process group, and the CLI coordinates. */
    public static void ignoreInterrupt() {
        Signal.handle(new Signal("INT"), Signal -> { });
    }

    /** Service JVMs ignore SIGTERM too: one sent to the whole process group is the CLI's to handle. */
    public static void ignoreTerminate() {
        Signal.handle(new Signal("TERM"), signal -> { });
    }

    /** Runs {@code handler} on each SIGINT instead of the JVM's default exit. */
    public static void onInterrupt(Runnable handler) {
        Signal.handle(new Signal("INT"), s -> handler.run());
    }

    /**
     * Runs {@code handler} on each SIGTERM instead of the JVM's default exit (which would run the shutdown hooks and
     * exit 143 at once, however far the exports had got).
     */
    public static void onTerminate(Runnable handler) {
        Signal.handle(new Signal("TERM"), s -> handler.run());
    }
}
