package io.aiperf.records.export;

import io.aiperf.core.model.CreditPhase;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeSlicesTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private final RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);

    /** A valid request starting at {@code epochNs}, first token after {@code ttftMs}, two tokens. */
    private void add(TimeSlices slices, long credit, long epochNs, long ttftMs) {
        slices.add(metrics.compute(TestRecords.request().credit(credit).startEpochNs(epochNs)
                .text(ttftMs * MS, "a").text((ttftMs + 10) * MS, " b").build(), 10L));
    }

    @Test
    void recordsFallIntoWallClockSlicesReindexedFromTheFirst() {
        TimeSlices slices = TestMetrics.timeSlices(2.0, true);
        long base = 1_000 * SECOND; // slice 500 of the wall clock
        add(slices, 1, base + 1_999 * MS, 30);       // still 500
        add(slices, 2, base + 100 * MS, 10);         // 500
        add(slices, 3, base + 2_000 * MS, 50);       // 501: the boundary belongs to the later slice
        add(slices, 4, base + 6_500 * MS, 70);       // 503, after an empty 502
        slices.add(metrics.compute(TestRecords.request().credit(5).phase(CreditPhase.WARMUP)
                .startEpochNs(base - 10 * SECOND).text(5 * MS, "w").build(), 10L));

        List<TimeSlices.Slice> out = slices.summarize();

        assertThat(out).extracting(TimeSlices.Slice::index).containsExactly(0, 1, 3);
        assertThat(out.get(0).startEpochNs()).isEqualTo(base);
        assertThat(out.get(0).endEpochNs()).isEqualTo(base + 2 * SECOND);
        assertThat(out.get(0).summary().requestCount()).isEqualTo(2);
        assertThat(out.get(0).summary().metric(MetricCatalog.TIME_TO_FIRST_TOKEN).orElseThrow().avg())
                .isEqualTo(20.0);
        assertThat(out.get(1).summary().metric(MetricCatalog.TIME_TO_FIRST_TOKEN).orElseThrow().avg())
                .isEqualTo(50.0);
        assertThat(out.get(2).summary().requestCount()).isEqualTo(1);
        // Derived metrics come from the slice's own records: one request of 80 ms → 12.5 requests/sec.
        assertThat(out.get(2).summary().metric(MetricCatalog.REQUEST_THROUGHPUT).orElseThrow().avg())
                .isCloseTo(1 / 0.080, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noRecordsNoSlices() {
        assertThat(TestMetrics.timeSlices(1.0, true).summarize()).isEmpty();
    }

    @Test
    void widthMustBePositive() {
        assertThatThrownBy(() -> TestMetrics.timeSlices(0, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvIsTidy() {
        TimeSlices slices = TestMetrics.timeSlices(1.0, true);
        add(slices, 1, 10 * SECOND, 40);
        String csv = TimeSliceExporter.toCsv(slices.summarize());
        assertThat(csv).startsWith("Timeslice,Metric,Unit,Stat,Value\r\n")
                .contains("0,Time to First Token,ms,avg,40.00\r\n")
                .contains("0,Time to First Token,ms,p50,40.00\r\n")
                .contains("0,Request Count,requests,avg,1\r\n");
    }
}
