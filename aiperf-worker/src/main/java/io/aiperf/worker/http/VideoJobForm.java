package io.aiperf.worker.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostRequestEncoder;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * A video job's submit body as {@code multipart/form-data} ({@code --request-content-type multipart/form-data}):
 * each top-level field of the rendered JSON body becomes one form field (strings as they are, anything else as its
 * JSON text), encoded by Netty's {@link HttpPostRequestEncoder}.
 *
 * @param contentType the {@code Content-Type} header, with its boundary
 * @param body        the encoded form
 */
record VideoJobForm(String contentType, byte[] body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @throws IllegalArgumentException when {@code json} is not a JSON object */
    static VideoJobForm of(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the video request body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the video request body is not a JSON object");
        }
        FullHttpRequest carrier = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.EMPTY_BUFFER);
        HttpPostRequestEncoder encoder = null;
        try {
            encoder = new HttpPostRequestEncoder(new DefaultHttpDataFactory(false), carrier, true);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                encoder.addBodyAttribute(field.getKey(), value.isTextual() ? value.textValue() : value.toString());
            }
            HttpRequest finished = encoder.finalizeRequest();
            String contentType = finished.headers().get(HttpHeaderNames.CONTENT_TYPE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (finished instanceof FullHttpRequest full) {
                out.writeBytes(ByteBufUtil.getBytes(full.content()));
                full.release();
            }
            if (encoder.isChunked()) {
                while (!encoder.isEndOfInput()) {
                    HttpContent chunk = encoder.readChunk(ByteBufAllocator.DEFAULT);
                    ByteBuf content = chunk.content();
                    out.writeBytes(ByteBufUtil.getBytes(content));
                    chunk.release();
                }
            }
            return new VideoJobForm(contentType, out.toByteArray());
        } catch (Exception e) { // the encoder's checked exceptions and its runtime ones alike
            throw new IllegalArgumentException("cannot encode the video form: " + e.getMessage(), e);
        } finally {
            if (encoder != null) {
                encoder.cleanFiles();
            }
        }
    }
}
