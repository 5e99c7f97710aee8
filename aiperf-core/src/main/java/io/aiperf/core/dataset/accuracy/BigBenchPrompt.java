package io.aiperf.core.dataset.accuracy;

import java.util.List;

/**
 * BIG-bench: each example as {@code Q: <input>} and {@code A: <target>}, separated by blank lines, then the problem
 * with {@code A:} open (under CoT followed by {@code Let's think step by step.}, BIG-Bench Hard's primer). A
 * multiple-choice row lists its options under the input as {@code choice: <option>} lines, as BIG-bench does, and
 * its answer is the option's text. The examples are the task's first other rows (AIPerf takes DeepEval's three
 * canonical ones per task, which are not in the task files). Budget: 1024 tokens, AIPerf's.
 */
final class BigBenchPrompt implements PromptTemplate {

    @Override
    public List<BenchmarkItem> shots(BenchmarkItem item, BenchmarkSet set, int n) {
        return PromptTemplate.firstOthers(set.shotsByTask().get(item.task()), item, n);
    }

    @Override
    public String prompt(BenchmarkItem item, List<BenchmarkItem> shots, boolean cot) {
        StringBuilder b = new StringBuilder();
        for (BenchmarkItem shot : shots) {
            question(b, shot).append(' ').append(shot.answer().strip()).append("\n\n");
        }
        question(b, item);
        if (cot) {
            b.append(" Let's think step by step.");
        }
        return b.toString();
    }

    private static StringBuilder question(StringBuilder b, BenchmarkItem item) {
        b.append("Q: ").append(item.question().strip()).append('\n');
        for (String choice : item.choices()) {
            b.append("  choice: ").append(choice.strip()).append('\n');
        }
        return b.append("A:");
    }

    @Override
    public Integer maxTokens(boolean cot) {
        return 1024;
    }
}
