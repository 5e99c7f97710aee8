package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.TurnContents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validates one row of each format and turns it into {@link RowTurn}s; every violation names the row's line. */
final class RowParsers {

    /** A parsed row: its session id (null when none) and its turns in order. */
    record Row(String sessionId, List<RowTurn> turns, Long chatId, Long parentChatId) {
        Row(String sessionId, List<RowTurn> turns) {
            this(sessionId, turns, null, null);
        }
    }

    /** The name of unnamed texts (AIPerf's synthetic texts are named so too). */
    static final String TEXT_NAME = "text";

    private static final Set<String> SINGLE_TURN_KEYS = Set.of("type", "text", "texts", "image", "images", "audio",
            "audios", "video", "videos", "timestamp", "delay", "role", "session_id", "output_length");
    private static final Set<String> TURN_KEYS = Set.of("type", "text", "texts", "image", "images", "audio",
            "audios", "video", "videos", "timestamp", "delay", "role", "output_length");
    private static final Set<String> MULTI_TURN_KEYS = Set.of("type", "session_id", "turns");
    private static final Set<String> MOONCAKE_KEYS = Set.of("type", "input_length", "text_input", "messages", "tools",
            "output_length", "hash_ids", "timestamp", "delay", "session_id");
    private static final Set<String> RANDOM_POOL_KEYS = Set.of("type", "text", "texts", "image", "images", "audio",
            "audios", "video", "videos", "role", "output_length");
    private static final Set<String> BAILIAN_KEYS = Set.of("chat_id", "parent_chat_id", "timestamp", "input_length",
            "output_length", "type", "turn", "hash_ids");

    private RowParsers() {
    }

    static Row parse(DatasetFormat format, RowFields f) {
        return switch (format) {
            case SINGLE_TURN -> singleTurn(f);
            case MULTI_TURN -> multiTurn(f);
            case MOONCAKE_TRACE -> mooncake(f);
            case RANDOM_POOL -> new Row(null, List.of(randomPool(f)));
            case BAILIAN_TRACE -> bailian(f);
            case BURST_GPT_TRACE -> burstGpt(f);
        };
    }

    /**
     * {@code chat_id} (required), {@code parent_chat_id} (-1 or absent for a root), {@code timestamp} in seconds
     * (required, kept in ms), {@code input_length} (required), optional {@code output_length}, {@code hash_ids},
     * {@code turn}; {@code type} is the request type, accepted and ignored.
     */
    static Row bailian(RowFields f) {
        f.onlyKeys(BAILIAN_KEYS, "bailian_trace row");
        f.require("chat_id");
        Long chatId = f.integer("chat_id", 0);
        Long parent = f.integer("parent_chat_id", -1);
        f.require("timestamp");
        double seconds = f.nonNegativeNumber("timestamp", "seconds");
        f.require("input_length");
        Integer inputLength = f.positiveInt("input_length");
        Integer outputLength = f.positiveInt("output_length");
        List<Integer> hashIds = f.nonNegativeIntList("hash_ids");
        f.integer("turn", 0);
        f.string("type");
        return new Row(null, List.of(new RowTurn(f.line(), null, inputLength, outputLength, ms(seconds), 0.0,
                null, hashIds)), chatId, parent == null || parent < 0 ? null : parent);
    }

    /** Seconds to milliseconds without binary noise (4.001 s is 4001.0 ms). */
    static double ms(double seconds) {
        return java.math.BigDecimal.valueOf(seconds).movePointRight(3).doubleValue();
    }

    /** The BurstGPT columns, by name as normalized by {@link #column}. */
    static final String BURST_TIMESTAMP = "timestamp";
    static final String BURST_REQUEST = "request tokens";
    static final String BURST_RESPONSE = "response tokens";

    /** A CSV header name lower-cased with runs of spaces, {@code _} and {@code -} as one space. */
    static String column(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }

    /**
     * A BurstGPT row: {@code Timestamp} (seconds, kept in ms), {@code Request tokens} (positive),
     * {@code Response tokens} (0, as for a failed request, means no output length); other columns are ignored.
     */
    static Row burstGpt(RowFields f) {
        String ts = null;
        String req = null;
        String resp = null;
        for (var it = f.node().fieldNames(); it.hasNext(); ) {
            String name = it.next();
            switch (column(name)) {
                case BURST_TIMESTAMP -> ts = name;
                case BURST_REQUEST -> req = name;
                case BURST_RESPONSE -> resp = name;
                default -> {
                }
            }
        }
        if (ts == null || req == null || resp == null) {
            throw f.error("a burst_gpt_trace file needs the columns Timestamp, Request tokens and Response tokens");
        }
        f.require(ts);
        double seconds = f.nonNegativeNumber(ts, "seconds");
        f.require(req);
        Integer inputLength = f.positiveInt(req);
        f.require(resp);
        Long output = f.integer(resp, 0);
        if (output > Integer.MAX_VALUE) {
            throw f.error("'" + resp + "' is too large: " + output);
        }
        return new Row(null, List.of(new RowTurn(f.line(), null, inputLength, output == 0 ? null : output.intValue(),
                ms(seconds), 0.0, null, null)));
    }

