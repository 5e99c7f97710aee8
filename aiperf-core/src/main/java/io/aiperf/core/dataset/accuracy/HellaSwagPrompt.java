package io.aiperf.core.dataset.accuracy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HellaSwag: sentence completions as multiple choice; the few-shot examples are one row per activity label (AIPerf
 * takes them from the train split; we take them from the graded file, never the row itself), the answer a letter.
 */
final class HellaSwagPrompt implements PromptTemplate {

    @Override
    public List<BenchmarkItem> shots(BenchmarkItem item, BenchmarkSet set, int n) {
        List<BenchmarkItem> shots = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (BenchmarkItem other : set.graded()) {
            if (shots.size() >= n) {
                break;
            }
            if (other != item && labels.add(other.task())) {
                shots.add(other);
            }
        }
        return shots;
    }

    @Override
    public String prompt(BenchmarkItem item, List<BenchmarkItem> shots, boolean cot) {
        String header = "The following are multiple choice questions (with answers) are sentence completion "
                + "problems about " + item.task() + ".\n\n";
        return MultipleChoicePrompts.prompt(header, item, shots, cot);
    }

    @Override
    public Integer maxTokens(boolean cot) {
        return null;
    }
}
