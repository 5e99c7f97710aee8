package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /v1/images/generations} (OpenAI's Images API): {@code n} PNG images of the requested {@code size}
 * ({@code WxH}, default {@value #DEFAULT_SIZE}) as {@code b64_json}. A whole answer comes after the time to first
 * token. With {@code stream: true} the answer is server-sent events named as OpenAI names them:
 * {@code partial_images} (default {@value #DEFAULT_PARTIAL_IMAGES}, at most 3) events
 * {@code image_generation.partial_image}, then one {@code image_generation.completed}, the first at the time to
 * first token and each next one an inter-token latency later.
 *
 * <p>The images are flat colour (a partial image lighter than the final one), encoded once per size and shade and
 * cached: the mock stays cheap however many requests ask for the same size.
 */
final class ImagesRoute extends JsonRoute {

    static final String PATH = "/v1/images/generations";
    static final String DEFAULT_SIZE = "1024x1024";
    static final int DEFAULT_PARTIAL_IMAGES = 2;
    private static final int MAX_SIDE = 4096;

    private static final Map<String, String> PNG_CACHE = new ConcurrentHashMap<>();

    private final MockConfig config;

    ImagesRoute(MockConfig config, RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        if (!body.path("prompt").isTextual() || body.get("prompt").asText().isEmpty()) {
            throw new InferenceRequest.InvalidRequestException("'prompt' must be a non-empty string");
        }
        String size = body.path("size").isTextual() ? body.get("size").asText() : DEFAULT_SIZE;
        int[] wh = size(size);
        int n = body.path("n").isInt() ? body.get("n").asInt() : 1;
        if (n < 1 || n > 10) {
            throw new InferenceRequest.InvalidRequestException("'n' must be between 1 and 10");
        }
        String quality = body.path("quality").isTextual() ? body.get("quality").asText() : "auto";
        int promptTokens = Math.max(1, (body.get("prompt").asText().length() + 3) / 4);
        long firstNs = exchange.arrivalNs() + config.ttftNs();
        if (!body.path("stream").asBoolean(false)) {
            String png = png(wh[0], wh[1], false);
            exchange.runAt(firstNs, () -> exchange.respondJson(HttpResponseStatus.OK,
                    Json.encode(exchange.ctx().alloc(), json -> {
                        json.writeStartObject();
                        json.writeNumberField("created", System.currentTimeMillis() / 1000);
                        json.writeArrayFieldStart("data");
                        for (int i = 0; i < n; i++) {
                            json.writeStartObject();
                            json.writeStringField("b64_json", png);
                            json.writeEndObject();
                        }
                        json.writeEndArray();
                        json.writeStringField("size", size);
                        json.writeStringField("quality", quality);
                        usage(json, promptTokens, n);
                        json.writeEndObject();
                    })));
            return;
        }
        int partials = body.path("partial_images").isInt()
                ? Math.max(0, Math.min(3, body.get("partial_images").asInt())) : DEFAULT_PARTIAL_IMAGES;
        exchange.runAt(firstNs, () -> {
            exchange.startEventStream();
            streamEvent(exchange, 0, partials, wh, size, quality, promptTokens, firstNs);
        });
    }

    private void streamEvent(Exchange exchange, int index, int partials, int[] wh, String size, String quality,
                             int promptTokens, long firstNs) {
        boolean completed = index == partials;
        String type = completed ? "image_generation.completed" : "image_generation.partial_image";
        String png = png(wh[0], wh[1], !completed);
        ByteBuf event = Json.encode(exchange.ctx().alloc(), json -> {
            json.writeStartObject();
            json.writeStringField("type", type);
            json.writeStringField("b64_json", png);
            json.writeNumberField("created_at", System.currentTimeMillis() / 1000);
            json.writeStringField("size", size);
            json.writeStringField("quality", quality);
            json.writeStringField("output_format", "png");
            if (completed) {
                usage(json, promptTokens, 1);
            } else {
                json.writeNumberField("partial_image_index", index);
            }
            json.writeEndObject();
        });
        ByteBuf framed = exchange.ctx().alloc().buffer(event.readableBytes() + type.length() + 16);
        framed.writeCharSequence("event: " + type + "\ndata: ", StandardCharsets.US_ASCII);
        framed.writeBytes(event);
        event.release();
        framed.writeCharSequence("\n\n", StandardCharsets.US_ASCII);
        exchange.writeEvent(framed);
        if (completed) {
            exchange.endEventStream();
        } else {
            exchange.runAt(firstNs + config.itlNs() * (index + 1),
                    () -> streamEvent(exchange, index + 1, partials, wh, size, quality, promptTokens, firstNs));
        }
    }

    private static void usage(com.fasterxml.jackson.core.JsonGenerator json, int promptTokens, int images)
            throws IOException {
        json.writeObjectFieldStart("usage");
        json.writeNumberField("input_tokens", promptTokens);
        json.writeNumberField("output_tokens", 272 * images);
        json.writeNumberField("total_tokens", promptTokens + 272 * images);
        json.writeEndObject();
    }

    /** {@code WxH}, each side 1..{@value #MAX_SIDE}. */
    static int[] size(String size) throws InferenceRequest.InvalidRequestException {
        String[] parts = size.split("x", -1);
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0]);
                int h = Integer.parseInt(parts[1]);
                if (w >= 1 && h >= 1 && w <= MAX_SIDE && h <= MAX_SIDE) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new InferenceRequest.InvalidRequestException("'size' must be WIDTHxHEIGHT, each 1.." + MAX_SIDE
                + ", got '" + size + "'");
    }

    /** A flat PNG of that size, base64; lighter for a partial image. */
    static String png(int width, int height, boolean partial) {
        return PNG_CACHE.computeIfAbsent(width + "x" + height + (partial ? "p" : ""), key -> {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(partial ? new Color(0x9ab8d8) : new Color(0x3a6ea5));
            g.fillRect(0, 0, width, height);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        });
    }
}
