package io.aiperf.cli.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --log-level} takes AIPerf's levels in any case and runs the services at the nearest Logback level. */
class LogLevelTest {

    @ParameterizedTest
    @CsvSource({"TRACE,TRACE", "debug,DEBUG", "Info,INFO", "notice,INFO", "WARNING,WARN", "warn,WARN",
        "success,INFO", "error,ERROR", "CRITICAL,ERROR"})
    void everyAiperfLevelRunsAtItsLogbackLevel(String given, String logback) {
        assertThat(Cli.m("--log-level", given).service().logLevel()).isEqualTo(logback);
    }

    @Test
    void anyOtherLevelIsOneUsageErrorListingThem() {
        Cli.rejects("--log-level", "loud").hasMessage("--log-level 'loud': expected one of TRACE, DEBUG, INFO, NOTICE, "
                + "WARNING, SUCCESS, ERROR, CRITICAL");
    }

    @Test
    void aBadLevelIsRefusedEvenWhenVerboseWouldOverrideIt() {
        Cli.rejects("--log-level", "loud", "-v").hasMessageStartingWith("--log-level 'loud'");
    }
}
