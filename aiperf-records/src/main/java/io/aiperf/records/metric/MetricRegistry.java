package io.aiperf.records.metric;

import io.aiperf.core.config.MetricsConfig;
import io.aiperf.records.metric.defs.GoodputMetrics;
import io.aiperf.records.metric.defs.HttpTraceMetrics;
import io.aiperf.records.metric.defs.LatencyMetrics;
import io.aiperf.records.metric.defs.MediaMetrics;
import io.aiperf.records.metric.defs.OslMismatchMetrics;
import io.aiperf.records.metric.defs.RunMetrics;
import io.aiperf.records.metric.defs.ScheduleMetrics;
import io.aiperf.records.metric.defs.TokenMetrics;
import io.aiperf.records.metric.defs.UsageMetrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The metrics a run computes, ordered so that every metric comes after the metrics it reads (a topological sort;
 * ties keep {@link MetricCatalog} order). Built once at start-up: a duplicate tag, a dependency on a metric that is
 * not registered, or a dependency cycle is an {@link IllegalStateException} with a one-line message. Immutable.
 */
public final class MetricRegistry {

    private final MetricSettings settings;
    private final List<MetricDefinition> ordered;

    private MetricRegistry(MetricSettings settings, List<MetricDefinition> ordered) {
        this.settings = settings;
        this.ordered = List.copyOf(ordered);
    }

    /** Every built-in metric; goodput's only when {@code slos} is not null. AIPerf's warning thresholds. */
    public static List<MetricDefinition> builtIns(GoodputSlos slos) {
        return builtIns(slos, MetricsConfig.WarningThresholds.DEFAULT);
    }

    /** Every built-in metric, the warning counts with {@code warnings}; goodput's only when {@code slos} is set. */
    public static List<MetricDefinition> builtIns(GoodputSlos slos, MetricsConfig.WarningThresholds warnings) {
        List<MetricDefinition> all = new ArrayList<>(List.of(
                new LatencyMetrics.TimeToFirstToken(), new LatencyMetrics.TimeToSecondToken(),
                new LatencyMetrics.TimeToFirstOutputToken(), new LatencyMetrics.RequestLatency(),
                new LatencyMetrics.InterTokenLatency(), new LatencyMetrics.OutputTokenThroughputPerUser(),
                new LatencyMetrics.E2eOutputTokenThroughput(), new TokenMetrics.OutputSequenceLength(),
                new TokenMetrics.InputSequenceLength(), new LatencyMetrics.InterChunkLatency(),
                new TokenMetrics.OutputTokenCount(), new TokenMetrics.ReasoningTokenCount(), new TokenMetrics.ErrorIsl(),
                new LatencyMetrics.PrefillThroughputPerUser(),
                new UsageMetrics.UsagePromptTokens(), new UsageMetrics.UsageCompletionTokens(),
                new UsageMetrics.UsageTotalTokens(), new UsageMetrics.UsageReasoningTokens(),
                new UsageMetrics.UsagePromptTokensDiff(), new UsageMetrics.UsageCompletionTokensDiff(),
                new UsageMetrics.UsageReasoningTokensDiff(),
                new OslMismatchMetrics.RequestedOsl(), new OslMismatchMetrics.OslMismatchDiffPct(),
                new MediaMetrics.NumImages(), new MediaMetrics.ImageThroughput(), new MediaMetrics.ImageLatency(),
                new MediaMetrics.VideoInferenceTime(), new MediaMetrics.VideoPeakMemory()));
        all.addAll(HttpTraceMetrics.all());
        all.addAll(List.of(
                new RunMetrics.OutputTokenThroughput(), new RunMetrics.RequestThroughput(), new RunMetrics.RequestCount(),
                new RunMetrics.ErrorRequestCount(), new RunMetrics.BenchmarkDuration(),
                new RunMetrics.TotalOutputTokens(), new RunMetrics.TotalReasoningTokens(), new RunMetrics.TotalIsl(),
                new RunMetrics.TotalOsl(), new RunMetrics.TotalTokenThroughput(), new RunMetrics.TotalErrorIsl(),
                new RunMetrics.MinRequestTimestamp(), new RunMetrics.MaxResponseTimestamp(),
                new UsageMetrics.UsageDiscrepancyCount(warnings.usageDiffPct()),
                new OslMismatchMetrics.OslMismatchCount(warnings.oslMismatchPct(), warnings.oslMismatchMaxTokens()),
                new RunMetrics.TotalUsagePromptTokens(), new RunMetrics.TotalUsageCompletionTokens(),
                new RunMetrics.TotalUsageTotalTokens(),
                new ScheduleMetrics.SendLag(), new ScheduleMetrics.ScheduledTimeToFirstToken(),
                new ScheduleMetrics.ScheduledRequestLatency(), new ScheduleMetrics.CreditDropLatency()));
        if (slos != null) {
            all.add(new GoodputMetrics.Goodput());
            all.add(new GoodputMetrics.GoodRequestCount(slos));
            all.add(new GoodputMetrics.GoodRequestFraction());
        }
        return all;
    }

