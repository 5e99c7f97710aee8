package io.aiperf.core.dataset.accuracy;

import java.util.List;

/**
 * One row of a benchmark file, as published.
 *
 * @param task     the subtask it belongs to (MMLU subject, HellaSwag activity label, else the benchmark's name)
 * @param question the question, problem or context to complete
 * @param choices  the options in letter order (A first); empty for free-form answers
 * @param answer   the gold answer: a letter for multiple choice, the final answer otherwise
 * @param solution the worked solution when the file has one (AIME few-shots with chain-of-thought), else null
 */
public record BenchmarkItem(String task, String question, List<String> choices, String answer, String solution) {

    public BenchmarkItem {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** {@code A}, {@code B}, ... for option {@code index}. */
    public static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
