package io.aiperf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code aiperf profile --help} as AIPerf lays it out: {@code aiperf profile [OPTIONS]}, then the options under
 * AIPerf's group headings in AIPerf's order, each with its default. The options stay in their mixins (picocli
 * {@code @ArgGroup}s would change how fields are filled); this table only says where each is shown. A heading
 * with no option of ours (Video Input until it has one) is left out.
 */
public final class ProfileHelpGroups {

    static final String SYNOPSIS = "aiperf profile [OPTIONS]";

    /** Heading → the options under it (any one of each option's names), in help order. */
    static final Map<String, List<String>> GROUPS = groups();

    private ProfileHelpGroups() {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("Endpoint", List.of("--model-names", "--model-selection-strategy", "--endpoint-type", "--streaming",
                "--url", "--url-strategy", "--custom-endpoint", "--request-timeout-seconds", "--api-key", "--secret-header",
                "--ssl-ca-file", "--ssl-insecure", "--use-legacy-max-tokens", "--use-server-token-count",
                "--transport", "--connection-reuse-strategy", "--request-content-type", "--download-video-content",
                "--mock-server"));
        g.put("Input", List.of("--extra-inputs", "--header", "--input-file", "--fixed-schedule",
                "--fixed-schedule-auto-offset", "--fixed-schedule-start-offset", "--fixed-schedule-end-offset",
                "--public-dataset", "--public-dataset-path", "--hf-subset", "--custom-dataset-type", "--dataset-sampling-strategy",
                "--random-seed", "--goodput"));
        g.put("Audio Input", List.of("--audio-batch-size", "--audio-length-mean", "--audio-length-stddev",
                "--audio-format", "--audio-depths", "--audio-sample-rates", "--audio-num-channels"));
        g.put("Image Input", List.of("--image-width-mean", "--image-width-stddev", "--image-height-mean",
                "--image-height-stddev", "--image-batch-size", "--image-format"));
        g.put("Video Input", List.of("--video-batch-size", "--video-duration", "--video-fps", "--video-width",
                "--video-height", "--video-synth-type", "--video-format", "--video-codec", "--video-audio-sample-rate",
                "--video-audio-num-channels", "--video-audio-codec", "--video-audio-depth"));
        g.put("Prompt", List.of("--prompt-batch-size", "--seq-dist"));
        g.put("Input Sequence Length (ISL)", List.of("--isl", "--isl-stddev", "--isl-block-size"));
        g.put("Output Sequence Length (OSL)", List.of("--osl", "--osl-stddev"));
        g.put("Prefix Prompt", List.of("--prompt-prefix-pool-size", "--prompt-prefix-length",
                "--shared-system-prompt-length", "--user-context-prompt-length"));
        g.put("Rankings", List.of("--rankings-passages-mean", "--rankings-passages-stddev",
                "--rankings-passages-prompt-token-mean", "--rankings-passages-prompt-token-stddev",
                "--rankings-query-prompt-token-mean", "--rankings-query-prompt-token-stddev"));
        g.put("Synthesis", List.of("--synthesis-speedup-ratio", "--synthesis-prefix-len-multiplier",
                "--synthesis-prefix-root-multiplier", "--synthesis-prompt-len-multiplier", "--synthesis-max-isl",
                "--synthesis-max-osl"));
        g.put("Conversation Input", List.of("--conversation-num", "--num-dataset-entries", "--conversation-turn-mean",
                "--conversation-turn-stddev", "--conversation-turn-delay-mean", "--conversation-turn-delay-stddev",
                "--conversation-turn-delay-ratio"));
        g.put("Output", List.of("--artifact-dir", "--profile-export-prefix", "--export-level", "--slice-duration",
                "--export-http-trace", "--show-trace-timing", "--fail-on-error-rate"));
        g.put("Tokenizer", List.of("--tokenizer", "--tokenizer-revision", "--tokenizer-trust-remote-code"));
        g.put("Load Generator", List.of("--benchmark-duration", "--benchmark-grace-period", "--concurrency",
                "--prefill-concurrency", "--request-rate", "--arrival-pattern", "--arrival-smoothness",
                "--request-count", "--warmup-request-count", "--warmup-duration", "--num-warmup-sessions",
                "--warmup-concurrency", "--warmup-prefill-concurrency", "--warmup-request-rate",
                "--warmup-arrival-pattern", "--warmup-grace-period", "--request-cancellation-rate",
                "--request-cancellation-delay", "--user-centric-rate", "--num-users", "--concurrency-ramp-duration",
                "--prefill-concurrency-ramp-duration", "--request-rate-ramp-duration",
                "--warmup-concurrency-ramp-duration", "--warmup-prefill-concurrency-ramp-duration",
                "--warmup-request-rate-ramp-duration"));
        g.put("Multi-Run", List.of("--num-profile-runs", "--profile-run-cooldown-seconds", "--confidence-level",
                "--profile-run-disable-warmup-after-first", "--set-consistent-seed", "--convergence-metric",
                "--convergence-stat", "--convergence-threshold", "--convergence-mode", "--rounds", "--auto-plot"));
        g.put("Accuracy", List.of("--accuracy-benchmark", "--accuracy-tasks", "--accuracy-n-shots",
                "--accuracy-enable-cot", "--accuracy-grader", "--accuracy-system-prompt", "--accuracy-verbose",
                "--accuracy-dataset-path"));
        g.put("Telemetry", List.of("--gpu-telemetry", "--no-gpu-telemetry"));
        g.put("Server Metrics", List.of("--server-metrics", "--no-server-metrics", "--server-metrics-formats",
                "--prometheus-metrics"));
        g.put("ZMQ", List.of("--zmq-host", "--zmq-ipc-path", "--zmq-port"));
        g.put("Workers", List.of("--workers-max", "--remote-workers", "--remote-workers-join-timeout",
                "--remote-workers-silence-timeout"));
        g.put("Service", List.of("--record-processors", "--ui-type", "--log-level", "--verbose", "--extra-verbose",
                "--api-port", "--api-host"));
        g.put("Help", List.of("--help", "--version"));
        return g;
    }

