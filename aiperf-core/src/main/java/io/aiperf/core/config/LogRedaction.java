package io.aiperf.core.config;

/**
 * The secrets this JVM knows, for its log layout: each JVM {@link #register registers} a run's {@link Secrets} as
 * soon as it holds the run's configuration (the CLI after parsing, the controller on {@code StartRun}, a worker on
 * {@code ConfigureWorkers}; the records manager only ever gets the redacted configuration), and the layout passes
 * every formatted line, stack traces included, through {@link #mask}. So a credential that reaches a log line by any
 * road (an exception message, a library's debug line) is masked before it is written.
 */
public final class LogRedaction {

    private static volatile Secrets known = Secrets.BUILT_IN;

    private LogRedaction() {
    }

    /** Adds {@code secrets} to what this JVM's log lines are masked with. */
    public static synchronized void register(Secrets secrets) {
        known = known.and(secrets);
    }

    /** {@code line} with every registered secret value masked; cheap when none is registered. */
    public static String mask(String line) {
        Secrets s = known;
        return s.hasValues() ? s.mask(line) : line;
    }
}
