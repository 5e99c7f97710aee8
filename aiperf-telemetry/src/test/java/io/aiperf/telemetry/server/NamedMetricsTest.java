package io.aiperf.telemetry.server;

import io.aiperf.core.model.NamedMetricChange;
import io.aiperf.telemetry.prometheus.ExpositionParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamedMetricsTest {

    private static String scrape(long hits, double kv) {
        return "# TYPE vllm:prefix_cache_hits counter\n"
                + "vllm:prefix_cache_hits_total{model_name=\"m\",engine=\"0\"} " + hits + "\n"
                + "vllm:prefix_cache_hits_total{model_name=\"m\",engine=\"1\"} " + hits + "\n"
                + "# TYPE vllm:kv_cache_usage_perc gauge\n"
                + "vllm:kv_cache_usage_perc{model_name=\"m\"} " + kv + "\n";
    }

    @Test
    void aSeriesTheServerCreatesDuringTheWindowCountsFromZero() {
        ServerMetricsStore store = new ServerMetricsStore();
        store.accept("http://h/metrics", 1_000, ExpositionParser.parse("# TYPE t counter\nt_total{model=\"a\"} 0\n"));
        // A request naming another model: the server adds a label set, already at 468 when first scraped.
        store.accept("http://h/metrics", 2_000, ExpositionParser.parse("# TYPE t counter\nt_total{model=\"a\"} 0\n"
                + "t_total{model=\"b\"} 468\n"));
        store.accept("http://h/metrics", 3_000, ExpositionParser.parse("# TYPE t counter\nt_total{model=\"a\"} 0\n"
                + "t_total{model=\"b\"} 1000\n"));
        NamedMetricChange t = NamedMetrics.changes(store, List.of("t_total"), 1_500, 3_000).get(0);
        assertThat(t.before()).isEqualTo(0.0);
        assertThat(t.after()).isEqualTo(1000.0);
        assertThat(t.change()).as("after - before: the new series' first 468 count").isEqualTo(1000.0);
    }

    @Test
    void eachNamedMetricIsSummedOverItsSeriesBeforeAndAfterTheWindow() {
        ServerMetricsStore store = new ServerMetricsStore();
        store.accept("http://h/metrics", 1_000, ExpositionParser.parse(scrape(10, 0.1)));
        store.accept("http://h/metrics", 2_000, ExpositionParser.parse(scrape(30, 0.6)));
        store.accept("http://h/metrics", 3_000, ExpositionParser.parse(scrape(70, 0.4)));

        List<NamedMetricChange> changes = NamedMetrics.changes(store, List.of("vllm:prefix_cache_hits_total",
                "vllm:kv_cache_usage_perc", "vllm:absent"), 1_500, 3_000);
        assertThat(changes.get(0)).isEqualTo(new NamedMetricChange("vllm:prefix_cache_hits_total", "counter", 20.0,
                140.0, 120.0));
        assertThat(changes.get(1).before()).isEqualTo(0.1);
        assertThat(changes.get(1).after()).isEqualTo(0.4);
        assertThat(changes.get(1).change()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(changes.get(2)).isEqualTo(new NamedMetricChange("vllm:absent", "absent", null, null, null));
    }
}
