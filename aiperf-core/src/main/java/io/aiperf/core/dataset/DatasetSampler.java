package io.aiperf.core.dataset;

import io.aiperf.core.model.Conversation;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Hands out conversations for requests according to a {@link SamplingStrategy}. Thread-safe.
 * Given the same conversations and the same random stream, the sequence handed out is always the same.
 */
public final class DatasetSampler {

    private final SamplingStrategy strategy;
    private final List<Conversation> conversations;
    private final RandomGenerator rng;
    private final int[] order;
    private int position;
    private long handedOut;

    private DatasetSampler(SamplingStrategy strategy, List<Conversation> conversations, RandomGenerator rng) {
        if (conversations == null || conversations.isEmpty()) {
            throw new IllegalArgumentException("cannot sample from an empty dataset");
        }
        this.strategy = strategy;
        this.conversations = List.copyOf(conversations);
        this.rng = rng;
        this.order = new int[this.conversations.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.position = order.length; // shuffle lazily on first use
    }

    /**
     * @param rng the sampler's own stream, e.g. {@code streams.derive(RandomStreams.SAMPLER_PREFIX + strategy.cliName())};
     *            unused by {@link SamplingStrategy#SEQUENTIAL}
     */
    public static DatasetSampler create(SamplingStrategy strategy, List<Conversation> conversations,
                                        RandomGenerator rng) {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy must not be null");
        }
        if (rng == null && strategy != SamplingStrategy.SEQUENTIAL) {
            throw new IllegalArgumentException(strategy + " sampling needs a random stream");
        }
        return new DatasetSampler(strategy, conversations, rng);
    }

    /** Builds the sampler on the stream {@code dataset.sampler.<strategy>} of {@code streams}. */
    public static DatasetSampler create(SamplingStrategy strategy, List<Conversation> conversations,
                                        RandomStreams streams) {
        return create(strategy, conversations, streams.derive(RandomStreams.SAMPLER_PREFIX + strategy.cliName()));
    }

    public SamplingStrategy strategy() {
        return strategy;
    }

    public int size() {
        return conversations.size();
    }

    /** How many conversations were handed out so far. */
    public synchronized long handedOut() {
        return handedOut;
    }

    /** The next conversation to send. */
    public synchronized Conversation next() {
        handedOut++;
        switch (strategy) {
            case SEQUENTIAL -> {
                if (position >= order.length) {
                    position = 0;
                }
                return conversations.get(position++);
            }
            case RANDOM -> {
                return conversations.get(rng.nextInt(conversations.size()));
            }
            default -> {
                if (position >= order.length) {
                    shuffle();
                    position = 0;
                }
                return conversations.get(order[position++]);
            }
        }
    }

    /** Fisher–Yates over the current order. */
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
