package io.aiperf.records.metric;

import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.aiperf.records.testing.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoodputSlosTest {

    private static final long MS = 1_000_000L;
    private final RecordMetrics streaming = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);

    @Test
    void parsesTagsAndVllmNamesInDisplayUnits() {
        GoodputSlos slos = GoodputSlos.parse("  ttft:100   tpot:12.5 e2el:1000 output_token_throughput_per_user:50 ");

        assertThat(slos.displayValues()).containsExactly(Map.entry("time_to_first_token", 100.0),
                Map.entry("inter_token_latency", 12.5), Map.entry("request_latency", 1000.0),
                Map.entry("output_token_throughput_per_user", 50.0));
    }

    @Test
    void rejectsUnknownRunLevelListAndMalformedSlosWithOneLine() {
        assertThatThrownBy(() -> GoodputSlos.parse("nope:1")).hasMessageStartingWith("--goodput: unknown metric 'nope'");
        assertThatThrownBy(() -> GoodputSlos.parse("request_throughput:5"))
                .hasMessage("--goodput: request_throughput is a derived metric (one value per run); an SLO needs a "
                        + "per-request metric");
        assertThatThrownBy(() -> GoodputSlos.parse("request_count:5")).hasMessageContaining("is a aggregate metric");
        assertThatThrownBy(() -> GoodputSlos.parse("inter_chunk_latency:5")).hasMessageContaining("cannot be an SLO");
        assertThatThrownBy(() -> GoodputSlos.parse("error_isl:5")).hasMessageContaining("cannot be an SLO");
        assertThatThrownBy(() -> GoodputSlos.parse("ttft")).hasMessage("--goodput 'ttft': expected tag:value");
        assertThatThrownBy(() -> GoodputSlos.parse("ttft:abc")).hasMessage("--goodput 'ttft:abc': the value is not a number");
        assertThatThrownBy(() -> GoodputSlos.parse("ttft:1 time_to_first_token:2"))
                .hasMessage("--goodput: time_to_first_token is given twice");
        assertThatThrownBy(() -> GoodputSlos.parse("ttft:NaN")).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> GoodputSlos.parse(" ")).hasMessageStartingWith("--goodput: expected");
        for (String bad : new String[] {"nope:1", "request_throughput:5", "ttft"}) {
            assertThatThrownBy(() -> GoodputSlos.parse(bad)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void rejectsSlosTheRunCannotMeasure() {
        GoodputSlos slos = GoodputSlos.parse("ttft:100");
        assertThatThrownBy(() -> slos.requireComputable(false, true))
                .hasMessage("--goodput: time_to_first_token is only measured with --streaming");
        assertThatThrownBy(() -> GoodputSlos.parse("request_latency:5 output_sequence_length:10")
                .requireComputable(true, false)).hasMessageContaining("output_sequence_length is not measured");
        slos.requireComputable(true, true);
    }

    @Test
    void boundariesAreInclusiveInTheRightDirectionAfterUnitConversion() {
        // TTFT exactly 100 ms, ITL (300 − 100) / (3 − 1) = 100 ms, per-user throughput 10 tokens/sec/user.
        MetricRecord m = streaming.compute(request().text(100 * MS, "a").text(200 * MS, " b").text(300 * MS, " c")
                .build(), 5L);

        assertThat(GoodputSlos.parse("ttft:100").isGood(m)).isTrue();                      // <= at the boundary
        assertThat(GoodputSlos.parse("ttft:99.999999").isGood(m)).isFalse();
        assertThat(GoodputSlos.parse("tpot:100 e2el:300").isGood(m)).isTrue();
        assertThat(GoodputSlos.parse("output_token_throughput_per_user:10").isGood(m)).isTrue(); // >= at the boundary
        assertThat(GoodputSlos.parse("output_token_throughput_per_user:10.001").isGood(m)).isFalse();
        assertThat(GoodputSlos.parse("ttft:100 e2el:299").isGood(m)).isFalse();            // every SLO must hold
    }

    @Test
    void aMissingMetricOrAFailureIsNeverGood() {
        MetricRecord oneChunk = streaming.compute(request().text(10 * MS, "a").build(), 5L);
        assertThat(GoodputSlos.parse("time_to_second_token:1000").isGood(oneChunk)).isFalse();

        MetricRecord failed = streaming.compute(request().error(500, "HTTPError", "boom").build(), 5L);
        assertThat(GoodputSlos.parse("e2el:100000").isGood(failed)).isFalse();
    }
}
