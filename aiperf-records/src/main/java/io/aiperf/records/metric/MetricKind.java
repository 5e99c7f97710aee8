package io.aiperf.records.metric;

/** How a metric's value comes about (AIPerf's metric types). */
public enum MetricKind {
    /** One value (or a list of values) per request; summarised as a distribution. */
    RECORD,
    /** A running counter or extreme over requests; one value per run. */
    AGGREGATE,
    /** A formula over other results, computed once at the end; one value per run. */
    DERIVED
}
