package io.aiperf.core.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTypeTest {

    @Test
    void everyServiceRunsC1CompiledCodeOnlyAndTheSmallHeapsUseTheSerialCollector() {
        assertThat(ServiceType.WORKER.jvmOptions()).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(ServiceType.SYSTEM_CONTROLLER.jvmOptions())
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(ServiceType.RECORDS_MANAGER.jvmOptions())
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void cliNamesRoundTrip() {
        for (ServiceType t : ServiceType.values()) {
            assertThat(ServiceType.fromCli(t.cliName())).isEqualTo(t);
        }
        assertThat(ServiceType.fromCli("records-manager")).isEqualTo(ServiceType.RECORDS_MANAGER);
    }
}
