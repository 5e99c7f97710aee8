package io.aiperf.core.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OptionValuesTest {

    @Test
    void aValueMatchesInAnyCaseWithDashOrUnderscoreAndBlanksAround() {
        assertThat(OptionValues.find(ModelSelectionStrategy.class, ModelSelectionStrategy::cliName, " Round-Robin "))
                .isEqualTo(ModelSelectionStrategy.ROUND_ROBIN);
        assertThat(OptionValues.find(RequestContentType.class, RequestContentType::cliName, "MULTIPART/FORM_DATA"))
                .isEqualTo(RequestContentType.MULTIPART_FORM_DATA);
    }

    @Test
    void noMatchAndNoValueAreNull() {
        assertThat(OptionValues.find(ModelSelectionStrategy.class, ModelSelectionStrategy::cliName, "least_loaded"))
                .isNull();
        assertThat(OptionValues.find(ModelSelectionStrategy.class, ModelSelectionStrategy::cliName, null)).isNull();
    }

    @Test
    void theListIsEveryValueInDeclarationOrder() {
        assertThat(OptionValues.list(RequestContentType.class, RequestContentType::cliName))
                .isEqualTo("application/json, multipart/form-data");
    }
}
