package io.aiperf.records.metric;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricRegistryTest {

    /** A record metric that reads the given tags and computes nothing. */
    private static RecordMetricDefinition metric(String tag, String... requires) {
        MetricSpec spec = new MetricSpec(tag, tag, MetricKind.RECORD, MetricUnit.TOKENS, MetricUnit.TOKENS,
                MetricSpec.NO_DISPLAY_ORDER, java.util.Set.of(), false);
        return new RecordMetricDefinition(spec, requires) {
            @Override
            public Object compute(RecordInputs in) {
                return null;
            }
        };
    }

    private static List<String> tags(MetricRegistry registry) {
        List<String> tags = new ArrayList<>();
        registry.ordered().forEach(d -> tags.add(d.tag()));
        return tags;
    }

    @Test
    void dependenciesComeFirstWhateverTheInputOrder() {
        MetricRegistry registry = MetricRegistry.of(MetricSettings.ALL_BUT_GOODPUT,
                List.of(metric("c", "b"), metric("b", "a"), metric("a"), metric("d", "a", "c")));

        assertThat(tags(registry)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aCycleIsAStartUpErrorNamingIt() {
        assertThatThrownBy(() -> MetricRegistry.of(MetricSettings.ALL_BUT_GOODPUT,
                List.of(metric("x"), metric("a", "c"), metric("b", "a"), metric("c", "b"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("metric dependency cycle: a -> c -> b -> a");
        assertThatThrownBy(() -> MetricRegistry.of(MetricSettings.ALL_BUT_GOODPUT, List.of(metric("self", "self"))))
                .hasMessage("metric dependency cycle: self -> self");
    }

    @Test
    void aMissingDependencyOrADuplicateIsAStartUpError() {
        assertThatThrownBy(() -> MetricRegistry.of(MetricSettings.ALL_BUT_GOODPUT, List.of(metric("a", "ghost"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("metric a requires ghost, which is not computed in this run");
        assertThatThrownBy(() -> MetricRegistry.of(MetricSettings.ALL_BUT_GOODPUT, List.of(metric("a"), metric("a"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("metric a is registered twice");
    }

    @Test
    void builtInsOrderEveryMetricAfterWhatItReads() {
        MetricRegistry registry = MetricRegistry.standard(new MetricSettings(true, true, false,
                GoodputSlos.parse("ttft:100"), true));
        List<String> order = tags(registry);
        for (MetricDefinition d : registry.ordered()) {
            for (String dep : d.requires()) {
                assertThat(order.indexOf(dep)).as(d.tag() + " after " + dep).isLessThan(order.indexOf(d.tag()));
            }
        }
        assertThat(order).contains("goodput", "good_request_count", "good_request_fraction",
                "usage_discrepancy_count", "osl_mismatch_count", "prefill_throughput_per_user");
        // Every built-in has a catalogue spec, and every catalogue metric has a built-in formula.
        List<String> catalogue = new ArrayList<>();
        MetricCatalog.ALL.forEach(s -> catalogue.add(s.tag()));
        assertThat(order).containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @Test
    void settingsDropWhatTheRunCannotMeasureAndWhatReadsIt() {
        List<String> embeddings = tags(MetricRegistry.standard(new MetricSettings(false, false, false, null, false)));
        assertThat(embeddings).contains("request_latency", "input_sequence_length", "usage_prompt_tokens",
                "usage_prompt_tokens_diff_pct", "request_count", "benchmark_duration");
        assertThat(embeddings).doesNotContain("time_to_first_token", "output_sequence_length",
                "usage_completion_tokens_diff_pct", "usage_discrepancy_count", "osl_mismatch_count",
                "output_token_throughput", "total_token_throughput", "goodput");

        List<String> serverCounts = tags(MetricRegistry.standard(new MetricSettings(true, true, true, null, false)));
        assertThat(serverCounts).contains("usage_prompt_tokens", "time_to_first_token");
        assertThat(serverCounts).noneMatch(t -> t.startsWith("usage_") && t.endsWith("_diff_pct")).doesNotContain("usage_discrepancy_count");
    }

    @Test
    void anSloOnAMetricTheRunDoesNotMeasureIsAnErrorNotASilentDrop() {
        assertThatThrownBy(() -> MetricRegistry.standard(new MetricSettings(false, true, false,
                GoodputSlos.of(Map.of("time_to_first_token", 100.0)), false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("good_request_count requires time_to_first_token");
    }
}
