package io.aiperf.cli.tools;

import io.aiperf.cli.AiperfMain;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code aiperf …} in-process exactly as the jar's main does, capturing what the user would see. */
record ToolRun(int exitCode, String out, String err) {

    static ToolRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AiperfMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new ToolRun(code, out.toString(), err.toString());
    }

    /** Asserts a failure reported as one {@code aiperf: error:} line containing {@code expected}. */
    ToolRun failsWith(int code, String expected) {
        assertThat(exitCode).as(err).isEqualTo(code);
        assertThat(err.strip().lines()).as(err).hasSize(1);
        assertThat(err).startsWith("aiperf: error: ").contains(expected).doesNotContain("Exception");
        return this;
    }
}
