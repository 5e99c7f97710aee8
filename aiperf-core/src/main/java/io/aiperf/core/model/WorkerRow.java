package io.aiperf.core.model;

/**
 * One worker as the live UI's worker table shows it ({@link io.aiperf.core.message.Message.WorkerTable}).
 *
 * @param state       {@link #STARTING}, {@link #RUNNING}, {@link #STOPPED} or {@link #LOST}
 * @param inFlight    requests on the wire now
 * @param completed   requests finished in the current phase
 * @param failed      of those, the failed ones
 * @param cpuPercent  CPU use over the last status interval, % of one core; NaN before the first status
 * @param memoryBytes resident set size, or -1 when unknown
 */
public record WorkerRow(String workerId, String state, int inFlight, long completed, long failed, double cpuPercent,
                        long memoryBytes) {

    /** Its process was started; no status from it yet. */
    public static final String STARTING = "starting";
    /** It reports its status: the row shows its latest one. */
    public static final String RUNNING = "running";
    /** The load is over: nothing in flight, the rest as its last status said. */
    public static final String STOPPED = "stopped";
    /** Its process exited during the run; what it held in flight was recorded as lost. */
    public static final String LOST = "lost";
}
