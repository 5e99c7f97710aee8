package io.aiperf.core.dataset.file;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code --custom-dataset-type}: the JSONL layouts that can be read from {@code --input-file}. */
public enum DatasetFormat {
    /** One request per row; rows sharing a {@code session_id} are sent one after another, without history. */
    SINGLE_TURN("single_turn", false),
    /** One conversation per row: {@code {"session_id": ..., "turns": [single_turn objects]}}. */
    MULTI_TURN("multi_turn", false),
    /** Mooncake-style request trace: lengths (or text), optional timestamps, delays and sessions. */
    MOONCAKE_TRACE("mooncake_trace", true),
    /**
     * Pools of single_turn-like rows without timing or sessions (a file, or a directory with one pool per file);
     * conversations are drawn from them.
     */
    RANDOM_POOL("random_pool", false),
    /**
     * Alibaba Bailian request trace: {@code chat_id}/{@code parent_chat_id} chains are conversations, timestamps in
     * seconds, 16-token hash blocks.
     */
    BAILIAN_TRACE("bailian_trace", true),
    /** BurstGPT CSV: timestamp (seconds), request and response token counts; each row its own session. */
    BURST_GPT_TRACE("burst_gpt_trace", true);

    /** AIPerf types that exist but cannot be read here yet. */
    static final List<String> NOT_YET_SUPPORTED = List.of();

    private static final Set<String> MOONCAKE_KEYS = Set.of("input_length", "text_input", "messages", "hash_ids");
    private static final Set<String> SINGLE_TURN_KEYS =
            Set.of("text", "texts", "image", "images", "audio", "audios", "video", "videos");

    private final String cliName;
    private final boolean trace;

    DatasetFormat(String cliName, boolean trace) {
        this.cliName = cliName;
        this.trace = trace;
    }

    /** Tokens per {@code hash_ids} block when {@code --prompt-input-tokens-block-size} is not given. */
    public int defaultBlockSize() {
        return this == BAILIAN_TRACE ? 16 : 512;
    }

    /** The CLI and {@code type}-field spelling, e.g. {@code mooncake_trace}. */
    public String cliName() {
        return cliName;
    }

    /** A trace (timestamps of the first row turn on fixed-schedule mode automatically). */
    public boolean isTrace() {
        return trace;
    }

    /**
     * Parses a CLI spelling (case-insensitive, {@code -} and {@code _} alike).
     *
     * @throws IllegalArgumentException naming the supported types (and saying so when the type exists in AIPerf but is
     *                                  not supported here yet)
     */
    public static DatasetFormat parse(String s) {
        String norm = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (DatasetFormat f : values()) {
            if (f.cliName.equals(norm)) {
                return f;
            }
        }
        String supported = Arrays.stream(values()).map(DatasetFormat::cliName).collect(Collectors.joining(", "));
        if (NOT_YET_SUPPORTED.contains(norm)) {
            throw new IllegalArgumentException("dataset type '" + norm + "' is not supported yet; supported: "
                    + supported);
        }
        throw new IllegalArgumentException("unknown dataset type '" + s + "'; expected one of " + supported);
    }

    /**
     * The format a row with these keys belongs to, or null when the keys do not tell: {@code turns} means
     * multi_turn; {@code chat_id} means bailian_trace; any of {@code input_length}, {@code text_input}, {@code messages}, {@code hash_ids} means
     * mooncake_trace; any text or media key means single_turn. (A string {@code type} field is handled by the caller.)
     */
    public static DatasetFormat fromKeys(Set<String> keys) {
        if (keys.contains("turns")) {
            return MULTI_TURN;
        }
        if (keys.contains("chat_id")) {
            return BAILIAN_TRACE;
        }
        if (keys.stream().anyMatch(MOONCAKE_KEYS::contains)) {
            return MOONCAKE_TRACE;
        }
        if (keys.stream().anyMatch(SINGLE_TURN_KEYS::contains)) {
            return SINGLE_TURN;
        }
        return null;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
