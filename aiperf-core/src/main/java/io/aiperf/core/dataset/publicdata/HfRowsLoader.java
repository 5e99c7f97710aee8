package io.aiperf.core.dataset.publicdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.core.dataset.PositiveNormal;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.SeededRandom;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.hub.HubSettings;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every public dataset but ShareGPT: rows read by {@link HfRowsReader} from {@link HfRowsSource}, turned into
 * conversations as the dataset's {@link HfRowsSpec} says, in file order. A row without text is skipped (counted);
 * rows outside the spec's category are left out. No length filter applies (AIPerf has none for these) and a turn
 * sends no {@code max_tokens} unless {@code --output-tokens-mean} is set, then one drawn from it. Images and
 * videos go into the turn's contents ({@link RowMedia}). Conversation ids come from the stream
 * {@value RandomStreams#CONVERSATION_ID}.
 */
public final class HfRowsLoader {

    private static final Logger LOG = LoggerFactory.getLogger(HfRowsLoader.class);
    /** Rows fetched from the hub when no cap is given: AIPerf's default {@code --num-dataset-entries}. */
    static final int DEFAULT_DOWNLOAD_ROWS = 100;
    /** SPEED-Bench's stand-in for prompt text it may not redistribute. */
    static final String SPEED_BENCH_PLACEHOLDER = "FULL BENCHMARK DATA SHOULD BE FETCHED FROM THE SOURCE USING "
            + "SPECDEC_BENCH";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /**
     * @param conversations the conversations, in file order
     * @param file          the file read
     * @param rows          rows in the file
     * @param skipped       rows without text
     */
    public record Result(List<Conversation> conversations, Path file, int rows, int skipped) {

        public Result {
            conversations = List.copyOf(conversations);
        }
    }

    private HfRowsLoader() {
    }

    public static Builder builder(PublicDataset dataset, TextTokenizer tokenizer) {
        return new Builder(dataset, tokenizer);
    }

    /** Options of a load; the dataset and tokenizer are required. */
    public static final class Builder {
        private final PublicDataset dataset;
        private final TextTokenizer tokenizer;
        private String localPath;
        private String subset;
        private HubSettings hub;
        private RandomStreams streams;
        private Integer oslMean;
        private double oslStddev;
        private int maxConversations = Integer.MAX_VALUE;

        private Builder(PublicDataset dataset, TextTokenizer tokenizer) {
            if (dataset == null || dataset.rows() == null || tokenizer == null) {
                throw new IllegalArgumentException("a row-shaped dataset and a tokenizer are required");
            }
            this.dataset = dataset;
            this.tokenizer = tokenizer;
        }

        /** {@code --public-dataset-path}: read this file instead of the cache or the network. */
        public Builder localPath(String localPath) {
            this.localPath = localPath;
            return this;
        }

        /** {@code --hf-subset}: another HF subset than the dataset's own (null keeps it). */
        public Builder subset(String subset) {
            this.subset = subset;
            return this;
        }

        /** Hub endpoint and cache (default {@link HubSettings#fromEnvironment()}). */
        public Builder hub(HubSettings hub) {
            this.hub = hub;
            return this;
        }

        /** Streams for conversation ids and output lengths (default: from system entropy). */
        public Builder streams(RandomStreams streams) {
            this.streams = streams;
            return this;
        }

        /** {@code --output-tokens-mean}/{@code -stddev}: each turn's {@code max_tokens} (null mean: none). */
        public Builder outputLength(Integer mean, double stddev) {
            this.oslMean = mean;
            this.oslStddev = stddev;
            return this;
        }

        /** Keep at most this many conversations (the first ones in file order). */
        public Builder maxConversations(int maxConversations) {
            if (maxConversations < 1) {
                throw new IllegalArgumentException("maxConversations must be positive: " + maxConversations);
            }
            this.maxConversations = maxConversations;
            return this;
        }

        /**
         * @throws PublicDatasetException when the file cannot be obtained
         * @throws DatasetFileException   when it cannot be read, or no row makes a conversation
         */
        public Result load() {
            long t0 = System.nanoTime();
            HfRowsSpec spec = subset != null ? dataset.rows().withSubset(subset) : dataset.rows();
            HubSettings settings = hub != null ? hub : HubSettings.fromEnvironment();
            int download = spec.category() != null ? Integer.MAX_VALUE
                    : maxConversations != Integer.MAX_VALUE ? maxConversations : DEFAULT_DOWNLOAD_ROWS;
            Path file = HfRowsSource.resolve(dataset, spec, localPath, settings, download);
            String display = localPath != null ? localPath : file.toString();
            List<JsonNode> rows = HfRowsReader.read(file, display);
            RandomStreams rs = streams != null ? streams : new RandomStreams(null);
            SeededRandom ids = rs.derive(RandomStreams.CONVERSATION_ID);
            SeededRandom outputRng = rs.derive(RandomStreams.OUTPUT_LENGTH);
            List<Conversation> kept = new ArrayList<>();
            int skipped = 0;
            int otherCategory = 0;
            for (int i = 0; i < rows.size() && kept.size() < maxConversations; i++) {
                JsonNode row = rows.get(i);
                if (spec.category() != null && !spec.category().equals(row.path("category").asText(null))) {
                    otherCategory++;
                    continue;
                }
                List<String> texts = texts(spec, row, display, i + 1);
                if (texts.isEmpty()) {
                    skipped++;
                    continue;
                }
                List<String> images = spec.imageField() == null ? List.of() : RowMedia.images(row.get(spec.imageField()));
                List<String> videos = spec.videoField() == null ? List.of() : RowMedia.videos(row.get(spec.videoField()));
                List<Turn> turns = new ArrayList<>(texts.size());
                for (int t = 0; t < texts.size(); t++) {
                    String text = texts.get(t);
                    Integer maxTokens = oslMean != null ? PositiveNormal.sampleInteger(outputRng, oslMean, oslStddev)
                            : null;
                    TurnContents contents = t > 0 || images.isEmpty() && videos.isEmpty() ? TurnContents.NONE
                            : new TurnContents(List.of(), named("image_url", images), List.of(),
                                    named("video_url", videos));
                    turns.add(new Turn(text, tokenizer.countTokens(text), maxTokens, 0.0, null, null, List.of(),
                            contents));
                }
                kept.add(new Conversation(FileDatasetLoader.uuid(ids), turns));
            }
            if (kept.isEmpty()) {
                throw DatasetFileException.forFile(display, "no usable " + dataset.cliName() + " rows: of "
                        + rows.size() + " rows, " + skipped + " have no text in '" + spec.textField() + "'"
                        + (spec.category() != null ? " and " + otherCategory + " are not in category '"
                        + spec.category() + "'" : ""));
            }
            LOG.info("{}: {} conversations from {} rows of {} ({} without text) in {} ms", dataset.cliName(),
                    kept.size(), rows.size(), display, skipped, (System.nanoTime() - t0) / 1_000_000);
            return new Result(kept, file, rows.size(), skipped);
        }
    }

    private static List<NamedContents> named(String name, List<String> contents) {
        return contents.isEmpty() ? List.of() : List.of(new NamedContents(name, contents));
    }

    /** The user texts of {@code row}, one per turn; empty when it has none. */
    static List<String> texts(HfRowsSpec spec, JsonNode row, String display, int rowNumber) {
        return switch (spec.shape()) {
            case FIELD -> nonBlank(fieldText(spec, row));
            case CONVERSATION -> nonBlank(firstUserMessage(row.get(spec.textField()), spec.contentKey()));
            case TURNS -> turnTexts(spec, row, display, rowNumber);
        };
    }

    private static List<String> nonBlank(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.strip());
    }

    /** The prompt column, or the template filled from the row; MMVU-style options appended as {@code A.x B.y}. */
    private static String fieldText(HfRowsSpec spec, JsonNode row) {
        String text;
        if (spec.template() != null) {
            if (!row.path(spec.textField()).isTextual() || row.get(spec.textField()).asText().isBlank()) {
                return null;
            }
            Matcher m = PLACEHOLDER.matcher(spec.template());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(row.path(m.group(1)).asText("")));
            }
            m.appendTail(sb);
            text = sb.toString();
        } else {
            JsonNode v = row.get(spec.textField());
            text = v != null && v.isTextual() ? v.asText() : null;
        }
        if (text == null || spec.choicesField() == null || !row.path(spec.choicesField()).isObject()) {
            return text;
        }
        StringBuilder choices = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.get(spec.choicesField()).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
                choices.append(choices.length() == 0 ? "" : " ").append(e.getKey()).append('.')
                        .append(e.getValue().asText());
            }
        }
        return choices.length() == 0 ? text : (text + " " + choices).strip();
    }

    /**
     * The first message whose {@code role} or {@code from} is user or human (else the first message), its
     * {@code <image>} placeholders removed. Messages may be wrapped in one-element lists (VisionArena).
     */
    private static String firstUserMessage(JsonNode messages, String contentKey) {
        if (messages == null || !messages.isArray()) {
            return null;
        }
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode m : messages) {
            JsonNode msg = m.isArray() && !m.isEmpty() ? m.get(0) : m;
            if (msg.isObject() && !msg.isEmpty()) {
                flat.add(msg);
            }
        }
        if (flat.isEmpty()) {
            return null;
        }
        JsonNode pick = flat.get(0);
        for (JsonNode msg : flat) {
            String role = msg.path("role").asText(msg.path("from").asText("")).toLowerCase(java.util.Locale.ROOT);
            if (role.equals("user") || role.equals("human")) {
                pick = msg;
                break;
            }
        }
        JsonNode content = pick.get(contentKey);
        return content != null && content.isTextual() ? content.asText().replace("<image>", "") : null;
    }

    /**
     * A list of user turns: strings (SpecBench {@code turns}) or {@code role}/{@code content} messages (SPEED-Bench
     * {@code messages}); the other of those two names is read when the configured one is missing.
     */
    private static List<String> turnTexts(HfRowsSpec spec, JsonNode row, String display, int rowNumber) {
        JsonNode list = row.get(spec.textField());
        if (list == null) {
            list = row.get(spec.textField().equals("turns") ? "messages" : "turns");
        }
        if (list == null || !list.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode t : list) {
            JsonNode v = t.isObject() ? t.get("content") : t;
            String text = v != null && v.isTextual() ? v.asText().strip() : "";
            if (text.equals(SPEED_BENCH_PLACEHOLDER)) {
                throw DatasetFileException.forFile(display, "row " + rowNumber + " holds SPEED-Bench's placeholder "
                        + "instead of its prompt; resolve the config with SPEED-Bench's prepare script first and "
                        + "pass the resolved JSONL with --public-dataset-path");
            }
            if (!text.isEmpty()) {
                out.add(text);
            }
            if (!spec.allTurns() && !out.isEmpty()) {
                break;
            }
        }
        return out;
    }
}