    /** Gives {@code profile} (a subcommand of {@code line}) AIPerf's synopsis and grouped option list. */
    static void install(CommandLine line) {
        CommandLine profile = line.getSubcommands().get("profile");
        profile.getCommandSpec().usageMessage().customSynopsis(SYNOPSIS);
        Map<String, CommandLine.IHelpSectionRenderer> sections = profile.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, ProfileHelpGroups::render);
    }

    static String render(Help help) {
        CommandSpec spec = help.commandSpec();
        // picocli renders an option through its command: the copies with their defaults spelled out get one.
        CommandSpec shown = CommandSpec.create();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            List<OptionSpec> options = new ArrayList<>();
            for (String name : group.getValue()) {
                OptionSpec option = spec.findOption(name);
                if (option == null) {
                    throw new IllegalStateException("help group " + group.getKey() + " names no option " + name);
                }
                OptionSpec copy = withDefault(option);
                shown.addOption(copy);
                options.add(copy);
            }
            if (!options.isEmpty()) {
                text.append(String.format("%n%s:%n", group.getKey())).append(help.optionListExcludingGroups(options));
            }
        }
        return text.toString();
    }

    /** The option with its default spelled out in its description, where the description does not say it. */
    private static OptionSpec withDefault(OptionSpec option) {
        String value = option.defaultValue();
        List<String> lines = new ArrayList<>();
        for (String line : option.description()) {
            lines.add(value == null ? line : line.replace("${DEFAULT-VALUE}", value));
        }
        String all = String.join(" ", lines);
        String lower = all.toLowerCase(Locale.ROOT);
        if (!lower.contains("default") && !lower.contains("required") && !option.usageHelp()
                && !option.versionHelp()) {
            String shown = value != null ? value : option.arity().max() == 0 ? "off" : "none";
            if (lines.isEmpty()) {
                lines.add("(default: " + shown + ")");
            } else {
                int last = lines.size() - 1;
                lines.set(last, lines.get(last) + " (default: " + shown + ")");
            }
        }
        return OptionSpec.builder(option).description(lines.toArray(String[]::new)).build();
    }
}
