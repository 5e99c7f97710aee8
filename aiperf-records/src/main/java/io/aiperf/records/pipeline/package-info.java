/**
 * The controller's records pipeline: from the workers' {@code RequestRecord} messages to
 * {@code profile_export.jsonl} and the aggregate behind the summary exports.
 *
 * <h2>Who runs what</h2>
 * <pre>
 * workers ──PUSH──▶ records socket (PULL)
 *   [records-manager]      one thread: receives raw bytes, nothing else ─ submit() blocks when the queue is full
 *        │ bounded queue ({@link io.aiperf.records.pipeline.RecordPipeline#INPUT_CAPACITY})
 *   [record_processor_0…N-1]  N threads (--record-processors): decode the message, RecordMetrics.compute
 *        │                   (tokenizing the output text, the expensive part); warmup records stop here
 *        │ bounded queue ({@link io.aiperf.records.pipeline.RecordPipeline#OUTPUT_CAPACITY})
 *   [records-sink]          one thread: writes the JSONL line (streamed, flushed when idle and at least every
 *                           second), adds the record to the RecordAggregator
 * </pre>
 * Only the sink thread touches the JSONL writer and the aggregator, so neither needs a lock; the summary is read
 * after {@link io.aiperf.records.pipeline.RecordPipeline#finish} has joined the sink thread. Tokenization stays
 * off the workers (they only measure) and off the thread that reads the socket.
 *
 * <h2>Order</h2>
 * With several processors, JSONL lines follow completion order, not arrival order (as in AIPerf, whose record
 * processors are separate processes); {@code metadata.record_processor_id} names the processor that computed the
 * line. The summary does not depend on the order: histograms and integer totals are order-free, and exact
 * sums/means/standard deviations differ only in the last bits of a double.
 *
 * <h2>Thread-safety of the shared parts</h2>
 * The processors share one {@code RecordMetrics} and one tokenizer. Both tokenizers are safe to call
 * concurrently (documented in {@code TextTokenizer}): DJL's {@code HuggingFaceTokenizer} calls the Rust
 * tokenizers library, whose loaded tokenizer is immutable and encodes through a shared reference; JTokkit
 * encodings are immutable. The dataset lookup of a turn's input length reads maps that no longer change.
 *
 * <h2>Backpressure and shutdown</h2>
 * Queues are bounded and every hand-over blocks rather than drops: a slow sink stalls the processors, slow
 * processors stall the socket reader, and the ZeroMQ high-water mark then blocks the workers' sends. On the
 * normal end, Ctrl-C and {@code --benchmark-duration}, the reader stops and the pipeline drains everything already
 * received before the summary exports are written.
 */
package io.aiperf.records.pipeline;
