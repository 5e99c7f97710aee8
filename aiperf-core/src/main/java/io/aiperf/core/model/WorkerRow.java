package io.aiperf.core.model;

/**
 * One worker as the live UI's worker table shows it ({@link io.aiperf.core.message.Message.WorkerTable}).
 *
 * @param state       {@code starting}, {@code running}, {@code stopped} or {@code lost}
 * @param inFlight    requests on the wire now
 * @param completed   requests finished in the current phase
 * @param failed      of those, the failed ones
 * @param cpuPercent  CPU use over the last status interval, % of one core; NaN before the first status
 * @param memoryBytes resident set size, or -1 when unknown
 */
public record WorkerRow(String workerId, String state, int inFlight, long completed, long failed, double cpuPercent,
                        long memoryBytes) {
}
