package io.aiperf.records.pipeline;

import io.aiperf.records.metric.MetricRecord;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Computes records on {@code N} processor threads and hands every result to one sink thread (see
 * {@link io.aiperf.cli.controller.records the package} for who runs what).
 *
 * <p>Both hand-overs are bounded queues: when the processors fall behind, {@link #submit} blocks (and the records
 * socket, then the workers' sends, with it); when the sink falls behind, the processors block. Nothing is ever
 * dropped. {@link #finish} lets everything already submitted through, then stops the threads and closes the sink.
 *
 * <p>A failure in any stage (a processor or the sink throwing) stops the pipeline: {@link #submit} and
 * {@link #finish} then throw, and the sink is still closed.
 */
public final class RecordPipeline {

    /** Messages waiting for a processor; with the socket's own buffer this is how far the workers may run ahead. */
    public static final int INPUT_CAPACITY = 512;
    /** Computed records waiting for the sink. */
    public static final int OUTPUT_CAPACITY = 512;

    private static final long POLL_MS = 50;
    /** Tells one processor that no more input will come (compared by identity). */
    private static final byte[] NO_MORE_INPUT = new byte[0];
    /** Tells the sink that one processor has finished. */
    private static final Computed NO_MORE_OUTPUT = new Computed(null, null);

    private record Computed(MetricRecord record, String processorId) {
    }

    private final BlockingQueue<byte[]> input;
    private final BlockingQueue<Computed> output;
    private final RecordProcessor processor;
    private final RecordSink sink;
    private final Thread[] processors;
    private final Thread sinkThread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Written by the sink thread only. */
    private volatile long delivered;
    private boolean started;

    /**
     * @param processorCount threads that run {@code processor} ({@code --record-processors})
     * @param processor      called concurrently, must be thread-safe
     * @param sink           called by one thread
     */
    public RecordPipeline(int processorCount, RecordProcessor processor, RecordSink sink) {
        this(processorCount, INPUT_CAPACITY, OUTPUT_CAPACITY, processor, sink);
    }

    RecordPipeline(int processorCount, int inputCapacity, int outputCapacity, RecordProcessor processor,
                   RecordSink sink) {
        if (processorCount < 1) {
            throw new IllegalArgumentException("at least one record processor is required: " + processorCount);
        }
        this.input = new ArrayBlockingQueue<>(inputCapacity);
        this.output = new ArrayBlockingQueue<>(outputCapacity);
        this.processor = Objects.requireNonNull(processor, "processor");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.processors = new Thread[processorCount];
        for (int i = 0; i < processorCount; i++) {
            String id = processorId(i);
            processors[i] = new Thread(() -> runProcessor(id), id);
            processors[i].setDaemon(true);
        }
        this.sinkThread = new Thread(this::runSink, "records-sink");
        this.sinkThread.setDaemon(true);
    }

    /** The {@code record_processor_id} of processor {@code index}, also its thread's name. */
    public static String processorId(int index) {
        return "record_processor_" + index;
    }

    public void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        sinkThread.start();
        for (Thread t : processors) {
            t.start();
        }
    }

    /**
     * Queues one message for a processor, blocking while the queue is full.
     *
     * @throws IllegalStateException when the pipeline has failed
     */
    public void submit(byte[] message) throws InterruptedException {
        Objects.requireNonNull(message, "message");
        checkNotFailed();
        put(input, message);
    }

    /** Records the sink has accepted (and not dropped) so far. */
    public long delivered() {
        return delivered;
    }

    /** The first failure of any stage, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * Drains: every message submitted before this call is processed and accepted by the sink, then the threads end
     * and the sink is closed. Call it from the thread that submits, after its last {@link #submit}.
     *
     * @throws IllegalStateException when any stage failed
     */
    public void finish() throws InterruptedException {
        if (started) {
            try {
                for (int i = 0; i < processors.length; i++) {
                    put(input, NO_MORE_INPUT);
                }
            } catch (IllegalStateException failed) {
                // A stage failed: the others notice it on their own; join them all the same.
            }
            for (Thread t : processors) {
                t.join();
            }
            sinkThread.join();
        }
        checkNotFailed();
    }

    private void runProcessor(String id) {
        try {
            while (failure.get() == null) {
                byte[] message = input.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (message == null) {
                    continue;
                }
                if (message == NO_MORE_INPUT) {
                    put(output, NO_MORE_OUTPUT);
                    return;
                }
                for (MetricRecord computed : processor.process(message)) {
                    put(output, new Computed(computed, id));
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void runSink() {
        int running = processors.length;
        try {
            while (running > 0 && failure.get() == null) {
                Computed c = output.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (c == null) {
                    sink.idle();
                } else if (c == NO_MORE_OUTPUT) {
                    running--;
                } else {
                    if (sink.accept(c.record(), c.processorId())) {
                        delivered = delivered + 1; // single writer
                    }
                }
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            try {
                sink.close();
            } catch (Throwable t) {
                fail(t);
            }
        }
    }

    private <T> void put(BlockingQueue<T> queue, T item) throws InterruptedException {
        while (!queue.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
            checkNotFailed();
        }
    }

    private void fail(Throwable t) {
        failure.compareAndSet(null, t);
    }

    private void checkNotFailed() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("record pipeline failed: " + t.getMessage(), t);
        }
    }
}
