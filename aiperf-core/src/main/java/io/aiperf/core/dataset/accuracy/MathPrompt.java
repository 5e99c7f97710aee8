package io.aiperf.core.dataset.accuracy;

import java.util.List;

/**
 * AIME-style math: {@code **Problem**:} / {@code **Solution**:} (only with CoT) / {@code **Answer**:} blocks for the
 * examples, then the problem with its answer open, primed with {@code Let's think step-by-step.} under CoT. A
 * benchmark whose reference sends the bare problem (aime24, aime25, math_500) does so when it has no examples and no
 * CoT.
 */
final class MathPrompt implements PromptTemplate {

    private final boolean bareWithoutShots;

    MathPrompt(boolean bareWithoutShots) {
        this.bareWithoutShots = bareWithoutShots;
    }

    @Override
    public List<BenchmarkItem> shots(BenchmarkItem item, BenchmarkSet set, int n) {
        return PromptTemplate.firstOthers(set.shotsByTask().get(item.task()), item, n);
    }

    @Override
    public String prompt(BenchmarkItem item, List<BenchmarkItem> shots, boolean cot) {
        if (bareWithoutShots && shots.isEmpty() && !cot) {
            return item.question().strip();
        }
        StringBuilder b = new StringBuilder();
        for (BenchmarkItem shot : shots) {
            b.append("**Problem**: ").append(shot.question().strip()).append('\n');
            if (cot && shot.solution() != null && !shot.solution().isBlank()) {
                b.append("**Solution**: ").append(shot.solution().strip()).append('\n');
            }
            b.append("**Answer**: ").append(shot.answer()).append("\n\n");
        }
        b.append("**Problem**: ").append(item.question().strip()).append("\n**Answer**:");
        if (cot) {
            b.append(" Let's think step-by-step.");
        }
        return b.toString();
    }

    @Override
    public Integer maxTokens(boolean cot) {
        return null;
    }
}
