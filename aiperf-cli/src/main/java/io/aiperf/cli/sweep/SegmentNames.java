package io.aiperf.cli.sweep;

import java.math.BigDecimal;

/**
 * The folder name of one sweep value: {@code Qwen_Qwen3-0.6B} for a model, {@code isl128_osl128}, {@code c4} for a
 * concurrency, {@code r10} / {@code r2.5} for a request rate, {@code <key>-<value>} for any other option. Every
 * character a file name should not hold becomes {@code _}.
 */
final class SegmentNames {

    private SegmentNames() {
    }

    static String model(String name) {
        return safe(name);
    }

    static String islOsl(long isl, long osl) {
        return "isl" + isl + "_osl" + osl;
    }

    static String concurrency(String text) {
        return "c" + number(text);
    }

    static String requestRate(String text) {
        return "r" + number(text);
    }

    static String other(String key, String text) {
        return safe(key + "-" + text);
    }

    /** A number as its shortest plain text ({@code 10.0} → {@code 10}); any other text made safe. */
    private static String number(String text) {
        try {
            BigDecimal n = new BigDecimal(text.strip()).stripTrailingZeros();
            return safe(n.scale() < 0 ? n.setScale(0).toPlainString() : n.toPlainString());
        } catch (NumberFormatException ex) {
            return safe(text);
        }
    }

    private static String safe(String text) {
        String s = text.replaceAll("[^A-Za-z0-9._=+-]", "_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? s.replace('.', '_') + "_" : s;
    }
}
