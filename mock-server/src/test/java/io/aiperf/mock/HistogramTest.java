package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Buckets include their upper bound, are written cumulatively, and a count covers equal observations at once. */
class HistogramTest {

    private static PromLines render(Histogram histogram) {
        PromText out = new PromText().family("h", "histogram", "test");
        histogram.writeTo(out, "h", "model_name=\"m\"");
        return PromLines.parse(out.toString());
    }

    @Test
    void bucketsAreCumulativeAndIncludeTheirBound() {
        Histogram histogram = new Histogram(0.01, 0.1, 1);
        histogram.observe(0.01, 1);   // on a bound: in that bucket
        histogram.observe(0.05, 3);   // three equal gaps in one call
        histogram.observe(5, 1);      // above every bound: +Inf only
        histogram.observe(0.5, 0);    // nothing
        PromLines lines = render(histogram);
        assertThat(lines.value("h_bucket", "le", "0.01")).isEqualTo(1);
        assertThat(lines.value("h_bucket", "le", "0.1")).isEqualTo(4);
        assertThat(lines.value("h_bucket", "le", "1")).isEqualTo(4);
        assertThat(lines.value("h_bucket", "le", "+Inf")).isEqualTo(5);
        assertThat(lines.value("h_count")).isEqualTo(5);
        assertThat(lines.value("h_sum")).isCloseTo(0.01 + 0.15 + 5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(histogram.count()).isEqualTo(5);
        assertThat(lines.samples("h_bucket")).allSatisfy(s -> assertThat(s.label("model_name")).isEqualTo("m"));
    }

    @Test
    void vllmBucketBoundsAscend() {
        new Histogram(ServedTraffic.TTFT_BUCKETS);
        new Histogram(ServedTraffic.ITL_BUCKETS);
        new Histogram(ServedTraffic.E2E_BUCKETS);
        assertThatThrownBy(() -> new Histogram(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
