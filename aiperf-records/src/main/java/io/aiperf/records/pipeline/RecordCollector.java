package io.aiperf.records.pipeline;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.Batch;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.RecordsResult;
import io.aiperf.core.message.Message.TelemetryResult;
import io.aiperf.core.message.Message.WorkerLost;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.service.AiperfVersion;
import io.aiperf.core.tokenizer.TextTokenizer;
import io.aiperf.records.accuracy.AccuracyExports;
import io.aiperf.records.accuracy.AnswerKey;
import io.aiperf.records.aggregate.ErrorSummaryEntry;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.export.ExportFiles;
import io.aiperf.records.export.RecordExports;
import io.aiperf.records.export.RunInfo;
import io.aiperf.records.export.RunReport;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.metric.RecordMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run's records, from the records socket to every export: a reader thread takes each worker's
 * {@link RequestRecord} off the socket and hands it to a {@link RecordPipeline} ({@code --record-processors} threads
 * compute the metrics; one sink thread streams each record to the per-request exports at once, see
 * {@link RecordExports}, and folds it into the aggregate). {@link #finish} drains the pipeline, writes the summary
 * exports and renders the console report. The aggregate is touched by the sink thread only until {@link #finish}
 * has joined it. Built and finished on the records manager's bus thread.
 */
public final class RecordCollector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordCollector.class);

    private final BenchmarkConfig config;
    private final Path artifactDir;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final RecordAggregator aggregator;
    private final boolean openLoop;
    /** The telemetry manager's summary for this run's exports, set by {@code finish}; null without telemetry. */
    private TelemetryResult telemetry;
    /** The run's metrics, ordered and checked once at start-up. */
    private final MetricRegistry registry;
    private final RecordMetrics metrics;
    /** Taken on the sink thread, handed to the bus thread. */
    private final LiveSnapshots live;

    /** Bus thread only: workers that died mid-run, for {@code lost_workers}. */
    private final List<RunInfo.LostWorker> lostWorkers = new ArrayList<>();
    /**
     * Per worker, its lost-credit records the sink kept (sink thread; read after it stopped): a credit whose real
     * record arrived first is not lost, so {@code lost_requests} counts these, not the credits the controller gave up.
     */
    private final Map<String, Integer> lostKept = new HashMap<>();
    /** With a worker lost, the wait for the last records ends once none arrived for this long. */
    private static final long LOST_WORKER_QUIET_NS = TimeUnit.SECONDS.toNanos(2);

    private volatile boolean running;
    /** Set by {@link #close(long)}: the reader takes what is queued on the socket, and stops once it is empty. */
    private volatile boolean draining;
    private volatile Throwable failure;

    private Thread thread;
    private RecordExports exports;
    private RecordPipeline pipeline;
    /** Accuracy mode's expected answers (read at start-up, so a bad file fails the configure step), or null. */
    private final AnswerKey answerKey;
    /** Accuracy mode's files, opened with the other exports; written by the sink thread. */
    private AccuracyExports accuracy;

    /** Checks the run's metrics; nothing is opened yet. */
    public RecordCollector(BenchmarkConfig config, TextTokenizer tokenizer) {
        this.config = config;
        this.artifactDir = Path.of(config.output().artifactDir());
        this.openLoop = config.load().openLoop();
        this.registry = MetricRegistry.standard(MetricSettings.forConfig(config));
        this.aggregator = new RecordAggregator(openLoop, registry);
        this.live = new LiveSnapshots(aggregator, System::nanoTime);
        this.metrics = new RecordMetrics(tokenizer, registry);
        this.answerKey = config.input().accuracy() == null ? null : AnswerKey.of(config.input().accuracy());
    }

    /** Opens the per-request exports and starts consuming; the socket is handed over to the reader thread here. */
    public void start(ZMQ.Socket socket) {
        if (thread != null) {
            return;
        }
        try {
            if (config.output().exportLevel() != ExportLevel.SUMMARY) {
                // Beside the records, so `aiperf summarize` can rebuild the summaries if this process dies.
                Files.createDirectories(artifactDir);
                Files.write(artifactDir.resolve(ExportFiles.RUN_CONFIG_JSON),
                        MessageCodec.encodeConfig(config.redacted()));
            }
            this.exports = new RecordExports(config.output(), RecordPipeline.processorId(0), openLoop, registry);
            if (answerKey != null) {
                this.accuracy = new AccuracyExports(answerKey, config.input().accuracy(), config.output());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write exports to " + artifactDir + ": " + e.getMessage(), e);
        }
        pipeline = new RecordPipeline(config.service().recordProcessors(), this::process, new ExportSink());
        pipeline.start();
        running = true;
        thread = new Thread(() -> receive(socket), "records-reader");
        thread.start();
    }

    public boolean started() {
        return thread != null;
    }

    /** The reader: receives only, so a slow tokenizer never holds up the socket beyond the queue. */
    private void receive(ZMQ.Socket socket) {
        try {
            socket.setReceiveTimeOut(50);
            while (running) {
                byte[] bytes = socket.recv(0);
                if (bytes != null) {
                    pipeline.submit(bytes);
                } else if (draining) {
                    break;
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
        try {
            pipeline.finish(); // drains what was received, closes the JSONL file
        } catch (Throwable t) {
            if (failure == null) {
                failure = t;
            }
        }
        if (failure != null) {
            log.error("records pipeline failed", failure);
        }
        stopped.countDown();
    }

    /** Runs on a record processor thread: decode and compute, both thread-safe. */
    private List<MetricRecord> process(byte[] bytes) {
        Message m = MessageCodec.decode(bytes);
        if (!(m instanceof Batch batch)) {
            MetricRecord one = compute(m);
            return one == null ? List.of() : List.of(one);
        }
        List<MetricRecord> out = new ArrayList<>(batch.messages().size());
        for (Message each : batch.messages()) {
            MetricRecord computed = compute(each);
            if (computed != null) {
                out.add(computed);
            }
        }
        return out;
    }

    private MetricRecord compute(Message m) {
        if (m instanceof RequestRecord record && record.phase() == CreditPhase.PROFILING) {
            // A worker-rendered turn's length is counted from its text; every other turn's came with its credit.
            Long isl = record.inputText() != null ? null : record.inputTokens();
            Long maxTokens = record.maxTokens() == null ? null : record.maxTokens().longValue();
            return metrics.compute(record, isl, maxTokens);
        }
        return null;
    }

    /** Runs on the pipeline's sink thread only: the JSONL writer and the aggregator need no lock. */
    private final class ExportSink implements RecordSink {
        private boolean unflushed;
        /**
         * Profiling credit ids seen (they run from 0): when a worker dies, the controller records its unreturned
         * credits as lost, and a record it pushed just before dying may still arrive; the first of the two counts.
         */
        private final BitSet seenCredits = new BitSet();

        @Override
        public boolean accept(MetricRecord record, String recordProcessorId) throws IOException {
            long creditId = record.record().creditId();
            if (creditId >= 0 && creditId < Integer.MAX_VALUE) {
                if (seenCredits.get((int) creditId)) {
                    log.warn("second record of credit {} ({}) dropped", creditId,
                            record.error() == null ? "success" : record.error().type());
                    return false;
                }
                seenCredits.set((int) creditId);
            }
            if (record.error() != null && WorkerLost.ERROR_TYPE.equals(record.error().type())) {
                lostKept.merge(record.record().workerId(), 1, Integer::sum);
            }
            exports.write(record, recordProcessorId);
            if (accuracy != null) {
                java.time.Instant now = java.time.Instant.now();
                accuracy.accept(record.record(), recordProcessorId, now.getEpochSecond() * 1_000_000_000L + now.getNano());
            }
            unflushed = true;
            aggregator.add(record);
            live.offer();
            return true;
        }

        @Override
        public void idle() throws IOException {
            // Quiet moment: whatever arrived is pushed to disk, so a crash loses nothing already seen.
            if (unflushed) {
                exports.flush();
                if (accuracy != null) {
                    accuracy.flush();
                }
                unflushed = false;
            }
            live.offer(); // the last records before a pause are shown without waiting for the next one

        }

        @Override
        public void close() throws IOException {
            try {
                exports.close();
            } finally {
                if (accuracy != null) {
                    accuracy.close();
                }
            }
        }
    }

    /**
     * A worker died mid-run (bus thread): noted for {@code lost_workers}, and the controller's error records of its
     * lost profiling credits go down the pipeline like any worker's records.
     */
    /** The lost workers, a profiling loss counted as the records kept of it (see {@link #lostKept}). */
    private List<RunInfo.LostWorker> lostAsRecorded() {
        List<RunInfo.LostWorker> recorded = new ArrayList<>(lostWorkers.size());
        for (RunInfo.LostWorker w : lostWorkers) {
            recorded.add(!CreditPhase.PROFILING.exportName().equals(w.phase()) ? w : new RunInfo.LostWorker(w.workerId(), w.pid(),
                    w.exitCode(), w.phase(), lostKept.getOrDefault(w.workerId(), 0)));
        }
        return recorded;
    }

    public void workerLost(WorkerLost lost) {
        lostWorkers.add(new RunInfo.LostWorker(lost.workerId(), lost.pid(), lost.exitCode(),
                lost.phase().exportName(), lost.lostCredits()));
        if (lost.records().isEmpty() || pipeline == null) {
            return;
        }
        try {
            pipeline.submit(MessageCodec.encode(new Batch(new ArrayList<Message>(lost.records()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException pipelineFailed) {
            // finish() reports the pipeline's failure
        }
    }

    /**
     * The live UI's latest statistics not taken yet (at most one a second, only when records arrived), or null; for
     * the bus thread to send on.
     */
    public LiveMetrics takeLiveMetrics() {
        return live.take();
    }

    /** Profiling records turned into metrics so far. */
    public long processed() {
        return pipeline == null ? 0 : pipeline.delivered();
    }

    private boolean failed() {
        return failure != null || pipeline.failure() != null;
    }

    /**
     * Why the pipeline stopped (an export that cannot be written: the disk is full), on one line; null while it runs.
     * The records manager reports it at once, so the run stops instead of sending requests nobody records.
     */
    public String failure() {
        Throwable t = failure != null ? failure : pipeline == null ? null : pipeline.failure();
        return t == null ? null : OneLine.of(t);
    }

    /**
     * Waits until {@code expectedProfiling} records have arrived (at most {@code waitMs}; when it is -1, the run was
     * cut short and only what is already on its way is taken, briefly), drains the pipeline and writes every export.
     * With {@code workersLost}, a dead worker's last records may never come (pushed but still in its buffers when it
     * died): the wait also ends once no record arrived for {@link #LOST_WORKER_QUIET_NS}.
     */
    public RecordsResult finish(long expectedProfiling, boolean cancelled, boolean workersLost, long waitMs) {
        return finish(expectedProfiling, cancelled, workersLost, waitMs, null);
    }

    /** As above, with what the telemetry manager summarised (null: no telemetry) in the exports and tables. */
    public RecordsResult finish(long expectedProfiling, boolean cancelled, boolean workersLost, long waitMs,
                                TelemetryResult telemetry) {
        this.telemetry = telemetry;
        if (thread == null) {
            return RecordsResult.failed("the records pipeline never started");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        long expected = expectedProfiling;
        if (expected < 0) {
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            expected = Long.MAX_VALUE;
        }
        long lastSeen = processed();
        long lastArrivalNs = System.nanoTime();
        while (processed() < expected && System.nanoTime() < deadline && !failed()) {
            sleepQuietly(10);
            long seen = processed();
            long now = System.nanoTime();
            if (seen != lastSeen) {
                lastSeen = seen;
                lastArrivalNs = now;
            } else if (workersLost && now - lastArrivalNs >= LOST_WORKER_QUIET_NS) {
                break;
            }
        }
        if (expected != Long.MAX_VALUE && processed() < expected) {
            log.warn("{} of {} profiling records never arrived{}", expected - processed(), expected,
                    workersLost ? " (pushed by a worker that died before they left it)" : "");
        }
        running = false;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            // What the sink took before it stopped is aggregated: the summaries of it are still worth writing
            // (they may fail as well, on a full disk), and the run still fails with the first cause.
            String cause = OneLine.of(failure);
            try {
                RecordsResult partial = export(cancelled);
                return new RecordsResult(partial.summaryPath(), partial.report(), partial.exportLines(),
                        partial.requestCount(), partial.errorCount(), partial.mostCommonError(), cause);
            } catch (IOException | RuntimeException e) {
                log.warn("summaries not written after the pipeline failed: {}", OneLine.of(e));
                return RecordsResult.failed(cause);
            }
        }
        try {
            return export(cancelled);
        } catch (IOException e) {
            return RecordsResult.failed("cannot write exports to " + artifactDir + ": " + OneLine.of(e));
        }
    }

    private RecordsResult export(boolean cancelled) throws IOException {
        ProfileSummary summary = aggregator.summarize();
        RunInfo run = RunInfo.of(config, AiperfVersion.VERSION, cancelled).withLostWorkers(lostAsRecorded())
                .withTelemetry(telemetry);
        Path json = exports.summaryJson();
        exports.writeSummaries(summary, run);
        String report = RunReport.tables(config, summary, telemetry);
        summary.warnings().forEach(w -> log.warn("{}", w));
        List<String> written = new ArrayList<>(exports.trailer());
        if (accuracy != null) {
            accuracy.writeResults();
            report = report + "\n" + accuracy.report(!"none".equals(config.service().uiType()));
            written.addAll(accuracy.trailer());
        }
        if (telemetry != null) {
            written.addAll(telemetry.exportLines());
        }
        List<String> trailer = RunReport.trailer(config, summary, written, artifactDir);
        String commonError = summary.errors().isEmpty() ? null : describe(summary.errors().get(0));
        return new RecordsResult(json.toString(), report, trailer, summary.requestCount(),
                summary.errorRequestCount(), commonError, null);
    }

    /** The most common error as the CLI's one line names it: {@code [code ]type[: message]}. */
    private static String describe(ErrorSummaryEntry e) {
        ErrorDetails d = e.details();
        String message = d.message() == null || d.message().isBlank() ? "" : OneLine.of(d.message());
        return (d.code() == null ? "" : d.code() + " ") + d.type() + (message.isEmpty() ? "" : ": " + message);
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the reader if it still runs (a run that ended without {@code FinishRecords}). */
    @Override
    public void close() {
        close(5_000);
    }

    /**
     * Stops the reader once the socket has nothing queued, and waits at most {@code waitMs} for the pipeline to drain
     * what it received into the per-request exports and close them (safe from any thread: the reader and the sink
     * do the work).
     */
    public void close(long waitMs) {
        draining = true;
        if (thread != null) {
            try {
                stopped.await(waitMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
