package io.aiperf.records.metric;

import java.util.Objects;
import java.util.Set;

/**
 * What a metric is: its tag (the key in every export), the header humans read, its units, where it sorts on the
 * console and its flags.
 *
 * @param tag          AIPerf's metric tag, e.g. {@code time_to_first_token}
 * @param header       the human name, e.g. {@code Time to First Token}
 * @param kind         record, aggregate or derived
 * @param baseUnit     the unit values are computed and aggregated in
 * @param displayUnit  the unit values are shown and exported in
 * @param displayOrder console sort key (AIPerf's display_order); {@link #NO_DISPLAY_ORDER} when it has none
 * @param flags        see {@link MetricFlag}
 * @param listValued   true when one request yields a list of values (inter-chunk latency)
 */
public record MetricSpec(
        String tag,
        String header,
        MetricKind kind,
        MetricUnit baseUnit,
        MetricUnit displayUnit,
        int displayOrder,
        Set<MetricFlag> flags,
        boolean listValued) {

    public static final int NO_DISPLAY_ORDER = Integer.MAX_VALUE;

    public MetricSpec {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUnit, "baseUnit");
        Objects.requireNonNull(displayUnit, "displayUnit");
        flags = Set.copyOf(flags);
        baseUnit.factorTo(displayUnit); // rejects impossible unit pairs at definition time
    }

    public boolean has(MetricFlag flag) {
        return flags.contains(flag);
    }

    /** Shown in the console table: not error-only, not internal, not marked no-console. */
    public boolean onConsole() {
        return !has(MetricFlag.NO_CONSOLE) && !has(MetricFlag.ERROR_ONLY) && !has(MetricFlag.INTERNAL);
    }

    /** Written to the summary JSON/CSV. */
    public boolean exported() {
        return !has(MetricFlag.INTERNAL);
    }

    /** Written per request to {@code profile_export.jsonl}. */
    public boolean perRecordExported() {
        return kind == MetricKind.RECORD && !has(MetricFlag.INTERNAL) && !has(MetricFlag.NO_INDIVIDUAL_RECORDS);
    }

    /** Converts a base-unit value to the display unit. */
    public double toDisplay(double baseValue) {
        return baseUnit.convert(baseValue, displayUnit);
    }

    /** {@code Header (unit)}, as the console and CSV label metrics. */
    public String label() {
        return header + " (" + displayUnit.label() + ")";
    }
}
