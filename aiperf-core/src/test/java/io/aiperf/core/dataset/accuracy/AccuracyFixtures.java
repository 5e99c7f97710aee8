package io.aiperf.core.dataset.accuracy;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The published-format fixtures under {@code src/test/resources/accuracy} and configs that read them. */
final class AccuracyFixtures {

    private AccuracyFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(AccuracyFixtures.class.getResource("/accuracy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static AccuracyConfig config(AccuracyBenchmark b, String resource, int shots, boolean cot, List<String> tasks) {
        return new AccuracyConfig(b, tasks, shots, cot, b.defaultGrader(), b.defaultSystemPrompt(), false,
                resource(resource).toString());
    }
}