    /**
     * {@code text|texts} and/or media ({@link RowMedia}), {@code timestamp} XOR {@code delay}, {@code output_length},
     * {@code role}, {@code session_id}.
     */
    static Row singleTurn(RowFields f) {
        f.onlyKeys(SINGLE_TURN_KEYS, "single_turn row");
        f.checkType(DatasetFormat.SINGLE_TURN.cliName());
        RowTurn turn = turn(f);
        return new Row(f.nonEmptyString("session_id"), List.of(turn));
    }

    /** A random_pool row: a single_turn row without {@code timestamp}, {@code delay} or {@code session_id}. */
    static RowTurn randomPool(RowFields f) {
        f.onlyKeys(RANDOM_POOL_KEYS, "random_pool row");
        f.checkType(DatasetFormat.RANDOM_POOL.cliName());
        return turn(f);
    }

    /** {@code {"session_id": optional string, "turns": [single_turn objects without session_id]}}. */
    static Row multiTurn(RowFields f) {
        f.onlyKeys(MULTI_TURN_KEYS, "multi_turn row");
        f.checkType(DatasetFormat.MULTI_TURN.cliName());
        String session = f.nonEmptyString("session_id");
        JsonNode turns = f.node().get("turns");
        if (turns == null || turns.isNull()) {
            throw f.error("'turns' is required");
        }
        if (!turns.isArray()) {
            throw f.error("'turns' must be a list of objects, found " + RowFields.kind(turns));
        }
        if (turns.isEmpty()) {
            throw f.error("'turns' must not be empty");
        }
        List<RowTurn> out = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            if (!(t instanceof ObjectNode obj)) {
                throw f.error("'turns[" + i + "]' must be an object, found " + RowFields.kind(t));
            }
            RowFields tf = f.nested("turns[" + i + "]", obj);
            if (obj.has("session_id")) {
                throw tf.error("'session_id' is not allowed inside a turn; put it on the row");
            }
            tf.onlyKeys(TURN_KEYS, "multi_turn turn");
            tf.checkType(DatasetFormat.SINGLE_TURN.cliName());
            out.add(turn(tf));
        }
        return new Row(session, out);
    }

    /**
     * Exactly one of {@code input_length}, {@code text_input}, {@code messages} ({@link RowMessages}); optional
     * {@code output_length}, {@code hash_ids} (only with input_length), {@code timestamp} XOR {@code delay},
     * {@code session_id}; {@code tools} only with messages.
     */
    static Row mooncake(RowFields f) {
        f.onlyKeys(MOONCAKE_KEYS, "mooncake_trace row");
        f.checkType(DatasetFormat.MOONCAKE_TRACE.cliName());
        List<String> sources = new ArrayList<>(3);
        for (String k : List.of("input_length", "text_input", "messages")) {
            if (f.has(k)) {
                sources.add(k);
            }
        }
        if (sources.isEmpty()) {
            throw f.error("one of 'input_length', 'text_input' or 'messages' is required");
        }
        if (sources.size() > 1) {
            throw f.error("only one of 'input_length', 'text_input' and 'messages' may be given, found '"
                    + String.join("' and '", sources) + "'");
        }
        if (f.has("tools") && !f.has("messages")) {
            throw f.error("'tools' is only allowed with 'messages'");
        }
        if (f.has("hash_ids") && !f.has("input_length")) {
            throw f.error("'hash_ids' is only allowed with 'input_length'");
        }
        Integer inputLength = f.positiveInt("input_length");
        String text = f.nonEmptyString("text_input");
        TurnContents contents = TurnContents.NONE;
        if (f.has("messages")) {
            RowMessages.Parsed parsed = RowMessages.read(f);
            text = parsed.text();
            contents = parsed.contents();
        }
        List<Integer> hashIds = f.nonNegativeIntList("hash_ids");
        Integer outputLength = f.positiveInt("output_length");
        f.exclusive("timestamp", "delay");
        Double timestamp = f.nonNegativeNumber("timestamp", "milliseconds");
        Double delay = f.nonNegativeNumber("delay", "milliseconds");
        String session = f.nonEmptyString("session_id");
        return new Row(session, List.of(new RowTurn(f.line(), text, inputLength, outputLength, timestamp,
                delay == null ? 0.0 : delay, null, hashIds, List.of(), contents)));
    }

    /** The fields a single_turn row and a multi_turn turn share. */
    private static RowTurn turn(RowFields f) {
        for (String pair : List.of("text", "image", "audio", "video")) {
            f.exclusive(pair, pair + "s");
        }
        TurnContents media = RowMedia.read(f);
        RowTexts texts;
        if (f.has("text") || f.has("texts")) {
            texts = texts(f);
        } else if (media.hasMedia()) {
            texts = new RowTexts("", List.of()); // media only: no text part is sent
        } else {
            throw f.error("nothing to send: one of 'text', 'texts', 'image', 'images', 'audio', 'audios', 'video'"
                    + " or 'videos' is required");
        }
        f.exclusive("timestamp", "delay");
        Double timestamp = f.nonNegativeNumber("timestamp", "milliseconds");
        Double delay = f.nonNegativeNumber("delay", "milliseconds");
        Integer outputLength = f.positiveInt("output_length");
        String role = f.nonEmptyString("role");
        return new RowTurn(f.line(), texts.text(), null, outputLength, timestamp, delay == null ? 0.0 : delay, role,
                null, texts.named(), media);
    }

    /** A row's prompt: the texts joined by single spaces, and the named lists (empty for one plain prompt). */
    record RowTexts(String text, List<NamedContents> named) {
    }

    /**
     * {@code text} (one prompt) or {@code texts}: a list of strings (a batch, named {@value #TEXT_NAME}) or of
     * {@code {"name": ..., "contents": [strings]}} objects (name optional, {@value #TEXT_NAME} when absent), which
     * may be mixed. A {@code texts} holding one unnamed prompt is kept as a plain prompt.
     */
    static RowTexts texts(RowFields f) {
        if (f.has("text")) {
            return new RowTexts(f.nonEmptyString("text"), List.of());
        }
        if (!f.has("texts")) {
            throw f.error("no prompt: 'text' or 'texts' is required");
        }
        JsonNode texts = f.node().get("texts");
        if (!texts.isArray() || texts.isEmpty()) {
            throw f.error("'texts' must be a non-empty list, found " + RowFields.kind(texts));
        }
        List<NamedContents> named = new ArrayList<>();
        List<String> plain = new ArrayList<>(); // consecutive plain strings form one list
        boolean anyName = false;
        for (int i = 0; i < texts.size(); i++) {
            JsonNode e = texts.get(i);
            String at = "texts[" + i + "]";
            if (e.isTextual()) {
                if (e.textValue().isEmpty()) {
                    throw f.error("'" + at + "' is an empty prompt");
                }
                plain.add(e.textValue());
            } else if (e instanceof ObjectNode obj) {
                flush(plain, named);
                RowFields ef = f.nested(at, obj);
                ef.onlyKeys(Set.of("name", "contents"), "text entry");
                String name = ef.string("name");
                anyName |= name != null;
                JsonNode contents = obj.get("contents");
                if (contents == null || !contents.isArray()) {
                    throw ef.error("'contents' must be a list of strings, found " + RowFields.kind(contents));
                }
                List<String> list = new ArrayList<>(contents.size());
                for (int j = 0; j < contents.size(); j++) {
                    JsonNode c = contents.get(j);
                    if (!c.isTextual()) {
                        throw ef.error("'contents[" + j + "]' must be a string, found " + RowFields.kind(c));
                    }
                    if (c.textValue().isEmpty()) {
                        throw ef.error("'contents[" + j + "]' is an empty prompt");
                    }
                    list.add(c.textValue());
                }
                named.add(new NamedContents(name == null ? TEXT_NAME : name, list));
            } else {
                throw f.error("'" + at + "' must be a string or an object with 'contents', found " + RowFields.kind(e));
            }
        }
        flush(plain, named);
        List<String> all = TurnContents.flatten(named);
        if (all.isEmpty()) {
            throw f.error("'texts' holds no prompt");
        }
        String joined = String.join(" ", all);
        return all.size() == 1 && !anyName ? new RowTexts(joined, List.of()) : new RowTexts(joined, List.copyOf(named));
    }

    private static void flush(List<String> plain, List<NamedContents> named) {
        if (!plain.isEmpty()) {
            named.add(new NamedContents(TEXT_NAME, plain));
            plain.clear();
        }
    }
}
