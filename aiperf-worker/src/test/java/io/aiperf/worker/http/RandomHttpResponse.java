package io.aiperf.worker.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.model.Usage;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A random valid answer of one endpoint type, as the bytes a server sends (status line, headers, body framed by
 * Content-Length, chunked encoding or the connection's close) and what the transport must make of it: the text of
 * each content response (null for a non-text answer such as embeddings) and the usage. Payloads are built with
 * Jackson, so texts with quotes, backslashes, control and multi-byte characters are escaped as a server would.
 *
 * @param payloads the JSON messages, each an SSE event's data for a stream or the whole body otherwise
 */
record RandomHttpResponse(EndpointType type, boolean streaming, List<String> payloads, List<String> texts,
                          Usage usage) {

    enum Framing { CONTENT_LENGTH, CHUNKED, CLOSE }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EndpointType[] STREAMING = {EndpointType.CHAT, EndpointType.COMPLETIONS,
            EndpointType.RESPONSES, EndpointType.HUGGINGFACE_GENERATE, EndpointType.TEMPLATE};

    static RandomHttpResponse of(Random r) {
        if (r.nextBoolean()) {
            return stream(r, STREAMING[r.nextInt(STREAMING.length)]);
        }
        EndpointType[] all = EndpointType.values();
        return whole(r, all[r.nextInt(all.length)]);
    }

    /** The text of one token: one to five pieces, never empty, so each event is one content response. */
    private static String token(Random r) {
        String t = FuzzInputs.text(r, 5);
        return t.isEmpty() ? "x" : t;
    }

    private static RandomHttpResponse stream(Random r, EndpointType type) {
        List<String> payloads = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Usage usage = null;
        int tokens = r.nextInt(6);
        if (type == EndpointType.CHAT) {
            payloads.add(object(o -> chatChunk(o).putObject("delta").put("role", "assistant")));
        }
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            int id = i;
            String t = token(r);
            texts.add(t);
            all.append(t);
            payloads.add(switch (type) {
                case CHAT -> object(o -> chatChunk(o).putObject("delta").put("content", t));
                case COMPLETIONS -> object(o -> o.put("object", "text_completion").putArray("choices").addObject()
                        .put("index", 0).put("text", t));
                case RESPONSES -> object(o -> o.put("type", "response.output_text.delta").put("delta", t));
                case HUGGINGFACE_GENERATE -> object(o -> o.putObject("token").put("id", id).put("text", t));
                default -> object(o -> o.put("text", t));
            });
        }
        if (type == EndpointType.CHAT && r.nextBoolean()) {
            long prompt = r.nextInt(1000);
            long completion = tokens;
            usage = new Usage(prompt, completion, prompt + completion, null);
            payloads.add(object(o -> {
                o.put("object", "chat.completion.chunk").putArray("choices");
                o.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                        .put("total_tokens", prompt + completion);
            }));
        }
        if (type == EndpointType.HUGGINGFACE_GENERATE) {
            // TGI's last event repeats the whole text, which must not count twice
            payloads.add(object(o -> {
                o.putObject("token").put("text", "");
                o.put("generated_text", all.toString());
            }));
        }
        return new RandomHttpResponse(type, true, payloads, texts, usage);
    }

    private static ObjectNode chatChunk(ObjectNode o) {
        o.put("id", "c1").put("object", "chat.completion.chunk");
        return o.putArray("choices").addObject().put("index", 0);
    }

    private static RandomHttpResponse whole(Random r, EndpointType type) {
        String t = token(r);
        List<String> text = List.of(t);
        List<String> nonText = new ArrayList<>();
        nonText.add(null);
        String body = switch (type) {
            case CHAT -> object(o -> o.put("object", "chat.completion").putArray("choices").addObject()
                    .putObject("message").put("role", "assistant").put("content", t));
            case COMPLETIONS -> object(o -> o.put("object", "text_completion").putArray("choices").addObject()
                    .put("text", t));
            case RESPONSES -> object(o -> o.put("object", "response").putArray("output").addObject()
                    .put("type", "message").putArray("content").addObject().put("type", "output_text").put("text", t));
            case HUGGINGFACE_GENERATE -> array(a -> a.addObject().put("generated_text", t));
            case SOLIDO_RAG -> object(o -> o.put("content", t));
            case EMBEDDINGS, CHAT_EMBEDDINGS, NIM_EMBEDDINGS -> object(o -> o.putArray("data").addObject()
                    .put("object", "embedding").put("index", 0).putArray("embedding").add(0.25).add(-1.5));
            case NIM_RANKINGS -> object(o -> o.putArray("rankings").addObject().put("index", 0).put("logit", 1.5));
            case HF_TEI_RANKINGS -> array(a -> a.addObject().put("index", 0).put("score", 0.5));
            case COHERE_RANKINGS -> object(o -> o.putArray("results").addObject().put("index", 0)
                    .put("relevance_score", 0.5));
            case TEMPLATE -> object(o -> o.put("text", t));
            case IMAGE_GENERATION -> object(o -> o.putArray("data").addObject().put("b64_json", "aGk="));
            case IMAGE_RETRIEVAL -> object(o -> o.putArray("data").addObject().put("index", 0));
            case VIDEO_GENERATION -> object(o -> o.put("id", "v1").put("status", "completed"));
        };
        boolean textAnswer = switch (type) {
            case EMBEDDINGS, CHAT_EMBEDDINGS, NIM_EMBEDDINGS, NIM_RANKINGS, HF_TEI_RANKINGS, COHERE_RANKINGS,
                 IMAGE_GENERATION, IMAGE_RETRIEVAL, VIDEO_GENERATION -> false;
            default -> true;
        };
        return new RandomHttpResponse(type, false, List.of(body), textAnswer ? text : nonText, null);
    }

    /** This response with each payload replaced by {@code edit} of it. */
    RandomHttpResponse withPayloads(UnaryOperator<String> edit) {
        return new RandomHttpResponse(type, streaming, payloads.stream().map(edit).toList(), texts, usage);
    }

    /** The body: the payload, or the SSE events (with random line ends, a keep-alive comment, and {@code [DONE]}). */
    byte[] body(Random r) {
        if (!streaming) {
            return FuzzInputs.bytes(payloads.get(0));
        }
        StringBuilder sb = new StringBuilder();
        String eol = r.nextBoolean() ? "\n" : "\r\n";
        if (r.nextInt(4) == 0) {
            sb.append(": keep-alive").append(eol).append(eol);
        }
        for (String p : payloads) {
            sb.append("data: ").append(p).append(eol).append(eol);
        }
        if (type != EndpointType.HUGGINGFACE_GENERATE && r.nextBoolean()) {
            sb.append("data: [DONE]").append(eol).append(eol);
        }
        return FuzzInputs.bytes(sb.toString());
    }

    /** Status line, headers and {@code body} framed as {@code framing} says. */
    byte[] wire(Random r, byte[] body, Framing framing) {
        StringBuilder head = new StringBuilder();
        if (r.nextInt(8) == 0) {
            head.append("HTTP/1.1 100 Continue\r\n\r\n"); // an informational response comes first
        }
        head.append("HTTP/1.1 200 OK\r\n");
        head.append("Content-Type: ").append(streaming ? "text/event-stream; charset=utf-8" : "application/json")
                .append("\r\n");
        switch (framing) {
            case CONTENT_LENGTH -> head.append("Content-Length: ").append(body.length).append("\r\n");
            case CHUNKED -> head.append("Transfer-Encoding: chunked\r\n");
            case CLOSE -> head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(FuzzInputs.bytes(head.toString()));
        if (framing != Framing.CHUNKED) {
            out.writeBytes(body);
            return out.toByteArray();
        }
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + r.nextInt(Math.max(1, body.length / 2)));
            String ext = r.nextInt(8) == 0 ? ";ext=1" : "";
            out.writeBytes(FuzzInputs.bytes(Integer.toHexString(size) + ext + "\r\n"));
            out.write(body, at, size);
            out.writeBytes(FuzzInputs.bytes("\r\n"));
            at += size;
        }
        out.writeBytes(FuzzInputs.bytes("0\r\n\r\n"));
        return out.toByteArray();
    }

    private static String object(java.util.function.Consumer<ObjectNode> fill) {
        ObjectNode o = JSON.createObjectNode();
        fill.accept(o);
        return o.toString();
    }

    private static String array(java.util.function.Consumer<ArrayNode> fill) {
        ArrayNode a = JSON.createArrayNode();
        fill.accept(a);
        return a.toString();
    }
}
