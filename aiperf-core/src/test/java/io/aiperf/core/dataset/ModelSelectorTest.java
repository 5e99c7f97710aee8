package io.aiperf.core.dataset;

import io.aiperf.core.config.ModelSelectionStrategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSelectorTest {

    private static final List<String> MODELS = List.of("a", "b", "c");

    private static List<String> draws(ModelSelectionStrategy strategy, long seed, int n) {
        ModelSelector selector = new ModelSelector(MODELS, strategy, RandomStreams.of(seed));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(selector.next());
        }
        return out;
    }

    @Test
    void roundRobinCyclesThroughTheModelsInTheOrderGiven() {
        assertThat(draws(ModelSelectionStrategy.ROUND_ROBIN, 1, 7)).containsExactly("a", "b", "c", "a", "b", "c", "a");
    }

    @Test
    void roundRobinDoesNotDependOnTheSeed() {
        assertThat(draws(ModelSelectionStrategy.ROUND_ROBIN, 1, 30))
                .isEqualTo(draws(ModelSelectionStrategy.ROUND_ROBIN, 99, 30));
    }

    @Test
    void randomIsReproducibleWithASeedAndChangesWithIt() {
        List<String> first = draws(ModelSelectionStrategy.RANDOM, 42, 60);
        assertThat(draws(ModelSelectionStrategy.RANDOM, 42, 60)).isEqualTo(first);
        assertThat(draws(ModelSelectionStrategy.RANDOM, 43, 60)).isNotEqualTo(first);
        assertThat(first).isNotEqualTo(draws(ModelSelectionStrategy.ROUND_ROBIN, 42, 60));
    }

    @Test
    void randomUsesEveryModelRoughlyEquallyOverManyDraws() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String m : draws(ModelSelectionStrategy.RANDOM, 5, 3000)) {
            counts.merge(m, 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactly("a", "b", "c");
        // Uniform: each near 1000; 800 is more than six standard deviations (~26) away.
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
    }

    @Test
    void randomDrawsFromItsOwnNamedStream() {
        SeededRandom stream = RandomStreams.of(42L).derive(RandomStreams.MODEL_SELECTION);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(MODELS.get(stream.nextInt(MODELS.size())));
        }
        assertThat(draws(ModelSelectionStrategy.RANDOM, 42, 20)).isEqualTo(expected);
    }
}
