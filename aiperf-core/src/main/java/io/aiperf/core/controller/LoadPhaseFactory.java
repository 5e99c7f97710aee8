package io.aiperf.core.controller;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.load.Dispatch;
import io.aiperf.core.load.LoadPhase;
import io.aiperf.core.load.SendAhead;
import io.aiperf.core.model.CreditPhase;

/** Builds each phase's {@link LoadPhase} from the resolved configuration and the run's inputs. */
final class LoadPhaseFactory {

    /**
     * Scheduled credits leave the controller 10 to 20 ms before their intended time, gathered 10 ms of schedule per
     * pass; the worker sends each at its time. The 10 ms cover the controller's wake-up and the bus hop (measured on
     * this 2-core machine at 200 req/s: median 1.7 ms, p99 11.6 ms from dispatch to the worker's receipt; see
     * docs/performance.md); gathering them cuts the controller's wake-ups and the bus messages to one per 10 ms
     * instead of one per credit. The cost: a credit holds its concurrency slot up to 20 ms before it is sent.
     */
    static final SendAhead SEND_AHEAD = new SendAhead(20_000_000, 10_000_000);

    private final BenchmarkConfig config;
    private final RunDataset inputs;
    private final Dispatch dispatch;

    LoadPhaseFactory(BenchmarkConfig config, RunDataset inputs, int workers) {
        this.config = config;
        this.inputs = inputs;
        this.dispatch = new Dispatch(workers, config.endpoint().urls().size(), SEND_AHEAD);
    }

    /** Warmup always draws from the dataset at its own load shape, whatever the profiling mode. */
    LoadPhase warmup() {
        return new LoadPhase(CreditPhase.WARMUP, TimingMode.REQUEST_RATE, config.load().warmup(),
                inputs.sampledSessions(), config.load(), inputs.phaseSeed(CreditPhase.WARMUP), dispatch);
    }

    LoadPhase profiling() {
        TimingMode mode = config.load().mode();
        return new LoadPhase(CreditPhase.PROFILING, mode, config.load().profiling(),
                mode == TimingMode.FIXED_SCHEDULE ? inputs.scheduledSessions() : inputs.sampledSessions(),
                config.load(), inputs.phaseSeed(CreditPhase.PROFILING), dispatch);
    }
}
