package io.aiperf.core.service;

import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.ServiceEndpoints;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceCommandLineTest {

    private static final ServiceEndpoints ENDPOINTS = new ServiceEndpoints(Map.of(
            Channel.CONTROL, "tcp://127.0.0.1:4001", Channel.EVENTS, "tcp://127.0.0.1:4002"));

    @Test
    void aServiceReadsBackWhatItsLauncherWrote() {
        ServiceCommandLine worker = new ServiceCommandLine(ServiceType.WORKER, "worker-3", Path.of("/runs/a/aiperf.log"),
                ENDPOINTS, 0);
        ServiceCommandLine controller = new ServiceCommandLine(ServiceType.SYSTEM_CONTROLLER, "system-controller",
                Path.of("/runs/a/aiperf.log"), ServiceEndpoints.of(Channel.CLI_INBOX, "tcp://127.0.0.1:4000"), 2);
        // --zmq-port: the controller and its records manager bind the channels other hosts dial at fixed ports.
        ServiceCommandLine fixedPorts = new ServiceCommandLine(ServiceType.SYSTEM_CONTROLLER, "system-controller",
                Path.of("/runs/a/aiperf.log"), ServiceEndpoints.of(Channel.CLI_INBOX, "tcp://0.0.0.0:4000"), 0, 5564);

        assertThat(ServiceCommandLine.parse(worker.toArgs())).isEqualTo(worker);
        assertThat(ServiceCommandLine.parse(controller.toArgs())).isEqualTo(controller);
        assertThat(ServiceCommandLine.parse(fixedPorts.toArgs())).isEqualTo(fixedPorts);
        assertThat(fixedPorts.toArgs()).containsSubsequence("--zmq-port", "5564");
    }

    @Test
    void theCommandLineSaysWhatRunsWhere() {
        List<String> args = new ServiceCommandLine(ServiceType.RECORDS_MANAGER, "records-manager",
                Path.of("/runs/a/aiperf.log"), ENDPOINTS, 0).toArgs();

        assertThat(String.join(" ", args)).startsWith("service --type records_manager --id records-manager ")
                .contains("--endpoint control=tcp://127.0.0.1:4001").doesNotContain("--workers");
    }

    @Test
    void anythingItsLauncherWouldNotWriteIsRefused() {
        List<String> good = new ServiceCommandLine(ServiceType.WORKER, "worker-0", Path.of("/l"), ENDPOINTS, 0)
                .toArgs();
        List<String> unknown = new ArrayList<>(good);
        unknown.addAll(List.of("--colour", "red"));
        List<String> noValue = new ArrayList<>(good);
        noValue.add("--workers");
        List<String> badEndpoint = new ArrayList<>(good);
        badEndpoint.addAll(List.of("--endpoint", "tcp://127.0.0.1:4003"));

        assertThatThrownBy(() -> ServiceCommandLine.parse(unknown)).hasMessageContaining("--colour");
        assertThatThrownBy(() -> ServiceCommandLine.parse(noValue)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceCommandLine.parse(badEndpoint)).hasMessageContaining("CHANNEL=ADDRESS");
        assertThatThrownBy(() -> ServiceCommandLine.parse(List.of("service", "--id", "w", "--log-file", "/l")))
                .hasMessageContaining("required");
        assertThatThrownBy(() -> ServiceCommandLine.parse(good.subList(1, good.size())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
