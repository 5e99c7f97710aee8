package io.aiperf.cli.api;

import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiOptionsTest {

    private static String host(String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return command.outputOptions().apiListenHost();
    }

    @Test
    void offUnlessAPortIsGivenAndThisMachineOnlyByDefault() {
        assertThat(host("-m", "m")).isNull();
        assertThat(host("-m", "m", "--api-port", "0")).isEqualTo("127.0.0.1");
        assertThat(host("-m", "m", "--api-port", "9090", "--api-host", "0.0.0.0")).isEqualTo("0.0.0.0");
    }

    @Test
    void aHostWithoutAPortOrAPortOutOfRangeIsAUsageError() {
        assertThatThrownBy(() -> host("-m", "m", "--api-host", "0.0.0.0")).isInstanceOf(UsageException.class)
                .hasMessage("--api-host needs --api-port");
        assertThatThrownBy(() -> host("-m", "m", "--api-port", "70000")).isInstanceOf(UsageException.class)
                .hasMessage("--api-port must be between 0 and 65535 (got 70000)");
    }
}
