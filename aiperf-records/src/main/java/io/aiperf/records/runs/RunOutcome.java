package io.aiperf.records.runs;

import java.nio.file.Path;

/**
 * One profile run of a plan: its label (run_0001, round_1, c4, ...), its artifact dir, and whether it succeeded.
 *
 * @param error why it failed, or null
 */
public record RunOutcome(String label, Path dir, boolean success, String error) {
}
