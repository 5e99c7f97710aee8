package io.aiperf.records.aggregate;

import io.aiperf.core.model.CreditPhase;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import io.aiperf.records.testing.TestRecords;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic run: 45 valid streaming requests (100 ms apart, TTFT 20–64 ms plus jitter, 2–6 one-word chunks
 * 10 ms apart, ISL 100+i), 5 failures (3 HTTP 500, 2 refused connections) and 3 warmup requests.
 */
public final class SyntheticRun {

    public static final long MS = 1_000_000L;
    public static final int VALID = 45;

    public final List<MetricRecord> records = new ArrayList<>();
    public final List<Double> ttftNs = new ArrayList<>();
    public long minStartEpochNs = Long.MAX_VALUE;
    public long maxEndEpochNs = Long.MIN_VALUE;
    public long totalOsl;
    public long totalIsl;
    public int chunkGaps;

    public SyntheticRun() {
        RecordMetrics metrics = TestMetrics.recordMetrics(TestRecords.wordTokenizer(), true, false);
        Random random = new Random(1234);
        long credit = 0;
        for (int i = 0; i < 3; i++) {
            records.add(metrics.compute(TestRecords.request().credit(credit++).phase(CreditPhase.WARMUP)
                    .text(5 * MS, "warm").build(), 10L));
        }
        for (int i = 0; i < VALID; i++) {
            long startNs = 1_000_000_000L + i * 100 * MS;
            long startEpochNs = TestRecords.EPOCH_NS + i * 100 * MS;
            long ttft = (20 + i) * MS + random.nextInt(1_000_000);
            int chunks = 2 + i % 5;
            TestRecords r = TestRecords.request().credit(credit++).startNs(startNs).startEpochNs(startEpochNs)
                    .headersAt(ttft / 2);
            for (int c = 0; c < chunks; c++) {
                r.text(ttft + c * 10 * MS, c == 0 ? "w" : " w");
            }
            long latency = ttft + (chunks - 1) * 10 * MS;
            ttftNs.add((double) ttft);
            minStartEpochNs = Math.min(minStartEpochNs, startEpochNs);
            maxEndEpochNs = Math.max(maxEndEpochNs, startEpochNs + latency);
            totalOsl += chunks;
            totalIsl += 100 + i;
            chunkGaps += chunks - 1;
            records.add(metrics.compute(r.build(), 100L + i));
            if (i % 9 == 4) { // i = 4, 13, 22 fail with HTTP 500; 31, 40 with a refused connection
                boolean http = i < 30;
                TestRecords failed = TestRecords.request().credit(credit++).startNs(startNs + MS)
                        .startEpochNs(startEpochNs + MS);
                failed = http ? failed.error(500, "Internal Server Error", "boom")
                        : failed.error(null, "ConnectionRefused", "connection refused");
                records.add(metrics.compute(failed.build(), 1_000L));
            }
        }
    }
}
