package io.aiperf.records.accuracy;

/**
 * One graded response: a line of {@code accuracy_export.jsonl}, fields and order as AIPerf's
 * {@code AccuracyRecordsData}.
 *
 * @param sessionNum     the request's {@code session_num}
 * @param conversationId the problem's conversation id (its prompt is in {@code inputs.json} under this id)
 * @param xRequestId     the request's {@code X-Request-ID}
 * @param workerId       the record processor that graded it
 * @param benchmarkPhase {@code profiling} (warmup records are not graded)
 * @param timestampNs    wall-clock time of the grading
 * @param task           the problem's subtask
 * @param graderName     the grader's name
 * @param confidence     1.0 for a pass, 0.0 for a fail (our graders are all-or-nothing)
 * @param modelOutput    the answer text the model returned
 * @param modelThinking  its separate reasoning text, or null when it sent none
 */
public record AccuracyRecord(long sessionNum, String conversationId, String xRequestId, String workerId,
                             String benchmarkPhase, long timestampNs, String task, String graderName, boolean passed,
                             boolean unparsed, double confidence, String expected, String actual, String explanation,
                             String modelOutput, String modelThinking) {
}
