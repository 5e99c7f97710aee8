package io.aiperf.core.dataset.accuracy;

/**
 * One graded problem of the run.
 *
 * @param conversationId its conversation's id, the key the records side grades by
 * @param task           its subtask (MMLU subject, ...), never null
 * @param prompt         the text sent
 * @param expected       the gold answer the grader compares with
 * @param maxTokens      the benchmark's output budget, or null for none
 */
public record AccuracyProblem(String conversationId, String task, String prompt, String expected,
                              Integer maxTokens) {
}
