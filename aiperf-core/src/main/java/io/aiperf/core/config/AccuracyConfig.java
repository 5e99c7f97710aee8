package io.aiperf.core.config;

import java.util.List;

/**
 * Accuracy mode ({@code --accuracy-*}), resolved: the benchmark's problems replace the synthetic prompts, and the
 * records side grades every response against the problem's expected answer.
 *
 * @param benchmark    {@code --accuracy-benchmark} (only {@link AccuracyBenchmark#readable()} ones get this far)
 * @param tasks        {@code --accuracy-tasks}: the subtasks to keep (e.g. MMLU subjects); empty keeps all
 * @param shots        {@code --accuracy-n-shots}, or the benchmark's default
 * @param cot          {@code --accuracy-enable-cot}, or the benchmark's default
 * @param grader       {@code --accuracy-grader}, or the benchmark's default
 * @param systemPrompt {@code --accuracy-system-prompt}, else the benchmark's default; null sends none
 * @param verbose      {@code --accuracy-verbose}: one line per graded response after the table
 * @param datasetPath  {@code --accuracy-dataset-path} (ours, absolute): the local copy of the benchmark's files
 * @param seed         {@code --random-seed}, or null: gpqa_diamond's answer order derives from it (and the question),
 *                     so both sides of a run, reading the file apart, put the right answer under the same letter
 */
public record AccuracyConfig(AccuracyBenchmark benchmark, List<String> tasks, int shots, boolean cot,
                             AccuracyGrader grader, String systemPrompt, boolean verbose, String datasetPath,
                             Long seed) {

    public AccuracyConfig {
        if (benchmark == null || grader == null) {
            throw new IllegalArgumentException("benchmark and grader are required");
        }
        if (shots < 0 || shots > benchmark.maxShots()) {
            throw new IllegalArgumentException("shots must be between 0 and " + benchmark.maxShots() + ": " + shots);
        }
        if (datasetPath == null || datasetPath.isBlank()) {
            throw new IllegalArgumentException("a dataset path is required");
        }
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        systemPrompt = systemPrompt == null || systemPrompt.isEmpty() ? null : systemPrompt;
    }

    /** Without a run seed: answer orders derive from the questions alone. */
    public AccuracyConfig(AccuracyBenchmark benchmark, List<String> tasks, int shots, boolean cot,
                          AccuracyGrader grader, String systemPrompt, boolean verbose, String datasetPath) {
        this(benchmark, tasks, shots, cot, grader, systemPrompt, verbose, datasetPath, null);
    }
}
