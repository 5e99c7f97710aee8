package io.aiperf.core.dataset.publicdata;

import io.aiperf.core.dataset.Parallel;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.SeededRandom;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.hub.HubSettings;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --public-dataset sharegpt}: single-turn conversations from the first prompt and reply of each ShareGPT
 * entry, in file order, kept when they pass {@link ShareGptFilter} (lengths counted with the run's tokenizer). Each
 * conversation's {@code max_tokens} is its reply's token count, as in AIPerf; {@code --output-tokens-mean} only lifts
 * the minimum reply length. The file comes from {@link ShareGptSource}; it is streamed ({@link ShareGptReader}) and
 * counted in parallel batches, and reading stops once {@link Builder#maxConversations} conversations are kept.
 * Conversation ids come from the stream {@value RandomStreams#CONVERSATION_ID}.
 */
public final class ShareGptLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ShareGptLoader.class);

    /** Entries counted per parallel batch: large enough to keep the threads busy, small enough to stop early. */
    static final int BATCH = 2048;

    /**
     * @param conversations kept conversations, in file order
     * @param file          the file read
     * @param entries       entries read from the file (all of them unless the cap was reached)
     * @param unusable      entries without two non-empty messages
     * @param filtered      entries refused by the length rule
     */
    public record Result(List<Conversation> conversations, Path file, int entries, int unusable, int filtered) {

        public Result {
            conversations = List.copyOf(conversations);
        }
    }

    private ShareGptLoader() {
    }

    public static Builder builder(TextTokenizer tokenizer) {
        return new Builder(tokenizer);
    }

    /** Options of a load; only the tokenizer is required. */
    public static final class Builder {
        private final TextTokenizer tokenizer;
        private String localPath;
        private HubSettings hub;
        private RandomStreams streams;
        private boolean outputLengthSet;
        private int maxConversations = Integer.MAX_VALUE;
        private int threads = Math.min(8, Runtime.getRuntime().availableProcessors());

        private Builder(TextTokenizer tokenizer) {
            if (tokenizer == null) {
                throw new IllegalArgumentException("tokenizer is required");
            }
            this.tokenizer = tokenizer;
        }

        /** {@code --public-dataset-path}: read this file instead of the cache or the hub. */
        public Builder localPath(String localPath) {
            this.localPath = localPath;
            return this;
        }

        /** Hub endpoint and cache (default {@link HubSettings#fromEnvironment()}). */
        public Builder hub(HubSettings hub) {
            this.hub = hub;
            return this;
        }

        /** Streams for conversation ids (default: from system entropy). */
        public Builder streams(RandomStreams streams) {
            this.streams = streams;
            return this;
        }

        /** Whether {@code --output-tokens-mean} is set: replies shorter than 4 tokens are then kept. */
        public Builder outputLengthSet(boolean outputLengthSet) {
            this.outputLengthSet = outputLengthSet;
            return this;
        }

        /** Keep at most this many conversations (the first ones in file order that pass). */
        public Builder maxConversations(int maxConversations) {
            if (maxConversations < 1) {
                throw new IllegalArgumentException("maxConversations must be positive: " + maxConversations);
            }
            this.maxConversations = maxConversations;
            return this;
        }

        /** Threads for token counting (the result does not depend on it). */
        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        /**
         * @throws PublicDatasetException when the file cannot be obtained
         * @throws DatasetFileException   when it is not a readable ShareGPT JSON file, or no entry passes the filter
         */
        public Result load() {
            long t0 = System.nanoTime();
            Path file = ShareGptSource.resolve(localPath, hub != null ? hub : HubSettings.fromEnvironment());
            String display = localPath != null ? localPath : file.toString();
            SeededRandom ids = (streams != null ? streams : new RandomStreams(null))
                    .derive(RandomStreams.CONVERSATION_ID);
            List<Conversation> kept = new ArrayList<>();
            int filtered = 0;
            int entries;
            int unusable;
            try (ShareGptReader reader = new ShareGptReader(file, display)) {
                List<ShareGptReader.Pair> batch = new ArrayList<>(BATCH);
                boolean end = false;
                while (!end && kept.size() < maxConversations) {
                    batch.clear();
                    ShareGptReader.Pair pair;
                    while (batch.size() < BATCH && (pair = reader.next()) != null) {
                        batch.add(pair);
                    }
                    end = batch.size() < BATCH;
                    List<int[]> counts = Parallel.map(batch.size(), threads, "aiperf-sharegpt-count",
                            k -> count(batch.get(k)));
                    for (int k = 0; k < batch.size() && kept.size() < maxConversations; k++) {
                        int[] c = counts.get(k);
                        if (c == null) {
                            filtered++;
                            continue;
                        }
                        Turn turn = new Turn(batch.get(k).prompt(), c[0], c[1], 0.0);
                        kept.add(new Conversation(FileDatasetLoader.uuid(ids), List.of(turn)));
                    }
                }
                entries = reader.entries();
                unusable = reader.unusable();
            }
            if (kept.isEmpty()) {
                throw DatasetFileException.forFile(display, "no usable ShareGPT entries: of " + entries
                        + " entries, " + unusable + " have fewer than two messages and " + filtered
                        + " fall outside the length limits (prompt " + ShareGptFilter.MIN_TOKENS + "-"
                        + ShareGptFilter.MAX_PROMPT_TOKENS + " tokens, reply at least " + ShareGptFilter.MIN_TOKENS
                        + ", both at most " + ShareGptFilter.MAX_TOTAL_TOKENS + ") with tokenizer " + tokenizer.name());
            }
            LOG.info("sharegpt: {} conversations from {} entries of {} ({} without two messages, {} outside the length"
                            + " limits) in {} ms", kept.size(), entries, display, unusable, filtered,
                    (System.nanoTime() - t0) / 1_000_000);
            return new Result(kept, file, entries, unusable, filtered);
        }

        /** {prompt tokens, reply tokens} when the pair passes, else null. The reply is only counted when needed. */
        private int[] count(ShareGptReader.Pair pair) {
            int prompt = tokenizer.countTokens(pair.prompt());
            if (!ShareGptFilter.promptFits(prompt)) {
                return null;
            }
            int reply = tokenizer.countTokens(pair.reply());
            return ShareGptFilter.accepts(prompt, reply, outputLengthSet) ? new int[] {prompt, reply} : null;
        }
    }
}
