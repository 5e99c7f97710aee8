package io.aiperf.mock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON in and out. Responses are written with a streaming generator straight into a {@link ByteBuf}: no
 * intermediate tree or String per token chunk.
 */
final class Json {

    /** Thread-safe once configured; shared by all event loops. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final byte[] SSE_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SSE_SUFFIX = "\n\n".getBytes(StandardCharsets.US_ASCII);

    /** Writes one JSON value with the generator it is given. */
    @FunctionalInterface
    interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private Json() {
    }

    static ByteBuf encode(ByteBufAllocator alloc, Body body) {
        ByteBuf buf = alloc.buffer(256);
        try {
            write(buf, body);
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /** One server-sent event: {@code data: <json>\n\n}. */
    static ByteBuf encodeSse(ByteBufAllocator alloc, Body body) {
        ByteBuf buf = alloc.buffer(256);
        try {
            buf.writeBytes(SSE_PREFIX);
            write(buf, body);
            buf.writeBytes(SSE_SUFFIX);
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /** The OpenAI error envelope: {@code {"error":{"message":…,"type":…[,"code":…]}}}. */
    static ByteBuf error(ByteBufAllocator alloc, String message, String type, Integer code) {
        return encode(alloc, json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeStringField("message", message);
            json.writeStringField("type", type);
            if (code != null) {
                json.writeNumberField("code", code);
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private static void write(ByteBuf buf, Body body) {
        // The cast picks the OutputStream overload: ByteBufOutputStream is also a DataOutput.
        try (JsonGenerator json = FACTORY.createGenerator((OutputStream) new ByteBufOutputStream(buf))) {
            body.writeTo(json);
        } catch (IOException e) {
            // Writing into a heap/direct buffer cannot fail for I/O reasons; this would be a bug in a Body.
            throw new UncheckedIOException(e);
        }
    }
}
