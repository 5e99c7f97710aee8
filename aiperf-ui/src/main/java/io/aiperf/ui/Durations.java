package io.aiperf.ui;

import java.util.Locale;

/** Durations as the progress lines show them: {@code 42 s}, {@code 3 m 05 s}, {@code 1 h 02 m}. */
final class Durations {

    private Durations() {
    }

    static String compact(long ns) {
        long s = Math.round(ns / 1e9);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d m %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d m", s / 3600, (s % 3600) / 60);
    }
}
