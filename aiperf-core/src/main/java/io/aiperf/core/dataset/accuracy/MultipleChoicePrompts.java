package io.aiperf.core.dataset.accuracy;

import java.util.List;

/** Shared by MMLU and HellaSwag: a question, its lettered options, and {@code Answer:}. */
final class MultipleChoicePrompts {

    /** The instruction CoT adds: the multiple-choice grader reads the letter of this closing sentence. */
    static final String COT_INSTRUCTION =
            "Think step by step and then output the answer in the format of \"The answer is (X)\" at the end.\n\n";
    static final String COT_PRIMER = " Let's think step by step.";

    private MultipleChoicePrompts() {
    }

    /** The question and options, ending in {@code Answer:} (no trailing space: the letter follows it). */
    static String question(BenchmarkItem item) {
        StringBuilder b = new StringBuilder(item.question().strip()).append('\n');
        for (int i = 0; i < item.choices().size(); i++) {
            b.append(BenchmarkItem.letter(i)).append(". ").append(item.choices().get(i).strip()).append('\n');
        }
        return b.append("Answer:").toString();
    }

    static String prompt(String header, BenchmarkItem item, List<BenchmarkItem> shots, boolean cot) {
        StringBuilder b = new StringBuilder(header);
        if (cot) {
            b.append(COT_INSTRUCTION);
        }
        for (BenchmarkItem shot : shots) {
            b.append(question(shot)).append(' ').append(shot.answer()).append("\n\n");
        }
        b.append(question(item));
        if (cot) {
            b.append(COT_PRIMER);
        }
        return b.toString();
    }
}
