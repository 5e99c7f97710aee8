package io.aiperf.core.dataset;

import io.aiperf.core.config.TestConfigs;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetSamplerTest {

    private static final List<Conversation> DATA = IntStream.range(0, 20)
            .mapToObj(i -> new Conversation("conv-" + i, List.of(new Turn("t" + i, 1, null, 0))))
            .toList();

    private static List<String> take(DatasetSampler s, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.next().conversationId());
        }
        return out;
    }

    @Test
    void shuffleHandsOutEachOncePerEpochAndReshuffles() {
        DatasetSampler s = DatasetSampler.create(SamplingStrategy.SHUFFLE, DATA, new RandomStreams(1L));
        List<String> all = DATA.stream().map(Conversation::conversationId).toList();
        List<String> e1 = take(s, 20);
        List<String> e2 = take(s, 20);
        List<String> e3 = take(s, 20);
        assertThat(e1).containsExactlyInAnyOrderElementsOf(all).isNotEqualTo(all);
        assertThat(e2).containsExactlyInAnyOrderElementsOf(all).isNotEqualTo(e1);
        assertThat(e3).containsExactlyInAnyOrderElementsOf(all);
        assertThat(s.handedOut()).isEqualTo(60);
        // deterministic from the seed, different for another seed
        assertThat(take(DatasetSampler.create(SamplingStrategy.SHUFFLE, DATA, new RandomStreams(1L)), 60))
                .isEqualTo(concat(e1, e2, e3));
        assertThat(take(DatasetSampler.create(SamplingStrategy.SHUFFLE, DATA, new RandomStreams(2L)), 20))
                .isNotEqualTo(e1);
    }

    @Test
    void sequentialWrapsAround() {
        DatasetSampler s = DatasetSampler.create(SamplingStrategy.SEQUENTIAL, DATA, (java.util.random.RandomGenerator) null);
        List<String> got = take(s, 45);
        for (int i = 0; i < 45; i++) {
            assertThat(got.get(i)).isEqualTo("conv-" + (i % 20));
        }
    }

    @Test
    void randomSamplesWithReplacementDeterministically() {
        DatasetSampler s = DatasetSampler.create(SamplingStrategy.RANDOM, DATA, new RandomStreams(3L));
        List<String> got = take(s, 2000);
        assertThat(new HashSet<>(got)).hasSize(20);
        assertThat(new HashSet<>(got.subList(0, 20)).size()).isLessThan(20); // repeats within one pass
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        got.forEach(id -> counts.merge(id, 1, Integer::sum));
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(50, 150));
        assertThat(take(DatasetSampler.create(SamplingStrategy.RANDOM, DATA, new RandomStreams(3L)), 2000))
                .isEqualTo(got);
    }

    @Test
    void samplersUseTheirOwnStreams() {
        RandomStreams rs = new RandomStreams(4L);
        List<String> alone = take(DatasetSampler.create(SamplingStrategy.SHUFFLE, DATA, rs), 40);
        DatasetSampler r = DatasetSampler.create(SamplingStrategy.RANDOM, DATA, rs);
        DatasetSampler sh = DatasetSampler.create(SamplingStrategy.SHUFFLE, DATA, rs);
        take(r, 100);
        assertThat(take(sh, 40)).isEqualTo(alone);
    }

    @Test
    void concurrentShuffleStillHandsOutEachOncePerEpoch() throws InterruptedException {
        DatasetSampler s = DatasetSampler.create(SamplingStrategy.SHUFFLE, DATA, new RandomStreams(5L));
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    counts.computeIfAbsent(s.next().conversationId(), k -> new AtomicInteger()).incrementAndGet();
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(counts).hasSize(20);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(100));
    }

    @Test
    void strategiesParseFromTheCli() {
        assertThat(SamplingStrategy.parse("shuffle")).isEqualTo(SamplingStrategy.SHUFFLE);
        assertThat(SamplingStrategy.parse(" Sequential ")).isEqualTo(SamplingStrategy.SEQUENTIAL);
        assertThat(SamplingStrategy.parse("RANDOM")).isEqualTo(SamplingStrategy.RANDOM);
        assertThat(SamplingStrategy.DEFAULT).isEqualTo(SamplingStrategy.SHUFFLE);
        assertThat(SamplingStrategy.SHUFFLE.toString()).isEqualTo("shuffle");
        assertThatThrownBy(() -> SamplingStrategy.parse("roundrobin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shuffle, sequential, random");
        assertThatThrownBy(() -> DatasetSampler.create(SamplingStrategy.SHUFFLE, List.of(), new RandomStreams(1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatasetSampler.create(SamplingStrategy.RANDOM, DATA,
                (java.util.random.RandomGenerator) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datasetSamplerDefaultIsShuffle() {
        SyntheticDataset ds = SyntheticDataset.build(
                TestConfigs.input(5, 0, null, 0, 1L, 10), new WhitespaceTokenizer());
        DatasetSampler s = ds.sampler(SamplingStrategy.DEFAULT);
        Set<String> epoch = new HashSet<>(take(s, 10));
        assertThat(epoch).hasSize(10);
        assertThat(s.strategy()).isEqualTo(SamplingStrategy.SHUFFLE);
        assertThat(s.size()).isEqualTo(10);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
