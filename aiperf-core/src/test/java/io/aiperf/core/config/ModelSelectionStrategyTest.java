package io.aiperf.core.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSelectionStrategyTest {

    @Test
    void parsesAiperfNamesInAnyCaseAndWithADash() {
        assertThat(ModelSelectionStrategy.parse("round_robin")).isEqualTo(ModelSelectionStrategy.ROUND_ROBIN);
        assertThat(ModelSelectionStrategy.parse(" Round-Robin ")).isEqualTo(ModelSelectionStrategy.ROUND_ROBIN);
        assertThat(ModelSelectionStrategy.parse("RANDOM")).isEqualTo(ModelSelectionStrategy.RANDOM);
    }

    @Test
    void anUnknownNameIsNull() {
        assertThat(ModelSelectionStrategy.parse("least_loaded")).isNull();
        assertThat(ModelSelectionStrategy.parse(null)).isNull();
    }

    @Test
    void listsItsNamesForErrors() {
        assertThat(ModelSelectionStrategy.names()).isEqualTo("round_robin, random");
    }

    @Test
    void anEndpointWithoutOneUsesRoundRobin() {
        EndpointConfig e = new EndpointConfig(java.util.List.of("m"), EndpointType.CHAT, false,
                java.util.List.of("http://h:1"), null, 1, null, false, false, null, null, null);
        assertThat(e.modelSelection()).isEqualTo(ModelSelectionStrategy.ROUND_ROBIN);
    }
}
