package io.aiperf.core.dataset;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;

/**
 * Writes {@code inputs.json}: {@code {"data": [{"session_id": "<conversation id>", "payloads": [<payload>, ...]}, ...]}}
 * with one payload (the exact request body object) per turn, in dataset order.
 *
 * <p>Streaming: one {@link JsonGenerator} writes the document while the conversations are iterated; only one payload
 * string is held at a time. Each payload string is parsed and copied token by token into the document
 * ({@link JsonGenerator#copyCurrentStructureExact}: numbers keep their exact text), so it is validated (it must be one
 * JSON object) and laid out like the rest.
 *
 * <p>Layout: indented, two spaces per level, {@code "key": value}, one element per line, {@code \n} line ends, empty
 * arrays/objects as {@code []}/{@code {}}, UTF-8 with non-ASCII characters written as is (not escaped), and a final
 * newline — the layout of Python's {@code json.dumps(obj, indent=2, ensure_ascii=False)}. The file is written to a
 * temporary sibling and moved into place, so a reader never sees a half-written file.
 */
public final class InputsJsonWriter {

    /** Renders the request body (a JSON object) of turn {@code turnIndex} of {@code conversation}. */
    @FunctionalInterface
    public interface PayloadRenderer {
        String render(Conversation conversation, int turnIndex) throws IOException;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private InputsJsonWriter() {
    }

    /** Writes with a renderer that only needs the turn (single-turn endpoints). */
    public static void write(Path file, Iterable<Conversation> conversations, Function<Turn, String> renderer)
            throws IOException {
        write(file, conversations, (PayloadRenderer) (c, i) -> renderer.apply(c.turns().get(i)));
    }

    /** Writes {@code file} (parent directories created), atomically replacing it. */
    public static void write(Path file, Iterable<Conversation> conversations, PayloadRenderer renderer)
            throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(out, conversations, renderer);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the document to {@code out} (not closed). */
    public static void write(OutputStream out, Iterable<Conversation> conversations, PayloadRenderer renderer)
            throws IOException {
        try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.setPrettyPrinter(prettyPrinter());
            gen.writeStartObject();
            gen.writeFieldName("data");
            gen.writeStartArray();
            for (Conversation conversation : conversations) {
                gen.writeStartObject();
                gen.writeStringField("session_id", conversation.conversationId());
                gen.writeFieldName("payloads");
                gen.writeStartArray();
                for (int i = 0; i < conversation.turns().size(); i++) {
                    copyPayload(gen, renderer.render(conversation, i), conversation.conversationId(), i);
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeRaw('\n');
            gen.flush();
        }
    }

    private static void copyPayload(JsonGenerator gen, String json, String id, int turn) throws IOException {
        if (json == null) {
            throw new IllegalArgumentException("no payload rendered for " + id + " turn " + turn);
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("payload of " + id + " turn " + turn + " is not a JSON object");
            }
            gen.copyCurrentStructureExact(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("payload of " + id + " turn " + turn + " has trailing content");
            }
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
