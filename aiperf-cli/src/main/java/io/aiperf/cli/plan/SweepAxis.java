package io.aiperf.cli.plan;

import io.aiperf.cli.options.LoadOptions;
import io.aiperf.core.error.UsageException;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/**
 * The one load setting a {@code --concurrency 1,2,5} or {@code --request-rate 10,20} list sweeps, with its levels in
 * the order given. Each level's folder follows Dynamo's scripts: {@code c1/}, {@code c2/}, ... or {@code r10/},
 * {@code r2.5/}.
 *
 * @param key    the variation's name in the sweep summary ({@code concurrency} or {@code request_rate})
 * @param levels at least two
 */
public record SweepAxis(String key, List<? extends Number> levels) {

    public static final String CONCURRENCY = "concurrency";
    public static final String REQUEST_RATE = "request_rate";

    /** The sweep the options ask for, or null when neither option has more than one value. */
    public static SweepAxis of(LoadOptions load) {
        boolean concurrencies = load.concurrencyLevels.size() > 1;
        boolean rates = load.requestRateLevels.size() > 1;
        if (concurrencies && rates) {
            throw new UsageException("sweep --concurrency or --request-rate, not both at once (a grid of both is a "
                    + "sweep file: aiperf sweep --config FILE)");
        }
        if (concurrencies) {
            return new SweepAxis(CONCURRENCY, distinct("--concurrency", load.concurrencyLevels));
        }
        if (rates) {
            return new SweepAxis(REQUEST_RATE, distinct("--request-rate", load.requestRateLevels));
        }
        return null;
    }

    private static <T extends Number> List<T> distinct(String option, List<T> levels) {
        if (new HashSet<>(levels).size() != levels.size()) {
            // Two levels would write into one folder.
            throw new UsageException(option + " lists a level twice: " + levels);
        }
        return levels;
    }

    /** Sets {@code level} on the options, so the next resolution is that level's run. */
    public void apply(LoadOptions load, Number level) {
        if (CONCURRENCY.equals(key)) {
            load.concurrency = level.intValue();
        } else {
            load.requestRate = level.doubleValue();
        }
    }

    /** The level's folder name: {@code c4}, {@code r10}, {@code r2.5}. */
    public String label(Number level) {
        return (CONCURRENCY.equals(key) ? "c" : "r") + plain(level);
    }

    /** The level as the summary shows it: an integer without {@code .0}. */
    public static String plain(Number level) {
        if (level instanceof Integer || level instanceof Long) {
            return level.toString();
        }
        return BigDecimal.valueOf(level.doubleValue()).stripTrailingZeros().toPlainString();
    }
}
