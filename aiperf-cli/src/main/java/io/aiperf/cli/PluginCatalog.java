package io.aiperf.cli;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyGrader;
import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.publicdata.PublicDataset;
import io.aiperf.ui.UiMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code aiperf plugins} lists: the implementations of each kind this build has, read from the enums that
 * the options are parsed into, so the list cannot drift from what runs. Each description is an exhaustive
 * {@code switch}: a new constant does not compile until it is described.
 */
final class PluginCatalog {

    /** One implementation: its option value and what it is. */
    record Entry(String name, String description) {
    }

    private PluginCatalog() {
    }

    /** Category → its entries, in the order {@code aiperf plugins} shows them. */
    static Map<String, List<Entry>> categories() {
        Map<String, List<Entry>> c = new LinkedHashMap<>();
        c.put("endpoint", endpoints());
        c.put("dataset_type", datasetTypes());
        c.put("public_dataset", publicDatasets());
        c.put("timing_mode", timingModes());
        c.put("arrival_pattern", arrivalPatterns());
        c.put("exporter", exporters());
        c.put("ui", uiTypes());
        c.put("accuracy_benchmark", accuracyBenchmarks());
        c.put("accuracy_grader", accuracyGraders());
        return c;
    }

    /** What is wrong with {@code categories}: a name twice in one category, a blank or multi-line description. */
    static List<String> problems(Map<String, List<Entry>> categories) {
        List<String> problems = new ArrayList<>();
        categories.forEach((category, entries) -> {
            Set<String> seen = new HashSet<>();
            for (Entry e : entries) {
                if (!seen.add(e.name())) {
                    problems.add(category + " '" + e.name() + "' is listed twice");
                }
                if (e.description() == null || e.description().isBlank()) {
                    problems.add(category + " '" + e.name() + "' has no description");
                } else if (e.description().contains("\n")) {
                    problems.add(category + " '" + e.name() + "' has a description of more than one line");
                }
            }
        });
        return problems;
    }

    private static List<Entry> endpoints() {
        List<Entry> entries = new ArrayList<>();
        for (EndpointType type : EndpointType.values()) {
            String path = type.defaultPath() == null ? "the URL as given (or --custom-endpoint)"
                    : "POST " + type.defaultPath() + (type.streamingPath() == null ? ""
                            : " (streaming: " + type.streamingPath() + ")");
            if (type == EndpointType.VIDEO_GENERATION) {
                path += ", then GET " + type.defaultPath() + "/{id} until done (and /content with "
                        + "--download-video-content)";
            }
            entries.add(new Entry(type.cliName(), path + "; " + (type.supportsStreaming() ? "can stream" : "no streaming")
                    + "; " + type.metricsTitle() + (type.producesTokens() ? "" : " (latency only, no token metrics)")));
        }
        return entries;
    }

    private static List<Entry> datasetTypes() {
        List<Entry> entries = new ArrayList<>();
        for (DatasetFormat format : DatasetFormat.values()) {
            entries.add(new Entry(format.cliName(), switch (format) {
                case SINGLE_TURN -> "JSONL, one request per row (text, images, audio)";
                case MULTI_TURN -> "JSONL, one conversation per row: {\"session_id\", \"turns\": [...]}";
                case MOONCAKE_TRACE -> "JSONL request trace: input_length or text, output_length, timestamp, hash_ids";
                case RANDOM_POOL -> "JSONL pools of rows (a file, or a directory of pools) drawn at random";
                case BAILIAN_TRACE -> "JSONL Alibaba Bailian trace: chat_id/parent_chat_id chains, seconds, 16-token "
                        + "blocks";
                case BURST_GPT_TRACE -> "BurstGPT CSV: timestamp (s), request and response token counts";
            }));
        }
        return entries;
    }

    private static List<Entry> publicDatasets() {
        List<Entry> entries = new ArrayList<>();
        for (PublicDataset dataset : PublicDataset.values()) {
            entries.add(new Entry(dataset.cliName(), dataset.description()));
        }
        return entries;
    }

