package io.aiperf.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf worker}'s bad input: one line, exit 2, before anything connects. */
class WorkerCommandTest {

    private static String oneLineUsageError(String... args) {
        StringWriter err = new StringWriter();
        int code = AiperfMain.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
        assertThat(err.toString()).doesNotContain("\tat ");
        return err.toString().strip();
    }

    @Test
    void aControllerAddressThatIsNoHostAndPortIsOneLine() {
        assertThat(oneLineUsageError("worker", "--controller", "ctl:http"))
                .startsWith("aiperf: error: --controller 'ctl:http': expected HOST:PORT");
        assertThat(oneLineUsageError("worker", "--controller", "http://ctl:5564"))
                .startsWith("aiperf: error: --controller 'http://ctl:5564': expected HOST or HOST:PORT");
    }

    @Test
    void anIdTheBusCannotCarryIsOneLine() {
        assertThat(oneLineUsageError("worker", "--controller", "ctl", "--id", "two words"))
                .startsWith("aiperf: error: --id 'two words': expected up to 100 letters, digits");
        assertThat(oneLineUsageError("worker", "--controller", "ctl", "--id", "-leading-dash"))
                .startsWith("aiperf: error: --id '-leading-dash'");
    }

    @Test
    void aJoinTimeoutThatIsNoPositiveNumberIsOneLine() {
        assertThat(oneLineUsageError("worker", "--controller", "ctl", "--join-timeout", "0"))
                .startsWith("aiperf: error: --join-timeout: expected seconds greater than 0");
        assertThat(oneLineUsageError("worker", "--controller", "ctl", "--join-timeout", "soon"))
                .contains("--join-timeout");
    }

    @Test
    void theControllerIsRequired() {
        assertThat(oneLineUsageError("worker")).contains("--controller");
    }
}
