package io.aiperf.records.aggregate;

import io.aiperf.core.model.ErrorDetails;

/** How many profiling requests failed with one (code, type, message). */
public record ErrorSummaryEntry(ErrorDetails details, long count) {
}
