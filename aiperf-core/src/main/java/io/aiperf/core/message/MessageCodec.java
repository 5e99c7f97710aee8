package io.aiperf.core.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.model.Usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one codec for {@link Message}s: JSON with a {@code "t"} field naming the record. Subtypes are taken from the
 * sealed interface itself, so a new message kind cannot be forgotten here. Thread-safe.
 */
public final class MessageCodec {

    private static final ObjectWriter WRITER;
    private static final ObjectReader READER;
    private static final ObjectWriter CONFIG_WRITER;
    private static final ObjectReader CONFIG_READER;

    static {
        ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                // Untyped numbers (extra inputs) come back as Long, as the CLI coerced them.
                .configure(DeserializationFeature.USE_LONG_FOR_INTS, true)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.addMixIn(Message.class, TypeTag.class);
        for (Class<?> kind : allKinds()) {
            mapper.registerSubtypes(new NamedType(kind, kind.getSimpleName()));
        }
        WRITER = mapper.writerFor(Message.class);
        READER = mapper.readerFor(Message.class);
        CONFIG_WRITER = mapper.writerFor(BenchmarkConfig.class).withDefaultPrettyPrinter();
        CONFIG_READER = mapper.readerFor(BenchmarkConfig.class);
    }

    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        try {
            return WRITER.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public static Message decode(byte[] bytes) {
        try {
            return READER.readValue(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode bus message: " + e.getMessage(), e);
        }
    }

    /**
     * A run's configuration as the JSON a {@link Message.StartRun} carries, indented: the records manager keeps a copy
     * beside the exports so the summaries can be rebuilt from {@code profile_export.jsonl} after the run died.
     */
    public static byte[] encodeConfig(BenchmarkConfig config) {
        try {
            return CONFIG_WRITER.writeValueAsBytes(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the configuration", e);
        }
    }

    /** The inverse of {@link #encodeConfig}. */
    public static BenchmarkConfig decodeConfig(byte[] bytes) {
        try {
            return CONFIG_READER.readValue(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not a run configuration: " + e.getMessage(), e);
        }
    }

    /**
     * Round-trips the messages of the request path a few hundred times, so the first real credits and records do not
     * pay for Jackson building its (de)serializers and for interpreted code, which would otherwise show up as the
     * first requests' send lag.
     */
    public static void warmUp(int iterations) {
        List<Message> samples = List.of(
                new Credit(0, CreditPhase.PROFILING, "conv", "corr", 0, 2, "{\"a\":1}", 0,
                        new TurnInput("text", TurnContents.NONE, "sys", null), 8, 100L, 2L, 3L, true),
                new Message.CreditReturn("w", 0, CreditPhase.PROFILING, false, false, true),
                new Message.FirstToken("w", 0, CreditPhase.PROFILING),
                new RequestRecord("w", 0, CreditPhase.PROFILING, "conv", 0, "req", "corr", 1, 2, 3, 4, 5, 6, 200,
                        List.of(new ResponseChunk(4, "hi", null)), new Usage(1L, 2L, 3L, null), null, false, 1, null,
                        100L, 8, null, null),
                new Message.RunProgress(CreditPhase.PROFILING, 1, 1, 0, 2, 1, 5));
        // The run sends most of these inside batches (Outbox): warm that wrapping too.
        List<Message> withBatch = new ArrayList<>(samples);
        withBatch.add(new Message.Batch(samples));
        samples = withBatch;
        for (int i = 0; i < iterations; i++) {
            for (Message m : samples) {
                decode(encode(m));
            }
        }
    }

    /** Every concrete message record, read from the sealed hierarchy. */
    public static Class<?>[] allKinds() {
        return Message.class.getPermittedSubclasses();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "t")
    private interface TypeTag {
    }
}
