package io.aiperf.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
        return Arrays.stream(values()).map(ModelSelectionStrategy::cliName).collect(Collectors.joining(", "));
    }

    /** @return the strategy named {@code value} (any case, {@code -} for {@code _}), or null when there is none */
    public static ModelSelectionStrategy parse(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip().replace('-', '_');
        for (ModelSelectionStrategy strategy : values()) {
            if (strategy.cliName().equalsIgnoreCase(name)) {
                return strategy;
            }
        }
        return null;
    }
}
