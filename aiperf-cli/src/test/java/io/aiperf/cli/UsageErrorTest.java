package io.aiperf.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped option must not echo the value after it: that value may be a credential. */
class UsageErrorTest {

    @Test
    void anUnknownOptionIsNamedWithoutTheValuesAroundIt() {
        StringWriter err = new StringWriter();
        int code = AiperfMain.execute(new String[] {"profile", "-m", "m", "--api-kee", "sk-typo-5f1e2d",
                "--heder=Authorization: Bearer tok-typo-77a1"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("aiperf: error: Unknown options: '--api-kee', '--heder' (values not "
                + "shown: they may hold credentials)").doesNotContain("sk-typo-5f1e2d").doesNotContain("tok-typo-77a1");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void theMessageNamesOnlyOptions() {
        assertThat(AiperfCommandLine.unmatchedMessage(List.of("--nope"))).isEqualTo("Unknown option: '--nope'");
        assertThat(AiperfCommandLine.unmatchedMessage(List.of("stray"))).isEqualTo("unexpected argument (values not shown: "
                + "they may hold credentials)");
    }

    private static String oneLineError(String... args) {
        StringWriter err = new StringWriter();
        int code = AiperfMain.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip().lines()).hasSize(1);
        return err.toString().strip();
    }

    @Test
    void zeroRoundsIsOneLineNamingTheOption() {
        assertThat(oneLineError("profile", "-m", "m", "--rounds", "0"))
                .startsWith("aiperf: error: --rounds must be at least 1 (got 0)");
    }

    @Test
    void aWordInAConcurrencyListIsOneLineNamingTheOptionAndTheWord() {
        assertThat(oneLineError("profile", "-m", "m", "--concurrency", "1,two,4"))
                .startsWith("aiperf: error: ").contains("--concurrency").contains("'two'");
    }

    @Test
    void aWordInARequestRateListIsOneLineToo() {
        assertThat(oneLineError("profile", "-m", "m", "--request-rate", "10,fast"))
                .startsWith("aiperf: error: ").contains("--request-rate").contains("'fast'");
    }
}
