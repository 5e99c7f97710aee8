package io.aiperf.telemetry.prometheus;

import java.util.ArrayList;
import java.util.List;

/** A family while its exposition is being read: metadata lines and samples arrive one line at a time. */
final class FamilyBuilder {

    private final String name;
    private MetricType declaredType;
    private String help;
    private String unit;
    private final List<Sample> samples = new ArrayList<>();

    FamilyBuilder(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The type of its {@code # TYPE} line, or UNTYPED while there was none. */
    MetricType type() {
        return declaredType == null ? MetricType.UNTYPED : declaredType;
    }

    boolean hasDeclaredType() {
        return declaredType != null;
    }

    boolean hasHelp() {
        return help != null;
    }

    boolean hasUnit() {
        return unit != null;
    }

    String help() {
        return help;
    }

    String unit() {
        return unit;
    }

    boolean hasSamples() {
        return !samples.isEmpty();
    }

    void declareType(MetricType type) {
        declaredType = type;
    }

    void help(String text) {
        help = text;
    }

    void unit(String text) {
        unit = text;
    }

    void add(Sample sample) {
        samples.add(sample);
    }

    MetricFamily build() {
        return new MetricFamily(name, type(), help, unit, samples);
    }
}
