package io.aiperf.core.dataset;

import io.aiperf.core.config.ModelSelectionStrategy;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Gives each turn of the dataset its model, in dataset order: round robin ({@code models[n mod k]} for the n-th
 * turn) or a uniform draw from the {@link RandomStreams#MODEL_SELECTION} stream, so {@code --random-seed} repeats
 * the choice. One per run; not thread-safe.
 */
public final class ModelSelector {

    private final List<String> models;
    private final ModelSelectionStrategy strategy;
    private final RandomGenerator random;
    private long turns;

    public ModelSelector(List<String> models, ModelSelectionStrategy strategy, RandomStreams streams) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one model name is required");
        }
        this.models = List.copyOf(models);
        this.strategy = strategy;
        this.random = strategy == ModelSelectionStrategy.RANDOM ? streams.derive(RandomStreams.MODEL_SELECTION) : null;
    }

    /** The model of the next turn. */
    public String next() {
        long n = turns++;
        if (models.size() == 1) {
            return models.get(0);
        }
        return switch (strategy) {
            case ROUND_ROBIN -> models.get((int) (n % models.size()));
            case RANDOM -> models.get(random.nextInt(models.size()));
        };
    }
}
