package io.aiperf.cli.controller;

import io.aiperf.cli.AiperfVersion;
import io.aiperf.cli.controller.records.RecordPipeline;
import io.aiperf.cli.controller.records.RecordSink;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.records.aggregate.ErrorSummaryEntry;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.export.ConsoleTableRenderer;
import io.aiperf.records.export.RunInfo;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.metric.RecordMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Receives every worker's {@link RequestRecord} off the records socket on its own thread and hands it to a
 * {@link RecordPipeline}: {@code --record-processors} threads compute the metrics, one sink thread streams each
 * record to the per-request exports at once (nothing is held back for the end; see {@link RecordExports}) and folds
 * it into the aggregate (see {@link io.aiperf.cli.controller.records}). At the end it drains the pipeline, writes the
 * summary exports and renders the console report. The aggregate is touched by the sink thread only until
 * {@link #finish} has joined it.
 */
final class RecordsManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordsManager.class);

    /** What the controller reports to the CLI. */
    record Result(String summaryPath, String report, List<String> trailer, long validCount, long errorCount,
                  String mostCommonError) {
    }

    private final BenchmarkConfig config;
    private final ZMQ.Socket socket;
    private final Path artifactDir;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean running;
    private volatile long expectedProfiling = -1;
    private volatile Throwable failure;

    private Thread thread;
    private RecordMetrics metrics;
    private RunDataset inputs;
    private RecordExports exports;
    private RecordPipeline pipeline;
    private final RecordAggregator aggregator;
    private final boolean openLoop;
    /** The run's metrics, ordered and checked once at start-up. */
    private final MetricRegistry registry;

    RecordsManager(BenchmarkConfig config, ZMQ.Socket socket) {
        this.config = config;
        this.socket = socket;
        this.artifactDir = Path.of(config.output().artifactDir());
        boolean closedLoopBurst = config.load().mode() == io.aiperf.core.config.TimingMode.REQUEST_RATE
                && config.load().profiling().pattern() == io.aiperf.core.config.ArrivalPattern.CONCURRENCY_BURST;
        this.openLoop = !closedLoopBurst;
        this.registry = MetricRegistry.standard(MetricSettings.forConfig(config));
        this.aggregator = new RecordAggregator(openLoop, registry);
    }

    /** Starts consuming; the socket is handed over to the new thread here. */
    void start(RunDataset dataset) {
        this.inputs = dataset;
        this.metrics = new RecordMetrics(dataset.tokenizer(), registry);
        try {
            this.exports = new RecordExports(config.output(), RecordPipeline.processorId(0), openLoop, registry);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write exports to " + artifactDir + ": " + e.getMessage(), e);
        }
        pipeline = new RecordPipeline(config.service().recordProcessors(), this::process, new ExportSink());
        pipeline.start();
        running = true;
        thread = new Thread(this::receive, "records-manager");
        thread.start();
    }

    /** The number of profiling records that were pushed; {@link #finish} waits for them. */
    void expect(long profilingRecords) {
        expectedProfiling = profilingRecords;
    }

    /** The socket reader: receives only, so a slow tokenizer never holds up the socket beyond the queue. */
    private void receive() {
        try {
            socket.setReceiveTimeOut(50);
            while (running) {
                byte[] bytes = socket.recv(0);
                if (bytes != null) {
                    pipeline.submit(bytes);
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
            log.error("records manager failed", failure);
        }
        stopped.countDown();
    }

    /** Runs on a record processor thread: decode and compute, both thread-safe. */
    private MetricRecord process(byte[] bytes) {
        Message m = MessageCodec.decode(bytes);
        if (m instanceof RequestRecord record && record.phase() == CreditPhase.PROFILING) {
            Long isl = record.inputText() != null ? null
                    : inputs.inputTokens(record.conversationId(), record.turnIndex());
            return metrics.compute(record, isl, inputs.maxTokens(record.conversationId(), record.turnIndex()));
        }
        return null;
    }

    /** Runs on the pipeline's sink thread only: the JSONL writer and the aggregator need no lock. */
    private final class ExportSink implements RecordSink {
        private boolean unflushed;

        @Override
        public void accept(MetricRecord record, String recordProcessorId) throws IOException {
            exports.write(record, recordProcessorId);
            unflushed = true;
            aggregator.add(record);
        }

        @Override
        public void idle() throws IOException {
            // Quiet moment: whatever arrived is pushed to disk, so a crash loses nothing already seen.
            if (unflushed) {
                exports.flush();
                unflushed = false;
            }
        }

        @Override
        public void close() throws IOException {
            exports.close();
        }
    }

    private long receivedProfiling() {
        return pipeline.delivered();
    }

    private boolean failed() {
        return failure != null || pipeline.failure() != null;
    }

    Result finish(boolean cancelled, long waitMs) {
        if (thread == null) {
            return new Result(null, null, List.of(), 0, 0, null);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        long expected = expectedProfiling;
        if (expected < 0) {
            // A run cut short: take what is still in flight on the socket, briefly.
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            expected = Long.MAX_VALUE;
        }
        while (receivedProfiling() < expected && System.nanoTime() < deadline && !failed()) {
            sleepQuietly(10);
        }
        if (expected != Long.MAX_VALUE && receivedProfiling() < expected) {
            log.warn("{} of {} profiling records never arrived", expected - receivedProfiling(), expected);
        }
        running = false;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("records manager failed: " + failure.getMessage(), failure);
        }
        return export(cancelled);
    }

    private Result export(boolean cancelled) {
        ProfileSummary summary = aggregator.summarize();
        RunInfo run = RunInfo.of(config, AiperfVersion.VERSION, cancelled);
        Path json = exports.summaryJson();
        try {
            exports.writeSummaries(summary, run);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write exports to " + artifactDir + ": " + e.getMessage(), e);
        }
        boolean unicode = !"none".equals(config.service().uiType());
        ConsoleTableRenderer renderer = new ConsoleTableRenderer(unicode);
        StringBuilder report = new StringBuilder(renderer.renderMetrics(summary, "NVIDIA AIPerf | "
                + config.endpoint().type().metricsTitle()));
        if (!summary.errors().isEmpty()) {
            report.append('\n').append(renderer.renderErrors(summary));
        }
        summary.warnings().forEach(w -> log.warn("{}", w));
        String warnings = renderer.renderWarnings(summary);
        if (!warnings.isEmpty()) {
            report.append('\n').append(warnings);
        }
        List<String> trailer = new ArrayList<>();
        trailer.add("CLI Command: " + config.cliCommand());
        summary.benchmarkDurationSeconds().ifPresent(s ->
                trailer.add(String.format(Locale.ROOT, "Benchmark Duration: %.2f sec", s)));
        trailer.addAll(exports.trailer());
        trailer.add("Inputs Export: " + artifactDir.resolve("inputs.json"));
        trailer.add("Log File: " + artifactDir.resolve("logs").resolve("aiperf.log"));
        String commonError = summary.errors().isEmpty() ? null : describe(summary.errors().get(0));
        return new Result(json.toString(), report.toString(), trailer, summary.requestCount(),
                summary.errorRequestCount(), commonError);
    }

    private static String describe(ErrorSummaryEntry e) {
        ErrorDetails d = e.details();
        String message = d.message() == null ? "" : d.message().lines().findFirst().orElse("");
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        return (d.code() == null ? "" : d.code() + " ") + d.type() + (message.isEmpty() ? "" : ": " + message);
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
