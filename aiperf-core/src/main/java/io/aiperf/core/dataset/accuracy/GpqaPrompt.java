package io.aiperf.core.dataset.accuracy;

import java.util.List;

/**
 * GPQA Diamond: AIPerf's zero-shot prompt (the simple-evals wording): ask for a last line {@code Answer: X}, which the
 * multiple-choice grader reads, then the question and the four answers as {@code A) ...} lines. It already asks the
 * model to think step by step, so CoT changes nothing, and there are no examples. Budget: 32768 tokens, AIPerf's
 * generation size (the reasoning comes first).
 */
final class GpqaPrompt implements PromptTemplate {

    static final String INSTRUCTION = "Answer the following multiple choice question. The last line of your "
            + "response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of "
            + "ABCD. Think step by step before answering.";

    @Override
    public List<BenchmarkItem> shots(BenchmarkItem item, BenchmarkSet set, int n) {
        return List.of();
    }

    @Override
    public String prompt(BenchmarkItem item, List<BenchmarkItem> shots, boolean cot) {
        StringBuilder b = new StringBuilder(INSTRUCTION).append("\n\n").append(item.question().strip()).append("\n\n");
        for (int i = 0; i < item.choices().size(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(BenchmarkItem.letter(i)).append(") ").append(item.choices().get(i).strip());
        }
        return b.toString();
    }

    @Override
    public Integer maxTokens(boolean cot) {
        return 32768;
    }
}
