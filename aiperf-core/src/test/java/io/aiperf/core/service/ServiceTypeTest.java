package io.aiperf.core.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTypeTest {

    @Test
    void everyServiceRunsC1CompiledCodeOnly() {
        for (ServiceType t : ServiceType.values()) {
            assertThat(t.jvmOptions()).as(t.cliName()).containsExactly("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void cliNamesRoundTrip() {
        for (ServiceType t : ServiceType.values()) {
            assertThat(ServiceType.fromCli(t.cliName())).isEqualTo(t);
        }
        assertThat(ServiceType.fromCli("records-manager")).isEqualTo(ServiceType.RECORDS_MANAGER);
    }
}
