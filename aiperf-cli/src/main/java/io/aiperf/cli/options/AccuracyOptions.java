package io.aiperf.cli.options;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * AIPerf's "Accuracy" option group: grade the responses of the run against a benchmark's answers. AIPerf fetches
 * the benchmarks from the Hugging Face hub; we read a local copy, given with {@code --accuracy-dataset-path} (ours).
 * Resolved by {@link AccuracyResolver}.
 */
public final class AccuracyOptions {

    @Option(names = "--accuracy-benchmark", paramLabel = "NAME",
            description = "Send this benchmark's problems and grade the answers: mmlu, aime, hellaswag, bigbench, "
                    + "aime24, aime25, math_500, gpqa_diamond (lcb_codegeneration is refused). Needs "
                    + "--accuracy-dataset-path.")
    public String benchmark;

    @Option(names = "--accuracy-tasks", paramLabel = "TASK", split = ",",
            description = "Only these subtasks (MMLU subjects, HellaSwag activity labels, BIG-bench tasks); "
                    + "comma-separated or repeated. Omit for all.")
    public List<String> tasks = new ArrayList<>();

    @Option(names = "--accuracy-n-shots", paramLabel = "N",
            description = "Few-shot examples per prompt, 0-32 (aime: at most 8, bigbench 3; gpqa_diamond has "
                    + "none); default: the benchmark's (mmlu 5, aime 8, hellaswag 10, bigbench 3, others 0).")
    public Integer nShots;

    @Option(names = "--accuracy-enable-cot", negatable = true,
            description = "Chain-of-thought prompting; default: the benchmark's (on for aime, off otherwise).")
    public Boolean enableCot;

    @Option(names = "--accuracy-grader", paramLabel = "NAME",
            description = "Grader instead of the benchmark's: exact_match, math or multiple_choice (code_execution "
                    + "is refused: it would run the model's code); default: the benchmark's.")
    public String grader;

    @Option(names = "--accuracy-system-prompt", paramLabel = "TEXT",
            description = "System prompt of every problem; '' sends none. Default: the benchmark's (aime asks for "
                    + "the answer in \\boxed{}), else none.")
    public String systemPrompt;

    @Option(names = "--accuracy-verbose",
            description = "Print one line per graded response (expected, extracted, pass/fail) after the accuracy "
                    + "table.")
    public boolean verbose;

    @Option(names = "--accuracy-dataset-path", paramLabel = "PATH",
            description = "Ours: the local copy of the benchmark (AIPerf downloads it): mmlu the directory of its "
                    + "CSVs (test/<subject>_test.csv, dev/<subject>_dev.csv); aime, aime24, aime25, math_500 and "
                    + "hellaswag their JSONL file; gpqa_diamond gpqa_diamond.csv; bigbench a directory of "
                    + "<task>/task.json (BIG-bench) or <task>.json (BIG-Bench Hard) files, or one such file.")
    public String datasetPath;

    /** Whether any accuracy option was given. */
    boolean anyGiven() {
        return benchmark != null || !tasks.isEmpty() || nShots != null || enableCot != null || grader != null
                || systemPrompt != null || verbose || datasetPath != null;
    }
}
