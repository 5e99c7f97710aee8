package io.aiperf.cli.tools;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolsRegisteredTest {

    @Test
    void topLevelHelpListsTheTraceTools() {
        ToolRun r = ToolRun.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("analyze-trace").contains("synthesize-sine").contains("convert-burstgpt");
    }

    @Test
    void unknownOptionOfAToolIsOneLine() {
        ToolRun.run("analyze-trace", "--input-file", "x.jsonl", "--no-such-option").failsWith(2, "--no-such-option");
    }
}
