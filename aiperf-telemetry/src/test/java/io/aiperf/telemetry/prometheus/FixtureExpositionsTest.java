package io.aiperf.telemetry.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aiperf.telemetry.stats.HistogramQuantile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Real exporters' output (and exporters' documented formats) parse with nothing skipped. */
class FixtureExpositionsTest {

    static String fixture(String name) {
        try (InputStream in = FixtureExpositionsTest.class.getResourceAsStream("/prometheus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<MetricType, Long> typeCounts(Exposition e) {
        return e.families().stream().collect(Collectors.groupingBy(MetricFamily::type, Collectors.counting()));
    }

    private static double value(Exposition e, String family, String label, String labelValue) {
        return e.family(family).samples().stream().filter(s -> labelValue.equals(s.label(label))).findFirst()
                .orElseThrow().value();
    }

    @Test
    void debiansNodeExporter() {
        Exposition e = ExpositionParser.parse(fixture("node-exporter.txt"));

        assertThat(e.problems()).isEmpty();
        assertThat(e.openMetrics()).isFalse();
        assertThat(e.families()).hasSize(67);
        assertThat(typeCounts(e)).isEqualTo(Map.of(MetricType.COUNTER, 9L, MetricType.GAUGE, 46L,
                MetricType.SUMMARY, 1L, MetricType.UNTYPED, 11L));
        assertThat(e.families().stream().mapToInt(f -> f.samples().size()).sum()).isEqualTo(183);
        MetricFamily gc = e.family("go_gc_duration_seconds");
        assertThat(gc.samples()).extracting(Sample::name).containsExactly("go_gc_duration_seconds",
                "go_gc_duration_seconds", "go_gc_duration_seconds", "go_gc_duration_seconds",
                "go_gc_duration_seconds", "go_gc_duration_seconds_sum", "go_gc_duration_seconds_count");
        assertThat(gc.samples().get(1).label("quantile")).isEqualTo("0.25");
        assertThat(e.family("node_cpu_seconds_total").type()).isEqualTo(MetricType.COUNTER);
        assertThat(e.family("node_cpu_seconds_total").samples().stream()
                .filter(s -> "0".equals(s.label("cpu")) && "idle".equals(s.label("mode"))).findFirst().orElseThrow()
                .value()).isEqualTo(37683.2);
        assertThat(e.family("node_netstat_Tcp_InSegs").type()).isEqualTo(MetricType.UNTYPED);
        assertThat(e.family("node_netstat_Tcp_InSegs").samples().get(0).value()).isEqualTo(1.2025738e7);
        assertThat(e.family("node_exporter_build_info").samples().get(0).label("version")).isEqualTo("1.5.0");
        assertThat(e.family("node_load1").help()).isEqualTo("1m load average.");
    }

    @Test
    void pythonClientInTextFormat() {
        Exposition e = ExpositionParser.parse(fixture("python-client.txt"));

        assertThat(e.problems()).isEmpty();
        assertThat(e.openMetrics()).isFalse();
        assertThat(e.families()).hasSize(20);
        // 0.0.4 has no info or stateset: the library writes them as gauges, and _created as gauges of their own
        assertThat(e.family("demo_requests_total").type()).isEqualTo(MetricType.COUNTER);
        assertThat(e.family("demo_requests_created").type()).isEqualTo(MetricType.GAUGE);
        assertThat(e.family("demo_build_info").type()).isEqualTo(MetricType.GAUGE);
        assertThat(value(e, "demo_requests_total", "method", "POST")).isEqualTo(3.0);
        assertThat(e.family("demo_requests_total").samples().get(1).label("path"))
                .isEqualTo("path with \"quotes\", a \\ backslash and a\nnewline");
        assertThat(e.family("demo_temperature_celsius").samples().get(0).value()).isNaN();
    }

    @Test
    void pythonClientInOpenMetrics() {
        Exposition e = ExpositionParser.parse(fixture("python-client.openmetrics.txt"));

        assertThat(e.problems()).isEmpty();
        assertThat(e.openMetrics()).isTrue();
        assertThat(e.families()).hasSize(17);
        assertThat(typeCounts(e)).isEqualTo(Map.of(MetricType.COUNTER, 5L, MetricType.GAUGE, 8L,
                MetricType.HISTOGRAM, 1L, MetricType.SUMMARY, 1L, MetricType.INFO, 1L, MetricType.STATESET, 1L));
        MetricFamily requests = e.family("demo_requests");
        assertThat(requests.type()).isEqualTo(MetricType.COUNTER);
        assertThat(requests.samples()).extracting(Sample::name)
                .containsExactly("demo_requests_total", "demo_requests_created", "demo_requests_total",
                        "demo_requests_created");
        assertThat(requests.samples().get(2).label("path"))
                .isEqualTo("path with \"quotes\", a \\ backslash and a\nnewline");
        assertThat(e.family("demo_requests_total")).isNull();
        assertThat(e.family("demo_temperature_celsius").unit()).isEqualTo("celsius");
        assertThat(value(e, "demo_state", "demo_state", "running")).isEqualTo(1.0);
        assertThat(e.family("demo_build").samples().get(0).label("version")).isEqualTo("1.2.3");

        MetricFamily latency = e.family("demo_request_duration_seconds");
        assertThat(latency.samples()).hasSize(12);
        var buckets = HistogramBuckets.of(latency, Map.of("method", "POST"));
        assertThat(buckets).hasSize(9);
        assertThat(HistogramQuantile.quantile(0.5, buckets)).isCloseTo(0.1, within(1e-12));
        assertThat(HistogramQuantile.quantile(0.9, buckets)).isCloseTo(1.0, within(1e-12));
        assertThat(HistogramQuantile.quantile(0.99, buckets)).isEqualTo(1.0); // in +Inf: the highest finite bound
    }

    @Test
    void vllmsMetricsAsItsDocsDescribeThem() {
        Exposition e = ExpositionParser.parse(fixture("vllm.txt"));

        assertThat(e.problems()).isEmpty();
        assertThat(e.families()).hasSize(11);
        assertThat(e.family("vllm:num_requests_running").samples().get(0).value()).isEqualTo(4.0);
        assertThat(e.family("vllm:kv_cache_usage_perc").type()).isEqualTo(MetricType.GAUGE);
        assertThat(e.family("vllm:prefix_cache_hits_total").samples().get(0).value()
                / e.family("vllm:prefix_cache_queries_total").samples().get(0).value()).isEqualTo(0.25);
        assertThat(value(e, "vllm:request_success_total", "finished_reason", "length")).isEqualTo(28.0);
        assertThat(e.family("vllm:request_success_total").samples().get(0).label("model_name"))
                .isEqualTo("Qwen/Qwen3-0.6B");
        MetricFamily ttft = e.family("vllm:time_to_first_token_seconds");
        assertThat(ttft.type()).isEqualTo(MetricType.HISTOGRAM);
        var buckets = HistogramBuckets.of(ttft, Map.of("engine", "0", "model_name", "Qwen/Qwen3-0.6B"));
        assertThat(buckets).hasSize(12);
        assertThat(HistogramQuantile.quantile(0.5, buckets)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void dcgmExporterAsItsDocsDescribeIt() {
        Exposition e = ExpositionParser.parse(fixture("dcgm-exporter.txt"));

        assertThat(e.problems()).isEmpty();
        assertThat(e.families()).hasSize(10);
        assertThat(e.families().stream().mapToInt(f -> f.samples().size()).sum()).isEqualTo(20);
        Map<String, Sample> power = e.family("DCGM_FI_DEV_POWER_USAGE").samples().stream()
                .collect(Collectors.toMap(s -> s.label("gpu"), Function.identity()));
        assertThat(power.get("0").value()).isEqualTo(412.734);
        assertThat(power.get("1").labels()).containsEntry("UUID", "GPU-9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff")
                .containsEntry("pci_bus_id", "00000000:86:00.0").containsEntry("device", "nvidia1")
                .containsEntry("modelName", "NVIDIA H100 80GB HBM3").containsEntry("Hostname", "gpu-node-1");
        assertThat(e.family("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION").type()).isEqualTo(MetricType.COUNTER);
        assertThat(value(e, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "gpu", "0")).isEqualTo(8675309123.0);
        assertThat(value(e, "DCGM_FI_DEV_GPU_UTIL", "gpu", "0")).isEqualTo(97.0);
        assertThat(value(e, "DCGM_FI_DEV_FB_USED", "gpu", "0")).isEqualTo(77530.0);
    }

    @Test
    void theMalformedFixtureKeepsItsGoodSamplesAndNamesEachBadLine() {
        Exposition e = ExpositionParser.parse(fixture("malformed.txt"));

        assertThat(e.problems()).extracting(ParseProblem::line).containsExactly(4, 7, 8, 12, 15, 16, 17, 18, 19, 21);
        assertThat(e.families()).extracting(MetricFamily::name).containsExactly("good_requests_total",
                "good_temperature", "good_latency_seconds", "good_untyped", "good_last");
        assertThat(e.families().stream().mapToInt(f -> f.samples().size()).sum()).isEqualTo(8);
        assertThat(e.family("good_latency_seconds").type()).isEqualTo(MetricType.HISTOGRAM);
        assertThat(e.family("good_latency_seconds").samples()).hasSize(4);
        assertThat(e.family("good_untyped").samples().get(0).timestampMs()).isEqualTo(1_700_000_000_000L);
        assertThat(e.family("good_last").samples().get(0).label("a")).isEqualTo("x\"y");
        assertThat(e.family("good_last").samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e.problems().get(1).message()).contains("value is not a number: 'twenty'");
        assertThat(e.problems().get(4).message()).contains("unknown escape '\\q'");
        assertThat(e.problems().get(6).message()).contains("second # TYPE for good_latency_seconds");
        assertThat(e.problems().get(7).message()).contains("unknown metric type 'sometype'");
        assertThat(e.problems().get(8).message()).contains("label a given twice");
    }
}
