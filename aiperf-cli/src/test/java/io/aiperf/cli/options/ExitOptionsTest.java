package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --fail-on-error-rate PCT} is a percentage in [0, 100]. */
class ExitOptionsTest {

    private static ExitOptions parse(String... args) {
        ExitOptions exit = new ExitOptions();
        new CommandLine(exit).parseArgs(args);
        return exit;
    }

    @Test
    void unsetIsNull() {
        assertThat(parse().failOnErrorRatePct()).isNull();
    }

    @Test
    void acceptsAPercentage() {
        assertThat(parse("--fail-on-error-rate", "2.5").failOnErrorRatePct()).isEqualTo(2.5);
        assertThat(parse("--fail-on-error-rate=0").failOnErrorRatePct()).isZero();
        assertThat(parse("--fail-on-error-rate", "100").failOnErrorRatePct()).isEqualTo(100.0);
    }

    @Test
    void rejectsOutOfRange() {
        assertThatThrownBy(() -> parse("--fail-on-error-rate", "101").failOnErrorRatePct())
                .isInstanceOf(UsageException.class)
                .hasMessage("--fail-on-error-rate must be a percentage in [0, 100], got 101.0");
        assertThatThrownBy(() -> parse("--fail-on-error-rate", "-1").failOnErrorRatePct())
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> parse("--fail-on-error-rate", "NaN").failOnErrorRatePct())
                .isInstanceOf(UsageException.class);
    }
}
