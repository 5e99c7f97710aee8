package io.aiperf.bench;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.ParsedResponse;
import io.aiperf.core.endpoint.ResponseParser;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.worker.http.SseEvent;
import io.aiperf.worker.http.SseEventParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the worker's event loop does per SSE event of a streamed chat answer (issue 10, goal 5): split the bytes of a
 * socket read into events ({@link SseEventParser}), parse each event's JSON ({@link ResponseParser}), stamp it and
 * keep it as a {@link ResponseChunk}. The stream is vLLM-shaped (one token per event, the role in the first, usage
 * in the last) and arrives in reads of {@code eventsPerRead} events, as a server flushing each token does when the
 * client keeps up (1) or falls behind (8). Score: ns per event; 1e9 / score is one core's events per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SseStreamBenchmark {

    static final int EVENTS = 512;

    @Param({"1", "8"})
    int eventsPerRead;

    private final SseEventParser parser = new SseEventParser();
    private final ResponseParser responses = ResponseParser.forType(EndpointType.CHAT);
    private final List<Object> events = new ArrayList<>();
    private final List<ResponseChunk> chunks = new ArrayList<>(EVENTS);
    private ByteBuf[] reads;

    @Setup
    public void stream() {
        List<ByteBuf> out = new ArrayList<>();
        StringBuilder read = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            read.append(event(i));
            if ((i + 1) % eventsPerRead == 0 || i == EVENTS - 1) {
                out.add(Unpooled.unreleasableBuffer(
                        Unpooled.wrappedBuffer(read.toString().getBytes(StandardCharsets.UTF_8))));
                read.setLength(0);
            }
        }
        reads = out.toArray(ByteBuf[]::new);
    }

    private static String event(int i) {
        String delta = i == 0 ? "{\"role\":\"assistant\",\"content\":\"\"}" : "{\"content\":\" token" + i + "\"}";
        String usage = i == EVENTS - 1
                ? ",\"usage\":{\"prompt_tokens\":200,\"completion_tokens\":" + EVENTS + ",\"total_tokens\":712}" : "";
        return "data: {\"id\":\"chatcmpl-7d3f\",\"object\":\"chat.completion.chunk\",\"created\":1733140000,"
                + "\"model\":\"Qwen/Qwen3-0.6B\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":null}]" + usage + "}\n\n";
    }

    /** One whole answer: every read decoded, every event parsed and stamped. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void decodeParseStamp(Blackhole bh) throws Exception {
        chunks.clear();
        for (ByteBuf read : reads) {
            read.readerIndex(0);
            long arrivalNs = System.nanoTime();
            parser.feed(read, events);
            for (int e = 0; e < events.size(); e++) {
                SseEvent event = (SseEvent) events.get(e);
                ParsedResponse parsed = responses.parse(event.data());
                bh.consume(parsed.usage());
                if (parsed.hasContent()) {
                    chunks.add(new ResponseChunk(arrivalNs, parsed.text(), parsed.reasoning()));
                }
            }
            events.clear();
        }
        bh.consume(chunks);
    }
}
