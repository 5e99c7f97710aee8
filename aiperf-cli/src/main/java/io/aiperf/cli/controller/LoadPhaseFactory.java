package io.aiperf.cli.controller;

import io.aiperf.cli.controller.load.LoadPhase;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.model.CreditPhase;

/** Builds each phase's {@link LoadPhase} from the resolved configuration and the run's inputs. */
final class LoadPhaseFactory {

    private final BenchmarkConfig config;
    private final RunDataset inputs;
    private final int workers;

    LoadPhaseFactory(BenchmarkConfig config, RunDataset inputs, int workers) {
        this.config = config;
        this.inputs = inputs;
        this.workers = workers;
    }

    /** Warmup always draws from the dataset at its own load shape, whatever the profiling mode. */
    LoadPhase warmup() {
        return new LoadPhase(CreditPhase.WARMUP, TimingMode.REQUEST_RATE, config.load().warmup(),
                inputs.sampledSessions(), workers, config.load(), inputs.phaseSeed(CreditPhase.WARMUP));
    }

    LoadPhase profiling() {
        TimingMode mode = config.load().mode();
        return new LoadPhase(CreditPhase.PROFILING, mode, config.load().profiling(),
                mode == TimingMode.FIXED_SCHEDULE ? inputs.scheduledSessions() : inputs.sampledSessions(),
                workers, config.load(), inputs.phaseSeed(CreditPhase.PROFILING));
    }
}
