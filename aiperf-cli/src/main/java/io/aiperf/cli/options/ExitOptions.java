package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Option;

/**
 * When the process exit status reports a failure. Ours, not AIPerf's: AIPerf fails only when every request failed;
 * users keep asking to fail a CI run on a partial error rate too.
 */
public final class ExitOptions {

    @Option(names = "--fail-on-error-rate", paramLabel = "PCT",
            description = "Exit with status 1 (after writing every export) when more than PCT percent of the "
                    + "profiling requests failed: error_request_count / (request_count + error_request_count) "
                    + "* 100 > PCT. 0 fails on any error. Default: fail only when every request failed.")
    public Double failOnErrorRatePct;

    /** The threshold in percent, or null when not set; checked to be a number in [0, 100]. */
    public Double failOnErrorRatePct() {
        if (failOnErrorRatePct != null && !(failOnErrorRatePct >= 0 && failOnErrorRatePct <= 100)) {
            throw new UsageException("--fail-on-error-rate must be a percentage in [0, 100], got "
                    + PythonFloat.repr(failOnErrorRatePct));
        }
        return failOnErrorRatePct;
    }
}
