package io.aiperf.cli;

import sun.misc.Signal;

/** The two signal behaviours aiperf needs; {@code sun.misc.Signal} is the only portable way to get them on 17. */
@SuppressWarnings("sunapi")
public final class SignalSupport {

    private SignalSupport() {
    }

    /** Service JVMs ignore SIGINT: a terminal's Ctrl-C hits the whole process group, and the CLI coordinates. */
    public static void ignoreInterrupt() {
        Signal.handle(new Signal("INT"), Signal -> { });
    }

    /** Runs {@code handler} on each SIGINT instead of the JVM's default exit. */
    public static void onInterrupt(Runnable handler) {
        Signal.handle(new Signal("INT"), s -> handler.run());
    }
}
