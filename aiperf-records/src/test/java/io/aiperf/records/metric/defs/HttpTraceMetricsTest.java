package io.aiperf.records.metric.defs;

import io.aiperf.core.message.HttpTrace;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricDefinition;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.metric.MetricUnit;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import static io.aiperf.records.testing.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;

/** AIPerf's {@code http_req_*} metrics, from the worker's trace of each request. */
class HttpTraceMetricsTest {

    private static final long MS = 1_000_000L;

    private final RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);

    /**
     * A request on a new connection: connect issued at +1 ms, connected at +3 ms, written at +4 ms, sent at
     * +4.5 ms, first body byte at +30 ms, last at +80 ms; 2,048 bytes out in 2 writes, 5,120 in over 6 reads.
     */
    private static MetricRecord onNewConnection(RecordMetrics metrics) {
        TestRecords r = request().text(30 * MS, "a").text(80 * MS, " b").endAt(80 * MS);
        long s = r.startNs();
        HttpTrace trace = new HttpTrace(s + 3 * MS + 200_000, false, s + MS, s + 3 * MS, s + 4 * MS,
                s + 4 * MS + 500_000, s + 30 * MS, s + 80 * MS, 2_048, 2, 5_120, 6, "OK", "127.0.0.1", 40_000,
                "127.0.0.1", 8000);
        return metrics.compute(r.trace(trace).build(), 1L);
    }

    @Test
    void theSixPhasesOfANewConnectionAddUpToTheRequestsWholeTime() {
        MetricRecord m = onNewConnection(metrics);

        assertThat(m.count(MetricCatalog.HTTP_REQ_BLOCKED)).isEqualTo(2 * MS); // +0..+1 and +3..+4
        assertThat(m.count(MetricCatalog.HTTP_REQ_DNS_LOOKUP)).isZero();
        assertThat(m.count(MetricCatalog.HTTP_REQ_CONNECTING)).isEqualTo(2 * MS);
        assertThat(m.count(MetricCatalog.HTTP_REQ_SENDING)).isEqualTo(500_000);
        assertThat(m.count(MetricCatalog.HTTP_REQ_WAITING)).isEqualTo(25 * MS + 500_000);
        assertThat(m.count(MetricCatalog.HTTP_REQ_RECEIVING)).isEqualTo(50 * MS);
        assertThat(m.count(MetricCatalog.HTTP_REQ_DURATION)).isEqualTo(76 * MS);
        assertThat(m.count(MetricCatalog.HTTP_REQ_CONNECTION_OVERHEAD)).isEqualTo(4 * MS);
        assertThat(m.count(MetricCatalog.HTTP_REQ_TOTAL)).isEqualTo(80 * MS); // = last byte − request start
        assertThat(m.count(MetricCatalog.HTTP_REQ_CONNECTION_REUSED)).isZero();
        assertThat(m.count(MetricCatalog.HTTP_REQ_DATA_SENT)).isEqualTo(2_048);
        assertThat(m.count(MetricCatalog.HTTP_REQ_CHUNKS_SENT)).isEqualTo(2);
        assertThat(m.count(MetricCatalog.HTTP_REQ_DATA_RECEIVED)).isEqualTo(5_120);
        assertThat(m.count(MetricCatalog.HTTP_REQ_CHUNKS_RECEIVED)).isEqualTo(6);
    }

    @Test
    void aReusedConnectionReportsNoConnectingAndCountsAsReused() {
        TestRecords r = request().text(20 * MS, "a").endAt(20 * MS);
        long s = r.startNs();
        HttpTrace trace = new HttpTrace(s + 100_000, true, -1, -1, s + 150_000, s + 200_000, s + 20 * MS,
                s + 20 * MS, 300, 1, 700, 1, "OK", null, 0, null, 0);
        MetricRecord m = metrics.compute(r.trace(trace).build(), 1L);

        assertThat(m.count(MetricCatalog.HTTP_REQ_CONNECTION_REUSED)).isEqualTo(1);
        assertThat(m.count(MetricCatalog.HTTP_REQ_CONNECTING)).isZero();
        assertThat(m.count(MetricCatalog.HTTP_REQ_BLOCKED)).isEqualTo(150_000);
        assertThat(m.count(MetricCatalog.HTTP_REQ_RECEIVING)).isZero(); // one read brought the whole body
        assertThat(m.count(MetricCatalog.HTTP_REQ_TOTAL)).isEqualTo(20 * MS);
    }

    @Test
    void aPhaseThatCannotBeMeasuredIsLeftOutAndCountsZeroInTheSums() {
        // A body-less answer: no first body byte, so no waiting and no receiving.
        TestRecords r = request().text(20 * MS, "a").endAt(20 * MS);
        long s = r.startNs();
        HttpTrace trace = new HttpTrace(s + 100_000, true, -1, -1, s + 150_000, s + 200_000, -1, s + 20 * MS,
                300, 1, 100, 1, "OK", null, 0, null, 0);
        MetricRecord m = metrics.compute(r.trace(trace).build(), 1L);

        assertThat(m.has(MetricCatalog.HTTP_REQ_WAITING)).isFalse();
        assertThat(m.has(MetricCatalog.HTTP_REQ_RECEIVING)).isFalse();
        assertThat(m.count(MetricCatalog.HTTP_REQ_TOTAL)).isEqualTo(150_000 + 50_000);
    }

    @Test
    void aRecordWithoutATraceHasNoneOfThem() {
        MetricRecord m = metrics.compute(request().text(20 * MS, "a").build(), 1L);

        assertThat(m.values().keySet()).noneMatch(tag -> tag.startsWith("http_req_"));
    }

    @Test
    void withoutTheTraceOptionsTheyAreNotEvenRegistered() {
        MetricSettings off = new MetricSettings(true, true, false, null, false);

        assertThat(MetricRegistry.standard(off).ordered()).extracting(MetricDefinition::tag)
                .noneMatch(tag -> tag.startsWith("http_req_"));
        assertThat(MetricRegistry.standard(new MetricSettings(true, true, false, null, true)).ordered())
                .extracting(MetricDefinition::tag).filteredOn(tag -> tag.startsWith("http_req_")).hasSize(14);
        // And the record is none the wiser: no metric of it changes.
        RecordMetrics untraced = new RecordMetrics(TestRecords.wordTokenizer(), MetricRegistry.standard(off));
        assertThat(onNewConnection(untraced).values()).usingRecursiveComparison()
                .isEqualTo(untraced.compute(request().text(30 * MS, "a").text(80 * MS, " b").endAt(80 * MS).build(),
                        1L).values());
    }

    @Test
    void unitsAreAiperfs() {
        assertThat(MetricCatalog.HTTP_REQ_WAITING.displayUnit()).isEqualTo(MetricUnit.MILLISECONDS);
        assertThat(MetricCatalog.HTTP_REQ_DATA_RECEIVED.displayUnit().label()).isEqualTo("KB");
        assertThat(MetricUnit.BYTES.convert(5_120, MetricUnit.KILOBYTES)).isEqualTo(5.0);
        assertThat(MetricCatalog.HTTP_REQ_CHUNKS_SENT.displayUnit().label()).isEqualTo("count");
        assertThat(MetricCatalog.HTTP_REQ_CONNECTION_REUSED.displayUnit().label()).isEqualTo("ratio");
    }
}