    /**
     * The built-in metrics this run computes, ordered: those whose flags the settings allow (see
     * {@link MetricSettings#applies}), less those that read a metric the settings dropped (usage_discrepancy_count
     * needs the completion diff, which an embeddings run has not). Goodput's metrics are never dropped that way:
     * an SLO on a metric the run does not compute is an error.
     */
    public static MetricRegistry standard(MetricSettings settings) {
        List<MetricDefinition> applicable = new ArrayList<>();
        java.util.Set<String> dropped = new java.util.HashSet<>();
        for (MetricDefinition d : builtIns(settings.goodput(), settings.warnings())) {
            if (settings.applies(d.spec())) {
                applicable.add(d);
            } else {
                dropped.add(d.tag());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (java.util.Iterator<MetricDefinition> it = applicable.iterator(); it.hasNext(); ) {
                MetricDefinition d = it.next();
                if (!d.spec().has(MetricFlag.GOODPUT) && d.requires().stream().anyMatch(dropped::contains)) {
                    it.remove();
                    dropped.add(d.tag());
                    changed = true;
                }
            }
        }
        return of(settings, applicable);
    }

    /**
     * Validates and orders the given definitions.
     *
     * @param settings what the run computes for (kept for the engines: token-count mode, SLOs)
     *
     * @throws IllegalStateException on a duplicate tag, a missing dependency or a dependency cycle
     */
    public static MetricRegistry of(MetricSettings settings, Collection<? extends MetricDefinition> definitions) {
        Map<String, MetricDefinition> byTag = new LinkedHashMap<>();
        for (MetricDefinition d : definitions) {
            if (byTag.put(d.tag(), d) != null) {
                throw new IllegalStateException("metric " + d.tag() + " is registered twice");
            }
        }
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (MetricDefinition d : byTag.values()) {
            for (String dep : d.requires()) {
                if (!byTag.containsKey(dep)) {
                    throw new IllegalStateException("metric " + d.tag() + " requires " + dep
                            + ", which is not computed in this run");
                }
                dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(d.tag());
            }
            pending.put(d.tag(), (int) d.requires().stream().distinct().count());
        }
        List<String> insertion = new ArrayList<>(byTag.keySet());
        Comparator<String> catalogueOrder = Comparator.<String>comparingInt(MetricCatalog::position)
                .thenComparingInt(insertion::indexOf);
        PriorityQueue<String> ready = new PriorityQueue<>(catalogueOrder);
        pending.forEach((tag, n) -> {
            if (n == 0) {
                ready.add(tag);
            }
        });
        List<MetricDefinition> ordered = new ArrayList<>(byTag.size());
        while (!ready.isEmpty()) {
            String tag = ready.poll();
            ordered.add(byTag.get(tag));
            for (String dependent : dependents.getOrDefault(tag, List.of())) {
                if (pending.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (ordered.size() < byTag.size()) {
            throw new IllegalStateException("metric dependency cycle: " + describeCycle(byTag, pending));
        }
        return new MetricRegistry(settings, ordered);
    }

    /** A cycle among the metrics the sort could not place, as {@code a -> b -> a}. */
    private static String describeCycle(Map<String, MetricDefinition> byTag, Map<String, Integer> pending) {
        String start = null;
        for (String tag : byTag.keySet()) {
            if (pending.get(tag) > 0) {
                start = tag;
                break;
            }
        }
        // Every unplaced metric requires at least one unplaced metric, so walking those links must revisit one.
        Deque<String> path = new ArrayDeque<>();
        Map<String, Integer> seenAt = new HashMap<>();
        String current = start;
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, path.size());
            path.addLast(current);
            String next = null;
            for (String dep : byTag.get(current).requires()) {
                if (pending.get(dep) > 0) {
                    next = dep;
                    break;
                }
            }
            current = next;
        }
        List<String> cycle = new ArrayList<>(path).subList(seenAt.get(current), path.size());
        return String.join(" -> ", cycle) + " -> " + current;
    }

    /** What the run computes for (streaming, token-count mode, SLOs). */
    public MetricSettings settings() {
        return settings;
    }

    /** Every metric, dependencies first. */
    public List<MetricDefinition> ordered() {
        return ordered;
    }

    public List<RecordMetricDefinition> recordMetrics() {
        return ofType(RecordMetricDefinition.class);
    }

    public List<AggregateMetricDefinition> aggregateMetrics() {
        return ofType(AggregateMetricDefinition.class);
    }

    public List<DerivedMetricDefinition> derivedMetrics() {
        return ofType(DerivedMetricDefinition.class);
    }

    private <T extends MetricDefinition> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (MetricDefinition d : ordered) {
            if (type.isInstance(d)) {
                out.add(type.cast(d));
            }
        }
        return List.copyOf(out);
    }
}
