package io.aiperf.core.service;

/**
 * One aiperf process: {@code aiperf service --type TYPE} builds the type's entry class and calls {@link #run} on the
 * main thread. The process exits with what it returns.
 */
public interface Service {

    /** Runs the service until it is told to stop or its parent goes away; returns the process exit code. */
    int run() throws Exception;
}
