package io.aiperf.records.accuracy;

/**
 * A grader's verdict on one response.
 *
 * @param passed      whether the extracted answer matches the expected one
 * @param unparsed    whether the answer was not where the prompt asked for it (a fallback found it, or nothing did)
 * @param actual      the answer extracted from the response ("" when none)
 * @param explanation how the grader got there, for {@code accuracy_export.jsonl}
 */
public record Grade(boolean passed, boolean unparsed, String actual, String explanation) {
}
