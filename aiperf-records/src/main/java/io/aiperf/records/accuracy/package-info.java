/**
 * Accuracy mode on the records side: the graders ({@code exact_match}, {@code math}, {@code multiple_choice}), the
 * answer key that grades a profiling record's response text against its conversation's expected answer, the per-task
 * tally, and the exports AIPerf writes ({@code accuracy_export.jsonl} per graded response,
 * {@code accuracy_results.csv} per task) with the console table. {@code RecordCollector} calls it from its sink thread. See {@code docs/accuracy.md}.
 */
package io.aiperf.records.accuracy;
