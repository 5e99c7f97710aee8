package io.aiperf.core.dataset.accuracy;

import java.util.List;
import java.util.Map;

/**
 * A benchmark's rows as read: the ones to grade, in file order, and per task the rows few-shot examples are taken
 * from (MMLU's dev split; for the JSONL benchmarks the graded rows themselves, a row never being its own example).
 */
public record BenchmarkSet(List<BenchmarkItem> graded, Map<String, List<BenchmarkItem>> shotsByTask,
                           boolean shotsFromGraded) {

    public BenchmarkSet {
        graded = List.copyOf(graded);
        shotsByTask = Map.copyOf(shotsByTask);
    }
}
