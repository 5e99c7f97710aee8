package io.aiperf.bench;

import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.Usage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Encode and decode of the messages every request sends over the bus: its credit and its record. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    private final Credit credit = new Credit(17, CreditPhase.PROFILING, "conv-17", "2f1c5e8a-8a4b-4c1d-9e27-1b5f0a9d3c11",
            0, 1, "{\"model\":\"bench\",\"messages\":[{\"role\":\"user\",\"content\":\"hello world\"}],"
            + "\"max_completion_tokens\":1}", 0, null, 1, 8L, 123_456_789L, null, false);
    private final RequestRecord record = new RequestRecord("worker-0", 17, CreditPhase.PROFILING, "conv-17", 0,
            "8d1e0a3b-6b4c-4d2e-8f31-2c6a1b0e4d22", "2f1c5e8a-8a4b-4c1d-9e27-1b5f0a9d3c11", 1_000, 2_000, 2_100, 3_000,
            4_000, 1_700_000_000_000_000_000L, 200, List.of(new ResponseChunk(3_500, "Hi", null)),
            new Usage(8L, 1L, 9L, null), null, false, 1_500, null, 8L, 1, null, null);
    private final byte[] creditBytes = MessageCodec.encode(credit);
    private final byte[] recordBytes = MessageCodec.encode(record);

    @Benchmark
    public byte[] encodeCredit() {
        return MessageCodec.encode(credit);
    }

    @Benchmark
    public Message decodeCredit() {
        return MessageCodec.decode(creditBytes);
    }

    @Benchmark
    public byte[] encodeRecord() {
        return MessageCodec.encode(record);
    }

    @Benchmark
    public Message decodeRecord() {
        return MessageCodec.decode(recordBytes);
    }
}
