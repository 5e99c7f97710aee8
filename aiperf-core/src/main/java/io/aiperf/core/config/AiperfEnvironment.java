package io.aiperf.core.config;

import io.aiperf.core.error.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code AIPERF_*} settings that change a run, parsed once in the CLI JVM from its environment. Their values
 * reach the services inside the run's {@link BenchmarkConfig} (worker counts, scrape periods, endpoints); no service
 * reads the environment for them. A value that does not parse, or is out of range, is a {@link UsageException}
 * naming the variable.
 *
 * @param sslVerify                  {@code AIPERF_HTTP_SSL_VERIFY}: false means {@code --ssl-insecure}
 * @param workerCpuUtilizationFactor share of the CPUs the default worker count may use
 * @param workerMaxWorkersCap        most workers by default
 * @param workerHighLoadCpuPercent   a worker's CPU per cent (of one core) above which the UI warns
 * @param recordProcessorScaleFactor one record processor per this many workers, by default
 * @param gpuCollectionIntervalMs    DCGM scrape period
 * @param gpuDefaultDcgmEndpoints    DCGM exporters tried quietly in every run
 * @param serverMetricsIntervalMs    server {@code /metrics} scrape period
 * @param metricWarnings             the OSL-mismatch and usage-discrepancy thresholds
 */
public record AiperfEnvironment(boolean sslVerify, double workerCpuUtilizationFactor, int workerMaxWorkersCap,
                                double workerHighLoadCpuPercent, int recordProcessorScaleFactor,
                                long gpuCollectionIntervalMs, List<String> gpuDefaultDcgmEndpoints,
                                long serverMetricsIntervalMs, MetricsConfig.WarningThresholds metricWarnings) {

    /** Nothing set: AIPerf's defaults. */
    public static final AiperfEnvironment DEFAULTS = of(Map.of());

    private static AiperfEnvironment current;

    public AiperfEnvironment {
        gpuDefaultDcgmEndpoints = List.copyOf(gpuDefaultDcgmEndpoints);
    }

    /**
     * This JVM's settings, read from its environment the first time and kept: every run of a sweep or a repeated
     * benchmark sees the same values. The CLI calls it at start, so a bad value stops it before anything runs.
     */
    public static synchronized AiperfEnvironment current() {
        if (current == null) {
            current = of(System.getenv());
        }
        return current;
    }

    /** Makes {@code environment} this JVM's settings (the CLI's start, which has read and checked them). */
    public static synchronized void useForThisJvm(AiperfEnvironment environment) {
        current = environment;
    }

    /** The settings in {@code env}; unset ones take AIPerf's defaults. */
    public static AiperfEnvironment of(Map<String, String> env) {
        Reader r = new Reader(env);
        return new AiperfEnvironment(
                r.bool(AiperfVariable.HTTP_SSL_VERIFY),
                r.decimal(AiperfVariable.WORKER_CPU_UTILIZATION_FACTOR, 0, 1, false),
                r.integer(AiperfVariable.WORKER_MAX_WORKERS_CAP, 1),
                r.decimal(AiperfVariable.WORKER_HIGH_LOAD_CPU_USAGE, 0, 100, false),
                r.integer(AiperfVariable.RECORD_PROCESSOR_SCALE_FACTOR, 1),
                r.intervalMs(AiperfVariable.GPU_COLLECTION_INTERVAL),
                r.urls(AiperfVariable.GPU_DEFAULT_DCGM_ENDPOINTS),
                r.intervalMs(AiperfVariable.SERVER_METRICS_COLLECTION_INTERVAL),
                new MetricsConfig.WarningThresholds(
                        r.decimal(AiperfVariable.METRICS_OSL_MISMATCH_PCT_THRESHOLD, 0, 100, false),
                        r.integer(AiperfVariable.METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD, 1),
                        r.decimal(AiperfVariable.METRICS_USAGE_PCT_DIFF_THRESHOLD, 0, 100, false)));
    }

    /** The {@code AIPERF_*} names in {@code env} this build does not know, sorted. */
    public static List<String> unknownNames(Map<String, String> env) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : env.keySet()) {
            if (name.startsWith("AIPERF_") && !AiperfVariable.isKnown(name)) {
                unknown.add(name);
            }
        }
        return List.copyOf(unknown);
    }

    /** The warning for one unknown variable, as printed on stderr. */
    public static String unknownWarning(String name) {
        return "aiperf: warning: " + name + " is not a setting of this build; ignored (docs/configuration.md lists"
                + " them)";
    }

    /** AIPerf's default worker count on {@code cpus} processors: {@code max(1, min(cpus · factor − 1, cap))}. */
    public int defaultWorkers(int cpus) {
        return Math.max(1, Math.min((int) (cpus * workerCpuUtilizationFactor) - 1, workerMaxWorkersCap));
    }

    /** AIPerf's default record processors for {@code workers}: one per scale factor, at least one. */
    public int defaultRecordProcessors(int workers) {
        return Math.max(1, workers / recordProcessorScaleFactor);
    }

    /** Reads one variable at a time, each failure naming it. */
    private record Reader(Map<String, String> env) {

        private String raw(AiperfVariable v) {
            String value = env.get(v.envName());
            return value == null || value.isBlank() ? v.defaultValue() : value.trim();
        }

        private UsageException bad(AiperfVariable v, String expected) {
            return new UsageException(v.envName() + "='" + env.get(v.envName()) + "': expected " + expected);
        }

        boolean bool(AiperfVariable v) {
            return switch (raw(v).toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw bad(v, "true or false");
            };
        }

        int integer(AiperfVariable v, int min) {
            try {
                int value = Integer.parseInt(raw(v));
                if (value >= min) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw bad(v, "a whole number of at least " + min);
        }

        /** A number in (min, max], or [min, max] when {@code minIncluded}. */
        double decimal(AiperfVariable v, double min, double max, boolean minIncluded) {
            try {
                double value = Double.parseDouble(raw(v));
                if ((minIncluded ? value >= min : value > min) && value <= max) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw bad(v, String.format(Locale.ROOT, "a number %s %s and at most %s", minIncluded ? "of at least"
                    : "greater than", plain(min), plain(max)));
        }

        /** Seconds, as AIPerf takes them, to whole milliseconds (at least 1). */
        long intervalMs(AiperfVariable v) {
            try {
                double seconds = Double.parseDouble(raw(v));
                if (seconds > 0 && seconds <= 3600) {
                    return Math.max(1, Math.round(seconds * 1000));
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw bad(v, "seconds greater than 0 and at most 3600");
        }

        /** Comma-separated http(s) URLs; an empty value means none. */
        List<String> urls(AiperfVariable v) {
            String value = env.get(v.envName());
            if (value != null && value.isBlank()) {
                return List.of();
            }
            List<String> urls = new ArrayList<>();
            for (String item : raw(v).split(",")) {
                String url = item.trim();
                if (url.isEmpty()) {
                    continue;
                }
                if (!(url.startsWith("http://") || url.startsWith("https://")) || url.length() <= "https://".length()) {
                    throw bad(v, "comma-separated http:// or https:// URLs");
                }
                urls.add(url);
            }
            return urls;
        }

        private static String plain(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
