package io.aiperf.records.pipeline;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.tokenizer.TiktokenTextTokenizer;
import io.aiperf.records.aggregate.MetricResult;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RecordPipelineTest {

    private static final long MS = 1_000_000L;
    private static final long EPOCH_NS = 1_759_813_207_532_900_363L;
    private static final int PROFILING = 600;
    private static final int WARMUP = 20;
    private static final RecordMetrics METRICS = TestMetrics.recordMetrics(TiktokenTextTokenizer.o200kBase(), true, false);

    /** What the records socket would carry: warmup records first, then profiling ones, some failed. */
    private static List<byte[]> messages() {
        Random random = new Random(42);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < WARMUP + PROFILING; i++) {
            CreditPhase phase = i < WARMUP ? CreditPhase.WARMUP : CreditPhase.PROFILING;
            long start = 1_000_000_000L + i * 7 * MS;
            long ttft = (5 + random.nextInt(50)) * MS + random.nextInt(1000);
            List<ResponseChunk> chunks = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            long arrival = start + ttft;
            for (int c = 0; c < n; c++) {
                arrival += c == 0 ? 0 : (2 + random.nextInt(9)) * MS + random.nextInt(1000);
                chunks.add(new ResponseChunk(arrival,
                        c == 0 ? "Hello" : " world number " + random.nextInt(1000), null));
            }
            ErrorDetails error = null;
            if (i % 50 == 7) {
                error = new ErrorDetails(500, "Internal Server Error", "boom");
            } else if (i % 50 == 21 || i % 50 == 33) {
                error = new ErrorDetails(null, "ConnectionRefused", "connection refused");
            }
            long end = error != null ? start + MS : chunks.get(n - 1).arrivalNs() + 1_000;
            RequestRecord r = new RequestRecord("worker_" + (i % 3), i, phase, "conv-" + i, 0, "req-" + i,
                    "corr-" + i, start - 5_000, start, start + 20_000, start + ttft / 2, end,
                    EPOCH_NS + i * 7 * MS, error != null && error.code() != null ? error.code() : 200,
                    error != null ? List.of() : chunks, null, error, false, -1, null, null, null, null, null);
            out.add(MessageCodec.encode(r));
        }
        return out;
    }

    private static List<MetricRecord> compute(byte[] bytes) {
        Message m = MessageCodec.decode(bytes);
        List<Message> all = m instanceof Message.Batch b ? b.messages() : List.of(m);
        List<MetricRecord> out = new ArrayList<>();
        for (Message each : all) {
            if (each instanceof RequestRecord r && r.phase() == CreditPhase.PROFILING) {
                out.add(METRICS.compute(r, 100L + r.creditId() % 17));
            }
        }
        return out;
    }

    /** Collects what reaches the sink and checks that one thread only ever calls it. */
    private static final class CollectingSink implements RecordSink {
        final RecordAggregator aggregator = TestMetrics.aggregator();
        final List<Long> credits = new ArrayList<>();
        final Set<String> processorIds = new HashSet<>();
        final Set<Thread> threads = Collections.synchronizedSet(new HashSet<>());
        final AtomicInteger closes = new AtomicInteger();
        final AtomicLong acceptedAfterClose = new AtomicLong();
        final long delayNanos;

        CollectingSink(long delayNanos) {
            this.delayNanos = delayNanos;
        }

        @Override
        public boolean accept(MetricRecord record, String recordProcessorId) {
            threads.add(Thread.currentThread());
            if (closes.get() > 0) {
                acceptedAfterClose.incrementAndGet();
            }
            if (delayNanos > 0) {
                long until = System.nanoTime() + delayNanos;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            credits.add(record.record().creditId());
            processorIds.add(recordProcessorId);
            aggregator.add(record);
            return true;
        }

        @Override
        public void close() {
            threads.add(Thread.currentThread());
            closes.incrementAndGet();
        }
    }

    private static CollectingSink run(int processors, List<byte[]> messages) throws InterruptedException {
        CollectingSink sink = new CollectingSink(0);
        RecordPipeline pipeline = new RecordPipeline(processors, RecordPipelineTest::compute, sink);
        pipeline.start();
        for (byte[] m : messages) {
            pipeline.submit(m);
        }
        pipeline.finish();
        assertThat(pipeline.delivered()).isEqualTo(sink.credits.size());
        return sink;
    }

    @Test
    void everyProfilingRecordReachesTheSinkExactlyOnceOnOneThread() throws Exception {
        CollectingSink sink = run(4, messages());

        List<Long> credits = new ArrayList<>(sink.credits);
        Collections.sort(credits);
        List<Long> expected = new ArrayList<>();
        for (long i = WARMUP; i < WARMUP + PROFILING; i++) {
            expected.add(i);
        }
        assertThat(credits).isEqualTo(expected);
        assertThat(sink.threads).hasSize(1);
        assertThat(sink.closes.get()).isEqualTo(1);
        assertThat(sink.processorIds).isNotEmpty()
                .isSubsetOf("record_processor_0", "record_processor_1", "record_processor_2", "record_processor_3");
    }

    @Test
    void summaryDoesNotDependOnTheNumberOfProcessorsOrTheArrivalOrder() throws Exception {
        List<byte[]> messages = messages();
        ProfileSummary one = run(1, messages).aggregator.summarize();
        ProfileSummary four = run(4, messages).aggregator.summarize();
        List<byte[]> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new Random(7));
        ProfileSummary shuffledFour = run(4, shuffled).aggregator.summarize();

        assertThat(one.requestCount()).isEqualTo(PROFILING - 36); // 3 of every 50 fail, see messages()
        assertThat(one.errorRequestCount()).isEqualTo(36);
        assertSameSummary(four, one);
        assertSameSummary(shuffledFour, one);
    }

    @Test
    void recordsBatchedByTheWorkersGiveTheSameSummaryAsRecordsSentOneByOne() throws Exception {
        List<byte[]> single = messages();
        List<byte[]> batched = new ArrayList<>();
        for (int from = 0; from < single.size(); from += 7) {
            List<Message> batch = new ArrayList<>();
            for (byte[] m : single.subList(from, Math.min(single.size(), from + 7))) {
                batch.add(MessageCodec.decode(m));
            }
            batched.add(MessageCodec.encode(new Message.Batch(batch)));
        }
        CollectingSink fromBatches = run(3, batched);
        assertThat(fromBatches.credits).hasSize(PROFILING);
        assertSameSummary(fromBatches.aggregator.summarize(), run(1, single).aggregator.summarize());
    }

    @Test
    void slowSinkHoldsBackTheSubmitterInsteadOfBufferingOrDropping() throws Exception {
        int inputCapacity = 4;
        int outputCapacity = 4;
        int processors = 2;
        CollectingSink sink = new CollectingSink(200_000); // 0.2 ms a record
        RecordPipeline pipeline = new RecordPipeline(processors, inputCapacity, outputCapacity,
                RecordPipelineTest::compute, sink);
        pipeline.start();
        List<byte[]> messages = messages().subList(WARMUP, WARMUP + 300);
        long submitted = 0;
        long maxAhead = 0;
        for (byte[] m : messages) {
            pipeline.submit(m);
            submitted++;
            maxAhead = Math.max(maxAhead, submitted - pipeline.delivered());
        }
        pipeline.finish();

        assertThat(pipeline.delivered()).isEqualTo(300);
        assertThat(sink.credits).hasSize(300);
        // Queued input + one message in each processor's hands + queued output + the one the sink is on.
        assertThat(maxAhead).isLessThanOrEqualTo(inputCapacity + processors + outputCapacity + 1);
    }

    @Test
    void finishDrainsEverythingSubmittedBeforeClosingTheSink() throws Exception {
        CollectingSink sink = new CollectingSink(50_000);
        RecordPipeline pipeline = new RecordPipeline(3, RecordPipelineTest::compute, sink);
        pipeline.start();
        for (byte[] m : messages()) {
            pipeline.submit(m);
        }
        pipeline.finish(); // at once: most records are still queued

        assertThat(sink.credits).hasSize(PROFILING);
        assertThat(sink.acceptedAfterClose.get()).isZero();
        assertThat(sink.closes.get()).isEqualTo(1);
    }

    @Test
    void aFailingProcessorFailsTheRunAndStillClosesTheSink() throws Exception {
        CollectingSink sink = new CollectingSink(0);
        RecordPipeline pipeline = new RecordPipeline(2, bytes -> {
            List<MetricRecord> r = compute(bytes);
            if (!r.isEmpty() && r.get(0).record().creditId() == WARMUP + 10) {
                throw new IllegalArgumentException("bad record 30");
            }
            return r;
        }, sink);
        pipeline.start();
        try {
            for (byte[] m : messages()) {
                pipeline.submit(m);
            }
        } catch (IllegalStateException expectedOnceFailed) {
            assertThat(expectedOnceFailed).hasMessageContaining("bad record 30");
        }
        assertThatThrownBy(pipeline::finish).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bad record 30");
        assertThat(pipeline.failure()).isInstanceOf(IllegalArgumentException.class);
        assertThat(sink.closes.get()).isEqualTo(1);
    }

    private static void assertSameSummary(ProfileSummary actual, ProfileSummary expected) {
        assertThat(actual.requestCount()).isEqualTo(expected.requestCount());
        assertThat(actual.errorRequestCount()).isEqualTo(expected.errorRequestCount());
        assertThat(actual.errors()).isEqualTo(expected.errors());
        assertThat(actual.minRequestEpochNs()).isEqualTo(expected.minRequestEpochNs());
        assertThat(actual.maxResponseEpochNs()).isEqualTo(expected.maxResponseEpochNs());
        assertThat(actual.metrics()).extracting(MetricResult::tag)
                .containsExactlyElementsOf(expected.metrics().stream().map(MetricResult::tag).toList());
        for (int i = 0; i < expected.metrics().size(); i++) {
            MetricResult a = actual.metrics().get(i);
            MetricResult e = expected.metrics().get(i);
            assertThat(a.count()).as(e.tag()).isEqualTo(e.count());
            // Percentiles, min and max come from order-free histograms and comparisons: exactly equal.
            assertThat(a.p1()).as(e.tag()).isEqualTo(e.p1());
            assertThat(a.p50()).as(e.tag()).isEqualTo(e.p50());
            assertThat(a.p99()).as(e.tag()).isEqualTo(e.p99());
            assertThat(a.min()).as(e.tag()).isEqualTo(e.min());
            assertThat(a.max()).as(e.tag()).isEqualTo(e.max());
            // Sums of doubles may differ in the last bits with the order they were added in.
            assertThat(a.avg()).as(e.tag()).isCloseTo(e.avg(), within(1e-9 * Math.max(1, Math.abs(e.avg()))));
            if (e.std() != null) {
                assertThat(a.std()).as(e.tag()).isCloseTo(e.std(), within(1e-9 * Math.max(1, Math.abs(e.std()))));
            }
        }
    }
}
