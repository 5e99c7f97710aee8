package io.aiperf.cli.options;

import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.config.ServiceConfig.RemoteWorkers;
import io.aiperf.core.error.UsageException;

/**
 * {@code --remote-workers}, its two timeouts and {@code --zmq-port}: how many workers join from other hosts, how long
 * the run waits for them and how long one may be silent, and the fixed ports they dial (AIPerf's credit-router port
 * by default once workers join, since they must know where to go).
 */
final class RemoteWorkersResolver {

    private RemoteWorkersResolver() {
    }

    static RemoteWorkers resolve(OutputOptions out) {
        int count = out.remoteWorkers == null ? 0 : OptionChecks.atLeast("--remote-workers", out.remoteWorkers, 0);
        double join = positive("--remote-workers-join-timeout", out.remoteWorkersJoinTimeout,
                RemoteWorkers.DEFAULT_JOIN_TIMEOUT_SECONDS);
        double silence = positive("--remote-workers-silence-timeout", out.remoteWorkersSilenceTimeout,
                RemoteWorkers.DEFAULT_SILENCE_TIMEOUT_SECONDS);
        if (count == 0 && (out.remoteWorkersJoinTimeout != null || out.remoteWorkersSilenceTimeout != null)) {
            throw new UsageException((out.remoteWorkersJoinTimeout != null ? "--remote-workers-join-timeout"
                    : "--remote-workers-silence-timeout") + " goes with --remote-workers N");
        }
        return new RemoteWorkers(count, join, silence);
    }

    /** The first fixed port, or 0 for ephemeral ports. */
    static int zmqPort(OutputOptions out, RemoteWorkers remote) {
        if (out.zmqPort == null) {
            return remote.count() > 0 ? ServiceConfig.DEFAULT_ZMQ_PORT : 0;
        }
        int highest = 65536 - ServiceConfig.FIXED_PORTS;
        if (out.zmqPort < 1 || out.zmqPort > highest) {
            throw new UsageException("--zmq-port " + out.zmqPort + ": expected 1 to " + highest + " (the run takes "
                    + "it and the next " + (ServiceConfig.FIXED_PORTS - 1) + ")");
        }
        return out.zmqPort;
    }

    private static double positive(String option, Double value, double otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!(value > 0) || value.isInfinite()) {
            throw new UsageException(option + " " + PythonFloat.repr(value) + ": expected seconds greater than 0");
        }
        return value;
    }
}
