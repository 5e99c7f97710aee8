package io.aiperf.records.pipeline;

import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.model.LiveMetric;
import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.aggregate.SyntheticRun;
import io.aiperf.records.export.ConsoleTableRenderer;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSnapshotsTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clockNs = new AtomicLong(5_000 * MS);
    private final RecordAggregator aggregator = TestMetrics.aggregator();
    private final LiveSnapshots live = new LiveSnapshots(aggregator, clockNs::get);

    @Test
    void aSnapshotHoldsWhatSummarizeGivesForEveryConsoleRowInConsoleOrder() {
        for (MetricRecord record : new SyntheticRun().records) {
            aggregator.add(record);
        }
        live.offer();
        LiveMetrics snapshot = live.take();
        ProfileSummary summary = aggregator.summarize();

        assertThat(snapshot.processed()).isEqualTo(50);
        assertThat(snapshot.errors()).isEqualTo(5);
        List<MetricResult> console = ConsoleTableRenderer.consoleRows(summary);
        assertThat(snapshot.metrics()).extracting(LiveMetric::tag)
                .containsExactlyElementsOf(console.stream().map(MetricResult::tag).toList());
        for (int i = 0; i < console.size(); i++) {
            MetricResult expected = console.get(i);
            LiveMetric row = snapshot.metrics().get(i);
            assertThat(row.header()).isEqualTo(expected.header());
            assertThat(row.unit()).isEqualTo(expected.unit());
            assertThat(List.of(nullable(row.avg()), nullable(row.min()), nullable(row.max()), nullable(row.p99()),
                    nullable(row.p90()), nullable(row.p50()), nullable(row.std()))).as(row.tag())
                    .isEqualTo(List.of(nullable(expected.avg()), nullable(expected.min()), nullable(expected.max()),
                            nullable(expected.p99()), nullable(expected.p90()), nullable(expected.p50()),
                            nullable(expected.std())));
        }
        LiveMetric ttft = snapshot.metrics().stream()
                .filter(m -> m.tag().equals(MetricCatalog.TIME_TO_FIRST_TOKEN.tag())).findFirst().orElseThrow();
        assertThat(ttft.unit()).isEqualTo("ms");
        assertThat(ttft.p99()).isNotNull();
        LiveMetric throughput = snapshot.metrics().stream()
                .filter(m -> m.tag().equals("request_throughput")).findFirst().orElseThrow();
        assertThat(throughput.avg()).isPositive();
        assertThat(throughput.min()).isNull();
        assertThat(throughput.p99()).isNull();
    }

    private static Object nullable(Double value) {
        return value == null ? "null" : value;
    }

    @Test
    void sendLagIsARowTheUiCanPickOutByItsTagWhenRequestsHadASchedule() {
        RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
        aggregator.add(metrics.compute(TestRecords.request().credit(0).scheduledAt(-2 * MS).text(5 * MS, "a b")
                .build(), 10L));
        live.offer();
        LiveMetrics snapshot = live.take();

        LiveMetric lag = snapshot.metrics().stream().filter(m -> m.tag().equals(MetricCatalog.SEND_LAG.tag()))
                .findFirst().orElseThrow();
        assertThat(lag.unit()).isEqualTo("ms");
        assertThat(lag.p99()).isEqualTo(2.0); // sent 2 ms after its schedule
    }

    @Test
    void withoutAScheduleThereIsNoSendLagRow() {
        addOne(0);
        live.offer();
        assertThat(live.take().metrics()).extracting(LiveMetric::tag).doesNotContain(MetricCatalog.SEND_LAG.tag())
                .contains(MetricCatalog.TIME_TO_FIRST_TOKEN.tag());
    }

    @Test
    void nothingIsTakenWhileNoRecordArrived() {
        live.offer();
        assertThat(live.take()).isNull();

        addOne(0);
        live.offer();
        assertThat(live.take()).isNotNull();
        clockNs.addAndGet(10_000 * MS);
        live.offer();
        assertThat(live.take()).as("no record since the last snapshot").isNull();
    }

    @Test
    void atMostOneSnapshotASecondAndTheNextOneCountsEverythingSince() {
        addOne(0);
        live.offer();
        assertThat(live.take().processed()).isEqualTo(1);

        addOne(1);
        clockNs.addAndGet(999 * MS);
        live.offer();
        assertThat(live.take()).as("999 ms after the previous one").isNull();

        addOne(2);
        clockNs.addAndGet(MS);
        live.offer();
        assertThat(live.take().processed()).isEqualTo(3);
    }

    @Test
    void anUntakenSnapshotIsReplacedByTheNewerOne() {
        addOne(0);
        live.offer();
        addOne(1);
        clockNs.addAndGet(LiveSnapshots.INTERVAL_NS);
        live.offer();

        assertThat(live.take().processed()).isEqualTo(2);
        assertThat(live.take()).isNull();
    }

    private void addOne(long creditId) {
        RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
        aggregator.add(metrics.compute(TestRecords.request().credit(creditId).text(5 * MS, "a b").build(), 10L));
    }
}
