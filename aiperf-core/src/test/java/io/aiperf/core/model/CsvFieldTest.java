package io.aiperf.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFieldTest {

    @Test
    void aFieldIsQuotedOnlyWhenItMustBe() {
        assertThat(CsvField.of("GPU Power Usage (W)")).isEqualTo("GPU Power Usage (W)");
        assertThat(CsvField.of("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvField.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvField.of("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvField.of(null)).isEmpty();
    }
}
