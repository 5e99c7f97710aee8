package io.aiperf.core.config;

import java.util.Locale;

/**
 * How a run with several {@code -m} models gives each turn its model ({@code --model-selection-strategy}, AIPerf's
 * {@code ModelSelectionStrategy}). The choice is made once per turn when the dataset is prepared, in dataset order,
 * so {@code inputs.json} shows it and a retry or a later worker render never changes it.
 */
public enum ModelSelectionStrategy {
    /** The n-th turn of the dataset gets model {@code n mod k} (the default). */
    ROUND_ROBIN,
    /** Each turn draws a model uniformly from the run's seeded model-selection stream. */
    RANDOM;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The valid names, comma-separated, for an error message. */
    public static String names() {
        return OptionValues.list(ModelSelectionStrategy.class, ModelSelectionStrategy::cliName);
    }

    /** @return the strategy named {@code value} (any case, {@code -} for {@code _}), or null when there is none */
    public static ModelSelectionStrategy parse(String value) {
        return OptionValues.find(ModelSelectionStrategy.class, ModelSelectionStrategy::cliName, value);
    }
}
