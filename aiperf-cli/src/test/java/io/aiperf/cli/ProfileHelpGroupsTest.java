package io.aiperf.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf profile --help}: AIPerf's synopsis and group headings, every option under one of them. */
class ProfileHelpGroupsTest {

    private static String help() {
        StringWriter out = new StringWriter();
        int code = AiperfMain.execute(new String[] {"profile", "--help"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        return out.toString();
    }

    private static CommandSpec profile() {
        return AiperfCommandLine.create(null, null).getSubcommands().get("profile").getCommandSpec();
    }

    @Test
    void startsWithAiperfsOneLineSynopsis() {
        assertThat(help().lines().findFirst()).contains("Usage: aiperf profile [OPTIONS]");
    }

    @Test
    void headingsFollowAiperfsOrderAndEmptyOnesAreLeftOut() {
        List<String> headings = help().lines().filter(l -> l.matches("[A-Z][A-Za-z() -]*:")).toList();

        assertThat(headings).containsExactly("Endpoint:", "Input:", "Audio Input:", "Image Input:", "Video Input:",
                "Prompt:", "Input Sequence Length (ISL):", "Output Sequence Length (OSL):", "Prefix Prompt:",
                "Rankings:", "Synthesis:", "Conversation Input:", "Output:", "Tokenizer:", "Load Generator:",
                "Multi-Run:", "Accuracy:", "Telemetry:", "Server Metrics:", "ZMQ:", "Workers:", "Service:", "Help:");
    }

    @Test
    void optionsAreShownWithTheirDefaults() {
        String help = help().replaceAll("\\s+", " ");

        assertThat(help).contains("--endpoint-type=TYPE API to call: chat,").contains("(default: chat)")
                .contains("--streaming Request streamed (SSE) responses; enables TTFT, ITL and ICL. (default: off)")
                .contains("--request-timeout-seconds=S Total time allowed per request (default: 21600)");
        assertThat(help.substring(help.indexOf("Service:"))).contains("--log-level=LEVEL")
                .contains("(default: INFO)");
    }

    @Test
    void everyOptionIsInExactlyOneGroup() {
        CommandSpec spec = profile();
        Map<OptionSpec, String> groupOf = new IdentityHashMap<>();
        List<String> twice = new ArrayList<>();
        ProfileHelpGroups.GROUPS.forEach((group, names) -> names.forEach(name -> {
            OptionSpec option = spec.findOption(name);
            assertThat(option).as("group %s names %s, which is no option of profile", group, name).isNotNull();
            if (groupOf.put(option, group) != null) {
                twice.add(name);
            }
        }));
        List<String> ungrouped = spec.options().stream().filter(o -> !groupOf.containsKey(o))
                .map(OptionSpec::longestName).toList();

        assertThat(ungrouped).as("options in no help group").isEmpty();
        assertThat(twice).as("options in two help groups").isEmpty();
    }

    @Test
    void everyOptionIsShown() {
        String help = help();
        for (OptionSpec option : profile().options()) {
            // A negatable option is shown as --[no-]name.
            assertThat(help).contains(option.negatable() ? "--[no-]" + option.longestName().substring(2)
                    : option.longestName());
        }
    }
}
