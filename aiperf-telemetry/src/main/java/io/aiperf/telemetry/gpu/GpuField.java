package io.aiperf.telemetry.gpu;

import io.aiperf.core.config.GpuFieldSpec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DCGM field AIPerf reads: the exporter's name, AIPerf's field name (the tag in the summary and the JSONL), its
 * header and display unit, the factor from the exporter's unit to it, and whether it is a counter (reported as its
 * change over the profiling window) or a gauge (full statistics). The standard ones are {@link DcgmField}'s; custom
 * ones come from a dcgm-exporter CSV through {@link #custom}.
 */
public record GpuField(String prometheusName, String tag, String header, String unit, double scale,
                       boolean counter) {

    /** dcgm-exporter's help texts end their unit like this: {@code SM clock frequency (in MHz).} */
    private static final Pattern UNIT = Pattern.compile("\\(in ([^)]+)\\)");

    /**
     * A field from a CSV row, read as the exporter sends it (scale 1): the tag is the name without its DCGM prefix,
     * lower-cased ({@code DCGM_FI_DEV_SM_CLOCK} → {@code sm_clock}); the header is the help text without its unit
     * (or the tag when there is none); the unit is the help text's {@code (in X)}, else empty.
     */
    public static GpuField custom(GpuFieldSpec spec) {
        String tag = tagOf(spec.prometheusName());
        String help = spec.help().strip();
        Matcher unit = UNIT.matcher(help);
        String unitText = unit.find() ? unit.group(1).strip() : "";
        String header = UNIT.matcher(help).replaceAll("").strip();
        if (header.endsWith(".")) {
            header = header.substring(0, header.length() - 1).strip();
        }
        return new GpuField(spec.prometheusName(), tag, header.isEmpty() ? tag : header, unitText, 1,
                spec.counter());
    }

    /** AIPerf's name for a custom field: {@code DCGM_FI_PROF_PIPE_TENSOR_ACTIVE} → {@code pipe_tensor_active}. */
    public static String tagOf(String prometheusName) {
        String name = prometheusName;
        for (String prefix : new String[] {"DCGM_FI_DEV_", "DCGM_FI_PROF_"}) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
                break;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The exporter's value in the display unit. */
    public double toDisplay(double exporterValue) {
        return exporterValue * scale;
    }
}
