package io.aiperf.telemetry.scrape;

import java.util.Arrays;

/**
 * One series' scraped values in arrival order, stamped with the wall clock of their scrape (epoch ns). Grows by
 * doubling; a run of an hour at AIPerf's 3 scrapes a second is ~11,000 points, 170 KB per series. Scrape thread only.
 */
public final class TimeSeries {

    private long[] epochNs = new long[64];
    private double[] values = new double[64];
    private int size;

    public void add(long atEpochNs, double value) {
        if (size == values.length) {
            epochNs = Arrays.copyOf(epochNs, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        epochNs[size] = atEpochNs;
        values[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    public long epochNs(int i) {
        return epochNs[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the values of points [{@code from}, {@code to}). */
    public double[] values(int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }

    /** Index of the first point at or after {@code atEpochNs} (size when none). */
    public int firstAtOrAfter(long atEpochNs) {
        int i = Arrays.binarySearch(epochNs, 0, size, atEpochNs);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && epochNs[i - 1] == atEpochNs) {
            i--;
        }
        return i;
    }

    /** Index one past the last point at or before {@code atEpochNs}. */
    public int endAtOrBefore(long atEpochNs) {
        int i = Arrays.binarySearch(epochNs, 0, size, atEpochNs);
        if (i < 0) {
            return -i - 1;
        }
        while (i < size - 1 && epochNs[i + 1] == atEpochNs) {
            i++;
        }
        return i + 1;
    }
}