    private static List<Entry> timingModes() {
        List<Entry> entries = new ArrayList<>();
        for (TimingMode mode : TimingMode.values()) {
            entries.add(new Entry(mode.name().toLowerCase(Locale.ROOT), switch (mode) {
                case REQUEST_RATE -> "--request-rate and/or --concurrency, paced by --arrival-pattern (the default)";
                case FIXED_SCHEDULE -> "--fixed-schedule: each --input-file entry at its timestamp";
                case USER_CENTRIC_RATE -> "--user-centric-rate with --num-users: a fixed gap between each user's turns";
            }));
        }
        return entries;
    }

    private static List<Entry> arrivalPatterns() {
        List<Entry> entries = new ArrayList<>();
        for (ArrivalPattern pattern : ArrivalPattern.values()) {
            entries.add(new Entry(pattern.cliName(), switch (pattern) {
                case CONSTANT -> "evenly spaced arrivals at --request-rate";
                case POISSON -> "exponential gaps (a Poisson process) at --request-rate";
                case GAMMA -> "gamma-distributed gaps, shape --arrival-smoothness";
                case CONCURRENCY_BURST -> "no pacing: a request whenever a --concurrency slot frees";
            }));
        }
        return entries;
    }

    private static List<Entry> exporters() {
        List<Entry> entries = new ArrayList<>();
        for (ExportLevel level : ExportLevel.values()) {
            entries.add(new Entry(level.cliName(), switch (level) {
                case SUMMARY -> "--export-level summary: profile_export_aiperf.json and .csv";
                case RECORDS -> "--export-level records (default): plus profile_export.jsonl, one line per request";
                case RAW -> "--export-level raw: plus profile_export_raw.jsonl, every request and response";
            }));
        }
        return entries;
    }

    private static List<Entry> uiTypes() {
        List<Entry> entries = new ArrayList<>();
        for (UiMode mode : UiMode.values()) {
            entries.add(new Entry(mode.optionValue(), switch (mode) {
                case DASHBOARD -> "the full-screen live dashboard (default on a terminal)";
                case SIMPLE -> "one progress line per phase with a bar, rate and ETA";
                case NONE -> "plain lines, no escape codes (default when stdout is not a terminal)";
            }));
        }
        return entries;
    }

    private static List<Entry> accuracyBenchmarks() {
        List<Entry> entries = new ArrayList<>();
        for (AccuracyBenchmark b : AccuracyBenchmark.values()) {
            String what = switch (b) {
                case MMLU -> "MMLU, 57 subjects: a directory of <subject>_test.csv and _dev.csv";
                case AIME -> "AIME 2024 (8-shot CoT, \\boxed{} answers): a JSONL file of Problem, Solution, Answer";
                case HELLASWAG -> "HellaSwag sentence completion: hellaswag_val.jsonl";
                case BIGBENCH -> "BIG-bench / BIG-Bench Hard tasks: a directory of <task>/task.json or <task>.json";
                case AIME24 -> "AIME 2024, bare problems: a JSONL file of problem, answer";
                case AIME25 -> "AIME 2025, bare problems: a JSONL file of problem, answer";
                case MATH_500 -> "MATH-500: its test.jsonl (problem, solution, answer)";
                case GPQA_DIAMOND -> "GPQA Diamond, answers shuffled into A-D: gpqa_diamond.csv";
                case LCB_CODEGENERATION -> "LiveCodeBench (refused: grading runs the model's code)";
            };
            entries.add(new Entry(b.cliName(), what + (b.readable() ? "; grader " + b.defaultGrader().cliName() : "")));
        }
        return entries;
    }

    private static List<Entry> accuracyGraders() {
        List<Entry> entries = new ArrayList<>();
        for (AccuracyGrader g : AccuracyGrader.values()) {
            entries.add(new Entry(g.cliName(), switch (g) {
                case EXACT_MATCH -> "the trimmed response equals the gold answer";
                case MATH -> "last \\boxed{} (or answer phrase, last number), normalised, numbers within 1e-4";
                case MULTIPLE_CHOICE -> "the chosen letter: 'answer is (X)', 'Answer: X' or a leading letter";
                case CODE_EXECUTION -> "refused: it would run the model's code on this machine";
            }));
        }
        return entries;
    }
}
