package io.aiperf.records.testing;

import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.config.TimingMode;

/** Short ways for tests to build configs; everything not named gets what a run without the option would get. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * Synthetic single-turn input: no input file, dataset type or sampling strategy, one turn per conversation,
     * default prompt options, no rankings, public dataset or media.
     */
    public static InputConfig input(int islMean, double islStddev, Integer oslMean, double oslStddev, Long randomSeed,
                                    int numDatasetEntries) {
        return new InputConfig(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, null, null, null,
                null, null, null, null, null);
    }

    /** A fixed concurrency and request count, warmup requests at the same concurrency (0 = no warmup), no pacing. */
    public static LoadConfig load(int concurrency, long requestCount, long warmupRequestCount) {
        return new LoadConfig(TimingMode.REQUEST_RATE, PhaseLoad.burst(concurrency, requestCount),
                warmupRequestCount > 0 ? PhaseLoad.burst(concurrency, warmupRequestCount) : null, null, 0.0, null, null);
    }

    /** Records-level exports with the default names and no time slices. */
    public static OutputConfig output(String artifactDir) {
        return new OutputConfig(artifactDir, ExportLevel.RECORDS, null, null, false, false);
    }

    /** With AIPerf's default number of record processors for {@code workers}. */
    public static ServiceConfig service(int workers, String uiType, String logLevel) {
        return new ServiceConfig(workers, uiType, logLevel, ServiceConfig.defaultRecordProcessors(workers));
    }
}
