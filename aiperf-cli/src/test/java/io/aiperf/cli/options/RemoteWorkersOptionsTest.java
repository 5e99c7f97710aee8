package io.aiperf.cli.options;

import io.aiperf.core.config.ServiceConfig;
import org.junit.jupiter.api.Test;

import static io.aiperf.cli.options.Cli.m;
import static io.aiperf.cli.options.Cli.rejects;
import static org.assertj.core.api.Assertions.assertThat;

/** Ours: workers that join from other hosts ({@code --remote-workers}) and the fixed ports they dial. */
class RemoteWorkersOptionsTest {

    @Test
    void byDefaultNoWorkerJoinsAndThePortsAreEphemeral() {
        ServiceConfig service = m().service();
        assertThat(service.remote().count()).isZero();
        assertThat(service.zmqPort()).isZero();
    }

    @Test
    void remoteWorkersGetAiperfsCreditRouterPortUnlessZmqPortSaysOtherwise() {
        ServiceConfig service = m("--remote-workers", "2").service();
        assertThat(service.remote().count()).isEqualTo(2);
        assertThat(service.zmqPort()).isEqualTo(5564);
        assertThat(service.remote().joinTimeoutSeconds()).isEqualTo(600);
        assertThat(service.remote().silenceTimeoutSeconds()).isEqualTo(10);
        assertThat(m("--remote-workers", "2", "--zmq-port", "7000").service().zmqPort()).isEqualTo(7000);
        // Fixed ports on their own: a firewall-friendly run without joined workers.
        assertThat(m("--zmq-port", "7000").service().zmqPort()).isEqualTo(7000);
    }

    @Test
    void withRemoteWorkersTheRunMayHaveNoLocalOne() {
        ServiceConfig service = m("--remote-workers", "3", "--workers-max", "0").service();
        assertThat(service.workers()).isZero();
        assertThat(service.totalWorkers()).isEqualTo(3);
        rejects("--workers-max", "0").hasMessage("--workers-max must be at least 1 (got 0)");
    }

    /** One record processor per 4 workers: the joined ones count, their records come here too. */
    @Test
    void recordProcessorsFollowEveryWorker() {
        assertThat(m("--remote-workers", "8", "--workers-max", "0").service().recordProcessors()).isEqualTo(2);
    }

    @Test
    void timeoutsAreSecondsAndGoWithRemoteWorkers() {
        ServiceConfig service = m("--remote-workers", "1", "--remote-workers-join-timeout", "30",
                "--remote-workers-silence-timeout", "2.5").service();
        assertThat(service.remote().joinTimeoutSeconds()).isEqualTo(30);
        assertThat(service.remote().silenceTimeoutSeconds()).isEqualTo(2.5);
        rejects("--remote-workers-join-timeout", "30")
                .hasMessage("--remote-workers-join-timeout goes with --remote-workers N");
        rejects("--remote-workers", "1", "--remote-workers-silence-timeout", "0")
                .hasMessage("--remote-workers-silence-timeout 0.0: expected seconds greater than 0");
    }

    @Test
    void aPortOutOfRangeIsOneLine() {
        rejects("--zmq-port", "65534").hasMessage("--zmq-port 65534: expected 1 to 65533 (the run takes it and the "
                + "next 2)");
        rejects("--zmq-port", "0").hasMessageStartingWith("--zmq-port 0: expected 1 to 65533");
        rejects("--remote-workers", "-1").hasMessage("--remote-workers must be at least 0 (got -1)");
    }
}
