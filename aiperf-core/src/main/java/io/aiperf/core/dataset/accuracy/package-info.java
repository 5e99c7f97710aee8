/**
 * Accuracy mode's inputs ({@code --accuracy-benchmark}): readers of the benchmarks' published files (MMLU's per-subject
 * CSVs, AIME/MATH-500 JSONL, HellaSwag JSONL, GPQA's CSV, BIG-bench task JSON) into
 * {@link io.aiperf.core.dataset.accuracy.BenchmarkItem}s, the per-benchmark prompt templates (few-shot examples,
 * chain-of-thought instruction), and {@link io.aiperf.core.dataset.accuracy.AccuracyProblems}, which numbers the
 * problems the same way on both sides of a run: {@code InputDataset} turns them into conversations, the records side
 * keeps their expected answers by conversation id to grade the responses. See {@code docs/accuracy.md}.
 */
package io.aiperf.core.dataset.accuracy;
