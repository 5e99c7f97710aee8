package io.aiperf.core.dataset.accuracy;

import java.util.List;

/**
 * MMLU: the subject's header line, the first {@code n} rows of its dev split with their letters, the question.
 * Without CoT the budget is 5 tokens (a letter); with it 4000 (AIPerf's generation sizes).
 */
final class MmluPrompt implements PromptTemplate {

    @Override
    public List<BenchmarkItem> shots(BenchmarkItem item, BenchmarkSet set, int n) {
        return PromptTemplate.firstOthers(set.shotsByTask().get(item.task()), item, n);
    }

    @Override
    public String prompt(BenchmarkItem item, List<BenchmarkItem> shots, boolean cot) {
        String header = "The following are multiple choice questions (with answers) about "
                + item.task().replace('_', ' ') + ".\n\n";
        return MultipleChoicePrompts.prompt(header, item, shots, cot);
    }

    @Override
    public Integer maxTokens(boolean cot) {
        return cot ? 4000 : 5;
    }
}
