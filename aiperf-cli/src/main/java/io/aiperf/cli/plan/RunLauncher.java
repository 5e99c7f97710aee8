package io.aiperf.cli.plan;

import io.aiperf.cli.ExitCodes;
import io.aiperf.core.config.BenchmarkConfig;

import java.io.IOException;

/** Runs one complete benchmark ({@code io.aiperf.cli.run.ProfileRunner} in the CLI; a fake in unit tests). */
@FunctionalInterface
public interface RunLauncher {

    Result run(BenchmarkConfig config) throws IOException;

    /**
     * @param exitCode the run's exit status ({@link ExitCodes})
     * @param failure  why it failed, one line; null when it succeeded
     */
    record Result(int exitCode, String failure) {

        public boolean ok() {
            return exitCode == ExitCodes.OK;
        }

        /** Ctrl-C or SIGTERM: the user wants the whole plan to stop, not only this run. */
        public boolean stopsPlan() {
            return exitCode == ExitCodes.INTERRUPTED || exitCode == ExitCodes.TERMINATED;
        }

        /** The failure to list beside the run. */
        public String reason() {
            return failure != null ? failure : "exit code " + exitCode;
        }
    }
}
