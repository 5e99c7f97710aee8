package io.aiperf.core.dataset.accuracy;

import java.util.List;

/** How one benchmark words a problem: which rows are its few-shot examples, and the prompt text around them. */
interface PromptTemplate {

    /** At most {@code n} few-shot examples for {@code item}, never the item itself. */
    List<BenchmarkItem> shots(BenchmarkItem item, BenchmarkSet set, int n);

    /** The prompt: the examples with their answers, then the item with its answer left for the model. */
    String prompt(BenchmarkItem item, List<BenchmarkItem> shots, boolean cot);

    /**
     * The output budget the benchmark asks for ({@code max_tokens} of the turn), or null for none: MMLU wants a single
     * letter unless it reasons first.
     */
    Integer maxTokens(boolean cot);

    /** The first {@code n} rows of {@code pool} other than {@code item} (compared by identity: rows may repeat). */
    static List<BenchmarkItem> firstOthers(List<BenchmarkItem> pool, BenchmarkItem item, int n) {
        return pool == null ? List.of() : pool.stream().filter(p -> p != item).limit(n).toList();
    }
}
