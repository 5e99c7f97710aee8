package io.aiperf.mock;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A Prometheus histogram with fixed upper bounds, updated from any event loop without a lock: one atomic add to the
 * bucket, one to the sum. {@link #observe(double, long)} takes a count so a request's equal inter-token gaps cost one
 * update, not one per token. Buckets are stored per bucket and made cumulative only when written out.
 */
final class Histogram {

    private final double[] bounds;
    /** One slot per bound, plus the last for values above every bound (+Inf). */
    private final AtomicLongArray counts;
    private final DoubleAdder sum = new DoubleAdder();

    /** {@code bounds}: ascending upper bounds in the observed unit, without +Inf. */
    Histogram(double... bounds) {
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("bounds must ascend: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
        this.counts = new AtomicLongArray(bounds.length + 1);
    }

    /** Records {@code count} observations of {@code value}; a count below 1 records nothing. */
    void observe(double value, long count) {
        if (count < 1) {
            return;
        }
        int slot = Arrays.binarySearch(bounds, value);
        // Found: the bound equals the value, and a bucket includes its upper bound. Not found: the insertion point.
        counts.addAndGet(slot >= 0 ? slot : -slot - 1, count);
        sum.add(value * count);
    }

    /** Writes the {@code _bucket} lines (cumulative, ending with +Inf), {@code _sum} and {@code _count}. */
    void writeTo(PromText out, String name, String labels) {
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += counts.get(i);
            out.sample(name + "_bucket", labels, "le=\"" + PromText.number(bounds[i]) + "\"", cumulative);
        }
        cumulative += counts.get(bounds.length);
        out.sample(name + "_bucket", labels, "le=\"+Inf\"", cumulative);
        out.sample(name + "_sum", labels, null, sum.sum());
        out.sample(name + "_count", labels, null, cumulative);
    }

    /** Every observation so far (the +Inf bucket's count). */
    long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }
}
