package io.aiperf.core.dataset.media;

import io.aiperf.core.dataset.Parallel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shape every synthetic modality shares: draw each item's spec in order on one thread (the draw order is what
 * the seed fixes), render the items in parallel (the result does not depend on the thread count), and cut them into
 * one batch per turn.
 */
final class MediaBatches {

    private MediaBatches() {
    }

    /** {@code turns} empty batches: the modality is off. */
    static List<List<String>> none(int turns) {
        return new ArrayList<>(Collections.nCopies(turns, List.of()));
    }

    static <S> List<List<String>> generate(int turns, int batch, Supplier<S> drawSpec, Function<S, String> render,
                                           int threads, String threadName) {
        List<S> specs = new ArrayList<>(turns * batch);
        for (int i = 0; i < turns * batch; i++) {
            specs.add(drawSpec.get());
        }
        List<String> items = Parallel.map(specs.size(), threads, threadName, i -> render.apply(specs.get(i)));
        List<List<String>> out = new ArrayList<>(turns);
        for (int t = 0; t < turns; t++) {
            out.add(List.copyOf(items.subList(t * batch, (t + 1) * batch)));
        }
        return out;
    }
}
