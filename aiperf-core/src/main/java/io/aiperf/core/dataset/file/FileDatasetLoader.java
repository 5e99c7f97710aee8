package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.SynthesisConfig;
import io.aiperf.core.dataset.FixedSchedulePlan;
import io.aiperf.core.dataset.HashBlockPrompts;
import io.aiperf.core.dataset.Parallel;
import io.aiperf.core.dataset.PositiveNormal;
import io.aiperf.core.dataset.Prompt;
import io.aiperf.core.dataset.PromptCorpus;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.SeededRandom;
import io.aiperf.core.dataset.SyntheticPromptGenerator;
import io.aiperf.core.dataset.synthesis.TraceSynthesizer;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads {@code --input-file} in one of the {@link DatasetFormat}s into conversations.
 *
 * <p>Steps: the format is the given one or detected from the first non-blank row ({@link #detect}); rows are read
 * one line at a time and validated ({@code <file>:<line>: ...} on the first bad one); rows sharing a
 * {@code session_id} become the turns, in file order, of one conversation (placed where its first row is); every
 * other row (every multi_turn row) is a conversation of its own. Then, in file order and each from its own named
 * stream: a prompt seed ({@value RandomStreams#PROMPT_CORPUS}) for each row whose prompt is synthesized from
 * {@code input_length}; {@code max_tokens} ({@value RandomStreams#OUTPUT_LENGTH}) for each row without
 * {@code output_length} when an output length mean is configured; a UUID ({@value RandomStreams#CONVERSATION_ID})
 * for each conversation without a session id. Draws happen before any filtering, so the same file and seed give the
 * same prompts whatever the fixed-schedule window. With a fixed schedule, conversations starting outside the window
 * are dropped before prompts are made (see {@link FixedSchedulePlan#inWindow}). Last, text prompts are counted and
 * synthesized prompts cut (exact length) in parallel; rows with {@code hash_ids} are built from blocks
 * ({@link HashBlockPrompts}, stream {@value RandomStreams#HASH_BLOCK}, block size from {@link Builder#blockSize} or
 * the format's default) and their prompt seed goes unused. bailian_trace rows are chained into conversations by
 * {@code parent_chat_id}; burst_gpt_trace is read as CSV; random_pool draws its conversations from its pool(s).
 *
 * <p>Trace formats may be reshaped by {@link Builder#synthesis} (after the draws, before prompts are made): rows with
 * an {@code input_length} above max-isl are dropped and {@code output_length} is capped to max-osl; then, after
 * the fixed-schedule window (which sees the file's timestamps), a non-default ratio or multiplier re-synthesizes the
 * rows ({@link TraceSynthesizer}, stream {@value RandomStreams#SYNTHESIS}). Synthesis on another format is refused.
 */
public final class FileDatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FileDatasetLoader.class);

    private FileDatasetLoader() {
    }

    public static Builder builder(Path file, TextTokenizer tokenizer) {
        return new Builder(file, tokenizer);
    }

    /**
     * The format of {@code file} judged by its first non-blank row: a string {@code type} field names it; otherwise
     * the keys decide ({@link DatasetFormat#fromKeys}).
     *
     * @throws DatasetFileException when the file is missing or has no rows, the first row is not a JSON object, or
     *                              its keys fit no format
     */
    public static DatasetFormat detect(Path file) {
        return detect(file, file.toString());
    }

    static DatasetFormat detect(Path file, String display) {
        String[] firstLine = new String[1];
        JsonlRows.forEachLine(file, display, (line, text) -> {
            firstLine[0] = text;
            return false;
        });
        if (firstLine[0] == null) {
            throw DatasetFileException.forFile(display, "no usable rows");
        }
        if (!firstLine[0].strip().startsWith("{") && isBurstGptHeader(firstLine[0])) {
            return DatasetFormat.BURST_GPT_TRACE;
        }
        JsonlRows.FirstRow first = JsonlRows.first(file, display);
        if (first == null) {
            throw DatasetFileException.forFile(display, "no usable rows");
        }
        if (first.row().has("chat_id")) {
            return DatasetFormat.BAILIAN_TRACE; // its 'type' is the request type, not the dataset type
        }
        JsonNode type = first.row().get("type");
        if (type != null && type.isTextual()) {
            try {
                return DatasetFormat.parse(type.textValue());
            } catch (IllegalArgumentException e) {
                throw DatasetFileException.atLine(display, first.line(), e.getMessage());
            }
        }
        Set<String> keys = new HashSet<>();
        first.row().fieldNames().forEachRemaining(keys::add);
        DatasetFormat format = DatasetFormat.fromKeys(keys);
        if (format == null) {
            throw DatasetFileException.atLine(display, first.line(), "cannot tell the dataset type from the fields "
                    + new TreeSet<>(keys) + "; set --custom-dataset-type");
        }
        return format;
    }

    private static boolean isBurstGptHeader(String line) {
        List<String> cols = CsvRows.split("", 1, line).stream().map(RowParsers::column).toList();
        return cols.contains(RowParsers.BURST_REQUEST) && cols.contains(RowParsers.BURST_RESPONSE);
    }

    /** Options of a load; only the file and tokenizer are required. */
    public static final class Builder {
        private final Path file;
        private final TextTokenizer tokenizer;
        private String display;
        private DatasetFormat format;
        private RandomStreams streams;
        private Integer oslMean;
        private double oslStddev;
        private LoadConfig.FixedSchedule fixedSchedule;
        private int threads = Math.min(8, Runtime.getRuntime().availableProcessors());
        private int[] tokenPool;
        private PromptCorpus corpus;
        private Integer blockSize;
        private int poolConversations = 100;
        private int batchSize = 1;
        private SynthesisConfig synthesis = SynthesisConfig.NONE;

        private Builder(Path file, TextTokenizer tokenizer) {
            if (file == null || tokenizer == null) {
                throw new IllegalArgumentException("file and tokenizer are required");
            }
            this.file = file;
            this.tokenizer = tokenizer;
            this.display = file.toString();
        }

        /** How the file is named in messages (default: the path as given). */
        public Builder display(String display) {
            this.display = display;
            return this;
        }

        /** The format; null (the default) detects it from the first row. */
        public Builder format(DatasetFormat format) {
            this.format = format;
            return this;
        }

        /** Random streams for seeds, output lengths and ids (default: from system entropy). */
        public Builder streams(RandomStreams streams) {
            this.streams = streams;
            return this;
        }

        /** {@code --output-tokens-mean/-stddev}: {@code max_tokens} for rows without {@code output_length}. */
        public Builder outputLength(Integer mean, double stddev) {
            this.oslMean = mean;
            this.oslStddev = stddev;
            return this;
        }

        /** A fixed-schedule run: every conversation needs a first-turn timestamp; those outside the window are dropped. */
        public Builder fixedSchedule(LoadConfig.FixedSchedule fixedSchedule) {
            this.fixedSchedule = fixedSchedule;
            return this;
        }

        /** Threads for counting and cutting prompts (the result does not depend on it). */
        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        /** An already tokenized pool (same tokenizer) for synthesized prompts. */
        public Builder tokenPool(int[] tokenPool) {
            this.tokenPool = tokenPool;
            return this;
        }

        /** The corpus synthesized prompts are cut from (default {@link PromptCorpus#builtin()}). */
        public Builder corpus(PromptCorpus corpus) {
            this.corpus = corpus;
            return this;
        }

        /**
         * {@code --prompt-input-tokens-block-size}: tokens per {@code hash_ids} block; null (the default) takes the
         * format's ({@link DatasetFormat#defaultBlockSize()}).
         */
        public Builder blockSize(Integer blockSize) {
            if (blockSize != null && blockSize < 1) {
                throw new IllegalArgumentException("block size must be positive: " + blockSize);
            }
            this.blockSize = blockSize;
            return this;
        }

        /** random_pool: how many conversations to draw from the pool(s) ({@code --num-dataset-entries}, 100). */
        public Builder conversations(int conversations) {
            if (conversations < 1) {
                throw new IllegalArgumentException("the number of conversations must be positive: " + conversations);
            }
            this.poolConversations = conversations;
            return this;
        }

        /** {@code --prompt-batch-size}: texts per random_pool request (1, the default, takes one row per pool). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("the batch size must be positive: " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** {@code --synthesis-*}: how a trace is reshaped ({@link SynthesisConfig#NONE}, the default, leaves it). */
        public Builder synthesis(SynthesisConfig synthesis) {
            this.synthesis = synthesis == null ? SynthesisConfig.NONE : synthesis;
            return this;
        }

        /** @throws DatasetFileException on the first problem with the file or one of its rows */
        public FileDataset load() {
            long t0 = System.nanoTime();
            RandomStreams rs = streams != null ? streams : new RandomStreams(null);
            if (Files.isDirectory(file)) {
                checkSynthesis(DatasetFormat.RANDOM_POOL);
                if (format != null && format != DatasetFormat.RANDOM_POOL) {
                    throw DatasetFileException.forFile(display, "is a directory; only random_pool reads a directory"
                            + " (one pool per file), not " + format);
                }
                return randomPool(rs);
            }
            JsonlRows.checkReadable(file, display);
            DatasetFormat fmt = format != null ? format : detect(file, display);
            checkSynthesis(fmt);
            if (fmt == DatasetFormat.RANDOM_POOL) {
                return randomPool(rs);
            }
            SeededRandom seedRng = rs.derive(RandomStreams.PROMPT_CORPUS);
            SeededRandom outputRng = rs.derive(RandomStreams.OUTPUT_LENGTH);
            int block = blockSize != null ? blockSize : fmt.defaultBlockSize();

            List<Session> sessions = new ArrayList<>();
            Map<String, Session> named = new HashMap<>();
            boolean[] firstTimed = new boolean[1];
            Map<Long, Long> chatRoots = new HashMap<>();
            MediaFiles media = MediaFiles.besides(file);
            JsonlRows.RowHandler handler = (line, node) -> {
                RowParsers.Row row = RowParsers.parse(fmt, new RowFields(display, line, "", node, media));
                if (row.chatId() != null) {
                    row = chained(row, chatRoots, line);
                }
                if (sessions.isEmpty()) {
                    firstTimed[0] = row.turns().get(0).timestampMs() != null;
                }
                Session session = row.sessionId() == null ? null : named.get(row.sessionId());
                if (session == null) {
                    session = new Session(row.sessionId(), line);
                    sessions.add(session);
                    if (row.sessionId() != null) {
                        named.put(row.sessionId(), session);
                    }
                }
                for (RowTurn t : row.turns()) {
                    if (hashed(t)) {
                        try {
                            HashBlockPrompts.finalBlock(t.inputLength(), t.hashIds().size(), block);
                        } catch (IllegalArgumentException e) {
                            throw DatasetFileException.atLine(display, t.line(), e.getMessage());
                        }
                    }
                    long seed = t.inputLength() != null ? seedRng.nextLong() : 0L;
                    Integer maxTokens = t.outputLength() != null ? cappedOsl(t.outputLength())
                            : oslMean != null ? PositiveNormal.sampleInteger(outputRng, oslMean, oslStddev) : null;
                    session.turns.add(new Pending(t, seed, maxTokens));
                }
            };
            int rows = fmt == DatasetFormat.BURST_GPT_TRACE ? CsvRows.forEach(file, display, handler)
                    : JsonlRows.forEach(file, display, handler);
            if (sessions.isEmpty()) {
                throw DatasetFileException.forFile(display, "no usable rows");
            }
            assignIds(sessions, named.keySet(), rs.derive(RandomStreams.CONVERSATION_ID));

            List<Session> kept = sessions;
            if (synthesis.maxIsl() != null) {
                kept = withinMaxIsl(sessions);
            }
            int withinIsl = kept.size();
            if (fixedSchedule != null) {
                List<Session> candidates = kept;
                kept = new ArrayList<>(candidates.size());
                for (Session s : candidates) {
                    Double ts = s.turns.get(0).row.timestampMs();
                    if (ts == null) {
                        throw DatasetFileException.atLine(display, s.firstLine,
                                "no 'timestamp': a fixed schedule needs one on the first turn of every conversation");
                    }
                    if (FixedSchedulePlan.inWindow(ts, fixedSchedule)) {
                        kept.add(s);
                    }
                }
                if (kept.isEmpty()) {
                    throw DatasetFileException.forFile(display, "no usable rows: none of the " + candidates.size()
                            + " conversations starts within the fixed-schedule window " + window(fixedSchedule));
                }
            }
            int outsideWindow = fixedSchedule == null ? 0 : withinIsl - kept.size();
            if (synthesis.resynthesizes()) {
                resynthesize(kept, block, rs);
            }

            Materialized m = materialize(kept, block, rs.seedOf(RandomStreams.HASH_BLOCK));
            long inexact = m.inexact();
            LOG.debug("{}: {} rows, {} conversations ({} kept) as {} in {} ms", display, rows, sessions.size(),
                    kept.size(), fmt, (System.nanoTime() - t0) / 1_000_000);
            if (inexact > 0) {
                LOG.warn("{}: {} synthesized prompts could not be cut to their exact token length with tokenizer {}",
                        display, inexact, tokenizer.name());
            }
            return new FileDataset(fmt, m.conversations(), rows, firstTimed[0], outsideWindow, inexact);
        }

        private record Materialized(List<Conversation> conversations, long inexact) {
        }

        private void checkSynthesis(DatasetFormat fmt) {
            if (synthesis.anySet() && !fmt.isTrace()) {
                throw DatasetFileException.forFile(display, "the --synthesis-* options need a trace dataset "
                        + "(mooncake_trace, bailian_trace or burst_gpt_trace), but this is " + fmt);
            }
        }

        private Integer cappedOsl(int outputLength) {
            return synthesis.maxOsl() != null && outputLength > synthesis.maxOsl() ? synthesis.maxOsl() : outputLength;
        }

        /** The sessions without their turns above max-isl (AIPerf drops such rows), and without emptied sessions. */
        private List<Session> withinMaxIsl(List<Session> sessions) {
            int max = synthesis.maxIsl();
            List<Session> out = new ArrayList<>(sessions.size());
            long dropped = 0;
            for (Session s : sessions) {
                int before = s.turns.size();
                s.turns.removeIf(p -> p.row.inputLength() != null && p.row.inputLength() > max);
                dropped += before - s.turns.size();
                if (!s.turns.isEmpty()) {
                    out.add(s);
                }
            }
            if (dropped > 0) {
                LOG.info("{}: skipped {} rows whose input_length exceeds --synthesis-max-isl {}", display, dropped,
                        max);
            }
            if (out.isEmpty()) {
                throw DatasetFileException.forFile(display, "no usable rows: every row's input_length exceeds "
                        + "--synthesis-max-isl " + max);
            }
            return out;
        }

        /** Speeds up the timestamps and, with a length or root multiplier, reshapes the hashed rows' prompts. */
        private void resynthesize(List<Session> kept, int block, RandomStreams rs) {
            List<Pending> hashed = new ArrayList<>();
            for (Session s : kept) {
                for (Pending p : s.turns) {
                    if (hashed(p.row)) {
                        hashed.add(p);
                    }
                }
            }
            Map<Pending, TraceSynthesizer.Row> reshaped = new IdentityHashMap<>(); // one entry per turn
            if (synthesis.reshapesPrompts() && !hashed.isEmpty()) {
                List<TraceSynthesizer.Row> rows = hashed.stream()
                        .map(p -> new TraceSynthesizer.Row(p.row.inputLength(), p.row.hashIds())).toList();
                List<TraceSynthesizer.Row> out = new TraceSynthesizer(synthesis, block)
                        .reshape(rows, rs.derive(RandomStreams.SYNTHESIS));
                for (int k = 0; k < hashed.size(); k++) {
                    reshaped.put(hashed.get(k), out.get(k));
                }
            }
            for (Session s : kept) {
                for (int t = 0; t < s.turns.size(); t++) {
                    Pending p = s.turns.get(t);
                    RowTurn r = p.row;
                    TraceSynthesizer.Row shape = reshaped.get(p);
                    Integer inputLength = shape != null ? Integer.valueOf(shape.inputLength()) : r.inputLength();
                    List<Integer> hashIds = shape == null ? r.hashIds()
                            : shape.hashIds().isEmpty() ? null : shape.hashIds();
                    s.turns.set(t, new Pending(new RowTurn(r.line(), r.text(), inputLength, r.outputLength(),
                            TraceSynthesizer.timestamp(r.timestampMs(), synthesis.speedupRatio()), r.delayMs(),
                            r.role(), hashIds, r.texts(), r.media()), p.seed, p.maxTokens));
                }
            }
        }

        private Materialized materialize(List<Session> kept, int block, long blockSeed) {
            List<Pending> all = new ArrayList<>();
            for (Session s : kept) {
                all.addAll(s.turns);
            }
            List<Integer> synth = new ArrayList<>();
            List<Integer> texts = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                (all.get(i).row.inputLength() != null ? synth : texts).add(i);
            }
            Prompt[] prompts = new Prompt[all.size()];
            List<Integer> counts = Parallel.map(texts.size(), threads, "aiperf-dataset-count",
                    k -> tokenizer.countTokens(all.get(texts.get(k)).row.text()));
            for (int k = 0; k < texts.size(); k++) {
                int i = texts.get(k);
                prompts[i] = new Prompt(all.get(i).row.text(), counts.get(k));
            }
            long inexact = 0;
            if (!synth.isEmpty()) {
                int[] pool = tokenPool != null ? tokenPool
                        : (corpus != null ? corpus : PromptCorpus.builtin()).tokenize(tokenizer, threads);
                SyntheticPromptGenerator generator = new SyntheticPromptGenerator(tokenizer, pool, new SeededRandom(0));
                List<Integer> plain = new ArrayList<>();
                List<Integer> hashed = new ArrayList<>();
                for (int i : synth) {
                    (hashed(all.get(i).row) ? hashed : plain).add(i);
                }
                int[] lengths = plain.stream().mapToInt(i -> all.get(i).row.inputLength()).toArray();
                long[] seeds = plain.stream().mapToLong(i -> all.get(i).seed).toArray();
                Prompt[] cut = generator.prompts(lengths, seeds, threads);
                for (int k = 0; k < cut.length; k++) {
                    prompts[plain.get(k)] = cut[k];
                }
                inexact = generator.inexactCount(); // before blocks: their trial cuts are not prompts
                if (!hashed.isEmpty()) {
                    HashBlockPrompts blocks = new HashBlockPrompts(generator, block, blockSeed);
                    blocks.prepare(hashed.stream().map(i -> all.get(i).row.hashIds()).toList(), threads);
                    List<Prompt> made = Parallel.map(hashed.size(), threads, "aiperf-dataset-prompts", k -> {
                        Pending p = all.get(hashed.get(k));
                        return blocks.prompt(p.row.inputLength(), p.row.hashIds());
                    });
                    for (int k = 0; k < made.size(); k++) {
                        prompts[hashed.get(k)] = made.get(k);
                    }
                    inexact += blocks.inexactCount();
                }
            }
            List<Conversation> out = new ArrayList<>(kept.size());
            int i = 0;
            for (Session s : kept) {
                List<Turn> turns = new ArrayList<>(s.turns.size());
                for (Pending p : s.turns) {
                    RowTurn r = p.row;
                    if (r.media().hasRawMessages()) { // a mooncake 'messages' row: sent as the file has it
                        turns.add(new Turn(prompts[i].text(), prompts[i].tokens(), p.maxTokens, r.delayMs(),
                                r.timestampMs(), r.role(), r.hashIds(), r.media()));
                        i++;
                        continue;
                    }
                    turns.add(withMedia(new Turn(prompts[i].text(), prompts[i].tokens(), p.maxTokens, r.delayMs(),
                            r.timestampMs(), r.role(), r.hashIds(), r.texts().isEmpty() ? TurnContents.NONE
                                    : new TurnContents(r.texts(), List.of(), List.of(), List.of())), r.media()));
                    i++;
                }
                out.add(new Conversation(s.id, turns));
            }
            return new Materialized(out, inexact);
        }

        /** The turn with the row's media added to whatever contents it has; its texts and ISL are kept. */
        private static Turn withMedia(Turn t, TurnContents media) {
            if (!media.hasMedia()) {
                return t;
            }
            return t.withContents(RowMedia.merge(t.contents(), media), t.inputTokens());
        }

        /**
         * A bailian row joins the conversation of its parent chat (named after the chain's root {@code chat_id});
         * a root, or a row whose parent is not in the file, starts one.
         */
        private RowParsers.Row chained(RowParsers.Row row, Map<Long, Long> roots, int line) {
            if (roots.containsKey(row.chatId())) {
                throw DatasetFileException.atLine(display, line, "'chat_id' " + row.chatId() + " appears twice");
            }
            Long parent = row.parentChatId();
            long root = parent != null && roots.containsKey(parent) ? roots.get(parent) : row.chatId();
            roots.put(row.chatId(), root);
            return new RowParsers.Row("chat-" + root, row.turns(), row.chatId(), parent);
        }

        /**
         * random_pool: the file, or each regular non-hidden file of the directory (by name), is a pool of
         * single_turn-like rows; each of the {@link #conversations} single-turn conversations takes one row drawn
         * (with replacement, stream {@value RandomStreams#RANDOM_POOL}) from every pool, and sends their texts in
         * pool order (names kept; the ISL counts them joined by single spaces); {@code output_length} of the first
         * pool's row, if any, becomes {@code max_tokens}. With a {@link #batchSize} above 1 (AIPerf's batched
         * sampling) each conversation instead draws that many texts, each on its own and with replacement, from every
         * text of every pool; they are sent as one list named {@code text}, and row fields are not used. The media of the
         * drawn rows (one row per pool without a batch) are sent along, lists concatenated.
         */
        private FileDataset randomPool(RandomStreams rs) {
            List<Path> files;
            if (Files.isDirectory(file)) {
                try (Stream<Path> list = Files.list(file)) {
                    files = list.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                            .toList();
                } catch (IOException e) {
                    throw DatasetFileException.forFile(display, "cannot list the directory: " + e.getMessage(), e);
                }
                if (files.isEmpty()) {
                    throw DatasetFileException.forFile(display, "no pool files in the directory");
                }
            } else {
                files = List.of(file);
            }
            List<List<RowTurn>> pools = new ArrayList<>();
            int rows = 0;
            for (Path f : files) {
                String name = f.equals(file) ? display : display + "/" + f.getFileName();
                List<RowTurn> pool = new ArrayList<>();
                MediaFiles media = MediaFiles.besides(f);
                rows += JsonlRows.forEach(f, name, (line, node) ->
                        pool.add(RowParsers.randomPool(new RowFields(name, line, "", node, media))));
                if (pool.isEmpty()) {
                    throw DatasetFileException.forFile(name, "no usable rows");
                }
                pools.add(pool);
            }
            SeededRandom pick = rs.derive(RandomStreams.RANDOM_POOL);
            SeededRandom outputRng = rs.derive(RandomStreams.OUTPUT_LENGTH);
            SeededRandom idRng = rs.derive(RandomStreams.CONVERSATION_ID);
            List<Session> sessions = new ArrayList<>(poolConversations);
            if (batchSize > 1) {
                // AIPerf: a batch draws each text on its own from every text of every pool, with replacement
                List<String> flat = new ArrayList<>();
                for (List<RowTurn> pool : pools) {
                    for (RowTurn r : pool) {
                        flat.addAll(textsOf(r));
                    }
                }
                for (int c = 0; c < poolConversations; c++) {
                    List<String> batch = new ArrayList<>(batchSize);
                    for (int b = 0; b < batchSize; b++) {
                        batch.add(flat.get(pick.nextInt(flat.size())));
                    }
                    Integer maxTokens = oslMean != null
                            ? PositiveNormal.sampleInteger(outputRng, oslMean, oslStddev) : null;
                    Session s = new Session(uuid(idRng), 1);
                    s.turns.add(new Pending(new RowTurn(1, String.join(" ", batch), null, null, null, 0.0, null,
                            null, List.of(new NamedContents(RowParsers.TEXT_NAME, batch))), 0L, maxTokens));
                    sessions.add(s);
                }
            } else {
                for (int c = 0; c < poolConversations; c++) {
                    List<NamedContents> texts = new ArrayList<>(pools.size());
                    RowTurn first = null;
                    TurnContents media = TurnContents.NONE;
                    for (List<RowTurn> pool : pools) {
                        RowTurn r = pool.get(pick.nextInt(pool.size()));
                        first = first == null ? r : first;
                        if (!r.texts().isEmpty()) {
                            texts.addAll(r.texts());
                        } else if (!r.text().isEmpty()) { // a media-only row has no text to send
                            texts.add(NamedContents.of(RowParsers.TEXT_NAME, r.text()));
                        }
                        media = RowMedia.merge(media, r.media());
                    }
                    List<String> all = TurnContents.flatten(texts);
                    Integer maxTokens = first.outputLength() != null ? first.outputLength()
                            : oslMean != null ? PositiveNormal.sampleInteger(outputRng, oslMean, oslStddev) : null;
                    Session s = new Session(uuid(idRng), first.line());
                    s.turns.add(new Pending(new RowTurn(first.line(), String.join(" ", all), null,
                            first.outputLength(), null, 0.0, first.role(), null, pools.size() == 1 ? first.texts()
                            : texts, media), 0L, maxTokens));
                    sessions.add(s);
                }
            }
            Materialized m = materialize(sessions, DatasetFormat.RANDOM_POOL.defaultBlockSize(), 0L);
            return new FileDataset(DatasetFormat.RANDOM_POOL, m.conversations(), rows, false, 0, m.inexact());
        }

        private static List<String> textsOf(RowTurn r) {
            return r.texts().isEmpty() ? List.of(r.text()) : TurnContents.flatten(r.texts());
        }

        private static boolean hashed(RowTurn r) {
            return r.inputLength() != null && r.hashIds() != null && !r.hashIds().isEmpty();
        }

        private static void assignIds(List<Session> sessions, Set<String> namedIds, SeededRandom idRng) {
            for (Session s : sessions) {
                if (s.id == null) {
                    String id;
                    do {
                        id = uuid(idRng);
                    } while (namedIds.contains(id));
                    s.id = id;
                }
            }
        }

        private static String window(LoadConfig.FixedSchedule fs) {
            return "[" + (fs.startOffsetMs() == null ? "-inf" : fs.startOffsetMs()) + ", "
                    + (fs.endOffsetMs() == null ? "+inf" : fs.endOffsetMs()) + "] ms";
        }
    }

    /** A version-4-shaped UUID from two longs of {@code rng} (as the synthetic dataset makes its ids). */
    public static String uuid(SeededRandom rng) {
        long msb = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A conversation being assembled. */
    private static final class Session {
        String id;
        final int firstLine;
        final List<Pending> turns = new ArrayList<>(1);

        Session(String id, int firstLine) {
            this.id = id;
            this.firstLine = firstLine;
        }
    }

    /** A validated turn with its random draws. */
    private record Pending(RowTurn row, long seed, Integer maxTokens) {
    }
}
