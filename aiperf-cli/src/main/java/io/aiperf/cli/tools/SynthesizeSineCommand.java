package io.aiperf.cli.tools;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code aiperf synthesize-sine}: a mooncake trace whose request rate and ISL/OSL mix follow sines. */
@Command(name = "synthesize-sine", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write a seeded mooncake trace whose request rate and ISL/OSL mix follow sines.",
        description = {"Write a synthetic mooncake trace (JSONL) whose request rate follows a sine between "
                + "--request-rate-min and --request-rate-max, and whose mix of two (ISL, OSL) pairs follows a second "
                + "sine. Both sines start at their minimum at t = 0:",
                "  value(t) = (min + max)/2 - (max - min)/2 * cos(2*pi*t / period)",
                "Arrivals within each --time-step are a Poisson process at the rate's average over that step; "
                + "timestamps are whole milliseconds, in order. The same --random-seed writes the same file."})
public final class SynthesizeSineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "The trace to write (JSONL).")
    Path output;

    @Option(names = "--duration", required = true, paramLabel = "SECONDS",
            description = "Length of the trace in seconds.")
    double duration;

    @Option(names = "--request-rate-min", required = true, paramLabel = "REQ_PER_S",
            description = "Lowest request rate (requests per second), reached at t = 0.")
    double rateMin;

    @Option(names = "--request-rate-max", required = true, paramLabel = "REQ_PER_S",
            description = "Highest request rate, reached half a period after t = 0.")
    double rateMax;

    @Option(names = "--request-rate-period", required = true, paramLabel = "SECONDS",
            description = "Period of the request-rate sine in seconds.")
    double ratePeriod;

    @Option(names = "--isl1", defaultValue = "100", paramLabel = "TOKENS",
            description = "Input length of the first (ISL, OSL) pair (default: ${DEFAULT-VALUE}).")
    int isl1;

    @Option(names = "--osl1", defaultValue = "2000", paramLabel = "TOKENS",
            description = "Output length of the first pair (default: ${DEFAULT-VALUE}).")
    int osl1;

    @Option(names = "--isl2", defaultValue = "5000", paramLabel = "TOKENS",
            description = "Input length of the second pair (default: ${DEFAULT-VALUE}).")
    int isl2;

    @Option(names = "--osl2", defaultValue = "100", paramLabel = "TOKENS",
            description = "Output length of the second pair (default: ${DEFAULT-VALUE}).")
    int osl2;

    @Option(names = "--isl-osl-ratio-min", defaultValue = "0.2", paramLabel = "SHARE",
            description = "Lowest share (0..1) of requests that use the first pair (default: ${DEFAULT-VALUE}).")
    double mixMin;

    @Option(names = "--isl-osl-ratio-max", defaultValue = "0.8", paramLabel = "SHARE",
            description = "Highest share of requests that use the first pair (default: ${DEFAULT-VALUE}).")
    double mixMax;

    @Option(names = "--isl-osl-ratio-period", paramLabel = "SECONDS",
            description = "Period of the mix sine in seconds (default: --request-rate-period).")
    Double mixPeriod;

    @Option(names = "--time-step", defaultValue = "1.0", paramLabel = "SECONDS",
            description = "Steps in which the rate is held at its average (default: ${DEFAULT-VALUE}).")
    double timeStep;

    @Option(names = "--random-seed", paramLabel = "SEED",
            description = "Seed for arrivals, pair choice and hash ids (default: a fresh random seed, printed).")
    Long seed;

    @Option(names = "--total-blocks", defaultValue = "0", paramLabel = "N",
            description = "When positive, give each row ceil(ISL / --block-size) hash ids drawn uniformly from "
                    + "0..N-1 (default: no hash_ids).")
    long totalBlocks;

    @Option(names = "--block-size", defaultValue = "512", paramLabel = "TOKENS",
            description = "Tokens per hash id with --total-blocks (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Override
    public Integer call() {
        double period2 = mixPeriod == null ? ratePeriod : mixPeriod;
        positive("--duration", duration);
        positive("--time-step", timeStep);
        positive("--request-rate-period", ratePeriod);
        positive("--isl-osl-ratio-period", period2);
        if (!(rateMin >= 0) || !(rateMax >= rateMin) || Double.isInfinite(rateMax)) {
            throw new UsageException("need 0 <= --request-rate-min <= --request-rate-max (got " + rateMin + ", "
                    + rateMax + ")");
        }
        if (!(mixMin >= 0) || !(mixMax >= mixMin) || !(mixMax <= 1)) {
            throw new UsageException("need 0 <= --isl-osl-ratio-min <= --isl-osl-ratio-max <= 1 (got " + mixMin
                    + ", " + mixMax + ")");
        }
        tokens("--isl1", isl1);
        tokens("--osl1", osl1);
        tokens("--isl2", isl2);
        tokens("--osl2", osl2);
        tokens("--block-size", blockSize);
        if (totalBlocks < 0) {
            throw new UsageException("--total-blocks must not be negative (got " + totalBlocks + ")");
        }
        long theSeed = seed != null ? seed : new SecureRandom().nextLong();
        SineTraceGenerator generator = new SineTraceGenerator(new SineTraceGenerator.Settings(duration, timeStep,
                rateMin, rateMax, ratePeriod, isl1, osl1, isl2, osl2, mixMin, mixMax, period2, theSeed, blockSize,
                totalBlocks));
        SineTraceGenerator.Result result;
        try (OutputFile f = OutputFile.open(output, "--output")) {
            result = generator.generate(new MooncakeRowWriter(f.writer()));
            f.commit();
        } catch (IOException e) {
            throw ToolFiles.writeFailure(output, e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT,
                "Wrote %d requests over %.3f s (mean %.3f req/s, %.1f%% with ISL %d/OSL %d) to %s (seed %d)%n",
                result.requests(), duration, result.requests() / duration,
                result.requests() == 0 ? 0.0 : 100.0 * result.firstPairRequests() / result.requests(), isl1, osl1,
                output, theSeed);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UsageException(option + " must be a positive number of seconds (got " + value + ")");
        }
    }

    private static void tokens(String option, int value) {
        if (value < 1) {
            throw new UsageException(option + " must be at least 1 (got " + value + ")");
        }
    }
}
