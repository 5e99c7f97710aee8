package io.aiperf.core.config;

/** How credits are timed, resolved once from the options in AIPerf's order (fixed schedule, user-centric, rate). */
public enum TimingMode {
    /** Request rate with an arrival pattern; with {@link ArrivalPattern#CONCURRENCY_BURST} as fast as slots allow. */
    REQUEST_RATE,
    /** Replay of dataset timestamps (ms), {@code --fixed-schedule}. */
    FIXED_SCHEDULE,
    /** {@code --user-centric-rate} with {@code --num-users}: each user keeps a fixed gap between its turns. */
    USER_CENTRIC_RATE
}
