package io.aiperf.telemetry.gpu;

import io.aiperf.core.config.GpuFieldSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a run reads: the standard {@link DcgmField}s, then the CSV's custom ones in the file's order. A custom
 * field naming a standard one changes nothing (AIPerf's mapping, units and scale stay), and a name or tag already
 * taken is read once, so the summary never holds two metrics of one name.
 */
public final class GpuFields {

    /** The standard fields only: a run without a CSV. */
    public static final GpuFields STANDARD = of(List.of());

    private final List<GpuField> all;
    private final Map<String, GpuField> byName = new HashMap<>();
    private final Map<GpuField, Integer> position = new HashMap<>();

    private GpuFields(List<GpuField> all) {
        this.all = List.copyOf(all);
        for (GpuField f : this.all) {
            byName.put(f.prometheusName(), f);
            byName.put(f.prometheusName() + "_total", f); // exporters that follow the counter naming rule
            position.put(f, position.size());
        }
    }

    public static GpuFields of(List<GpuFieldSpec> custom) {
        List<GpuField> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> tags = new HashSet<>();
        for (DcgmField d : DcgmField.values()) {
            all.add(d.field());
            names.add(d.field().prometheusName());
            tags.add(d.field().tag());
        }
        for (GpuFieldSpec spec : custom) {
            GpuField f = GpuField.custom(spec);
            if (names.add(f.prometheusName()) && tags.add(f.tag())) {
                all.add(f);
            }
        }
        return new GpuFields(all);
    }

    /** Whether {@code prometheusName} is one of the standard fields (a CSV row naming it is not custom). */
    public static boolean isStandard(String prometheusName) {
        return STANDARD.field(prometheusName) != null;
    }

    /** The field a sample name stands for ({@code _total} accepted), or null when this run does not read it. */
    public GpuField field(String sampleName) {
        return byName.get(sampleName);
    }

    /** Standard first, then custom, in the CSV's order: the order of the summary and of each JSONL line. */
    public List<GpuField> all() {
        return all;
    }

    /** Orders fields as {@link #all} does. */
    Comparator<GpuField> order() {
        return Comparator.comparingInt(position::get);
    }
}
