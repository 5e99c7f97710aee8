package io.aiperf.core.dataset.synthesis;

import io.aiperf.core.config.SynthesisConfig;
import io.aiperf.core.dataset.SeededRandom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-made trace of block size 4: A and B share blocks 1, 2; C shares block 1 with them; D shares nothing.
 * Shared blocks: A 2 (unique tokens 10 - 8 = 2), B 2 (12 - 8 = 4), C 1 (6 - 4 = 2), D 0 (3).
 */
class TraceSynthesizerTest {

    private static final int BS = 4;
    private static final List<TraceSynthesizer.Row> TRACE = List.of(
            new TraceSynthesizer.Row(10, List.of(1, 2, 3)),
            new TraceSynthesizer.Row(12, List.of(1, 2, 4)),
            new TraceSynthesizer.Row(6, List.of(1, 5)),
            new TraceSynthesizer.Row(3, List.of(9)));
    private static final int[] SHARED = {2, 2, 1, 0};
    private static final int[] UNIQUE = {2, 4, 2, 3};

    private static SynthesisConfig config(double prefixLen, int roots, double promptLen, Integer maxIsl) {
        return new SynthesisConfig(1.0, prefixLen, roots, promptLen, maxIsl, null);
    }

    private static List<TraceSynthesizer.Row> reshape(SynthesisConfig config, List<TraceSynthesizer.Row> rows) {
        return new TraceSynthesizer(config, BS).reshape(rows, new SeededRandom(11));
    }

    /** The final block of every row with blocks has between 1 and BS tokens. */
    private static void assertBlocksFit(List<TraceSynthesizer.Row> rows) {
        for (TraceSynthesizer.Row r : rows) {
            if (!r.hashIds().isEmpty()) {
                int last = r.inputLength() - (r.hashIds().size() - 1) * BS;
                assertThat(last).as("final block of %s", r).isBetween(1, BS);
            }
        }
    }

    private static int commonPrefix(List<Integer> a, List<Integer> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }

    @Test
    void theDefaultsKeepLengthsAndWhatIsShared() {
        List<TraceSynthesizer.Row> out = reshape(SynthesisConfig.NONE, TRACE);

        assertThat(out).extracting(TraceSynthesizer.Row::inputLength).containsExactly(10, 12, 6, 3);
        assertThat(out).extracting(r -> r.hashIds().size()).containsExactly(3, 3, 2, 1);
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(1).hashIds())).isEqualTo(2);
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(2).hashIds())).isEqualTo(1);
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(3).hashIds())).isZero();
        assertBlocksFit(out);
    }

    @Test
    void idsAreRenumberedFromZeroInOrderOfFirstUse() {
        List<TraceSynthesizer.Row> out = reshape(config(2.0, 1, 1.0, null), TRACE);

        List<Integer> seen = new ArrayList<>();
        for (TraceSynthesizer.Row r : out) {
            for (int id : r.hashIds()) {
                if (!seen.contains(id)) {
                    seen.add(id);
                }
            }
        }
        assertThat(seen).isEqualTo(IntStream.range(0, seen.size()).boxed().toList());
    }

    @Test
    void aPrefixMultiplierAboveOneStretchesTheSharedBlocksAndKeepsThemShared() {
        double m = 2.0;
        List<TraceSynthesizer.Row> out = reshape(config(m, 1, 1.0, null), TRACE);

        for (int i = 0; i < TRACE.size(); i++) {
            int prefix = (int) Math.ceil(SHARED[i] * m);
            int uniqueBlocks = (UNIQUE[i] + BS - 1) / BS;
            assertThat(out.get(i).inputLength()).isEqualTo(prefix * BS + UNIQUE[i]);
            assertThat(out.get(i).hashIds()).hasSize(prefix + uniqueBlocks);
        }
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(1).hashIds())).isEqualTo((int) (SHARED[0] * m));
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(2).hashIds())).isEqualTo((int) (SHARED[2] * m));
        assertBlocksFit(out);
    }

    @Test
    void aFractionalPrefixMultiplierRoundsTheBlocksUpAndStillShares() {
        double m = 1.5;
        List<TraceSynthesizer.Row> out = reshape(config(m, 1, 1.0, null), TRACE);

        int ab = (int) Math.ceil(SHARED[0] * m); // 3 blocks for A and B, from their 2 shared ones
        int c = (int) Math.ceil(SHARED[2] * m); // 2 blocks for C, from its 1
        assertThat(out.get(0).inputLength()).isEqualTo(ab * BS + UNIQUE[0]);
        assertThat(out.get(2).inputLength()).isEqualTo(c * BS + UNIQUE[2]);
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(1).hashIds())).isEqualTo(ab);
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(2).hashIds())).isEqualTo(c);
        assertBlocksFit(out);
    }

    @Test
    void aPrefixMultiplierBelowOneKeepsTheFirstSharedBlocksButAtLeastOne() {
        double m = 0.5;
        List<TraceSynthesizer.Row> out = reshape(config(m, 1, 1.0, null), TRACE);

        for (int i = 0; i < TRACE.size(); i++) {
            int prefix = SHARED[i] == 0 ? 0 : Math.max(1, (int) Math.floor(SHARED[i] * m));
            assertThat(out.get(i).inputLength()).isEqualTo(prefix * BS + UNIQUE[i]);
        }
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(1).hashIds())).isEqualTo(1);
        assertBlocksFit(out);
    }

    @Test
    void thePromptMultiplierScalesOnlyTheUniqueTokensInBlocksOfTheirOwn() {
        double u = 3.0;
        List<TraceSynthesizer.Row> out = reshape(config(1.0, 1, u, null), TRACE);

        Set<Integer> uniqueIds = new HashSet<>();
        for (int i = 0; i < TRACE.size(); i++) {
            int unique = (int) Math.floor(UNIQUE[i] * u);
            int uniqueBlocks = (unique + BS - 1) / BS;
            TraceSynthesizer.Row r = out.get(i);
            assertThat(r.inputLength()).isEqualTo(SHARED[i] * BS + unique);
            assertThat(r.hashIds()).hasSize(SHARED[i] + uniqueBlocks);
            List<Integer> own = r.hashIds().subList(SHARED[i], r.hashIds().size());
            for (int id : own) {
                assertThat(uniqueIds.add(id)).as("unique block %d of row %d used twice", id, i).isTrue();
            }
        }
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(1).hashIds())).isEqualTo(SHARED[0]);
        assertBlocksFit(out);
    }

    @Test
    void aZeroPromptMultiplierLeavesTheSharedBlocksAndARowWithNoneAsItWas() {
        List<TraceSynthesizer.Row> out = reshape(config(1.0, 1, 0.0, null), TRACE);

        assertThat(out.get(0).inputLength()).isEqualTo(SHARED[0] * BS);
        assertThat(out.get(0).hashIds()).hasSize(SHARED[0]);
        // D has no shared block and no unique token left: AIPerf keeps its length and drops its ids
        assertThat(out.get(3)).isEqualTo(new TraceSynthesizer.Row(TRACE.get(3).inputLength(), null));
    }

    @Test
    void aFullySharedRowKeepsItsPartialLastBlockAsItsUniquePart() {
        List<TraceSynthesizer.Row> twins = List.of(new TraceSynthesizer.Row(6, List.of(7, 8)),
                new TraceSynthesizer.Row(6, List.of(7, 8)));
        List<TraceSynthesizer.Row> out = reshape(config(1.0, 1, 2.0, null), twins);

        int shared = 6 / BS; // 1 full block; the 2 tokens of block 8 are the unique part
        int unique = (6 - shared * BS) * 2;
        assertThat(out).allSatisfy(r -> assertThat(r.inputLength()).isEqualTo(shared * BS + unique));
        assertThat(commonPrefix(out.get(0).hashIds(), out.get(1).hashIds())).isEqualTo(shared);
        assertBlocksFit(out);
    }

    @Test
    void maxIslCutsASynthesizedLengthAndItsBlocks() {
        int maxIsl = 17;
        List<TraceSynthesizer.Row> out = reshape(config(2.0, 1, 1.0, maxIsl), TRACE);

        // A would be 4*4+2 = 18 tokens and B 20: both are cut to 17, in ceil(17/4) blocks
        assertThat(out.get(0).inputLength()).isEqualTo(maxIsl);
        assertThat(out.get(1).inputLength()).isEqualTo(maxIsl);
        assertThat(out.get(0).hashIds()).hasSize((maxIsl + BS - 1) / BS);
        assertThat(out.get(2).inputLength()).isEqualTo(2 * BS + UNIQUE[2]);
        assertBlocksFit(out);
    }

    @Test
    void theRootMultiplierSpreadsRowsOverCopiesThatShareNothing() {
        int roots = 3;
        List<TraceSynthesizer.Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new TraceSynthesizer.Row(10, List.of(1, 2, 100 + i)));
        }
        List<TraceSynthesizer.Row> out = reshape(config(1.0, roots, 1.0, null), rows);

        Map<Integer, List<TraceSynthesizer.Row>> byFirstBlock = new TreeMap<>();
        for (TraceSynthesizer.Row r : out) {
            byFirstBlock.computeIfAbsent(r.hashIds().get(0), k -> new ArrayList<>()).add(r);
            assertThat(r.inputLength()).isEqualTo(10);
        }
        assertThat(byFirstBlock).hasSize(roots); // 60 draws from 3 copies: every copy is used
        Set<Integer> secondBlocks = new HashSet<>();
        for (List<TraceSynthesizer.Row> copy : byFirstBlock.values()) {
            assertThat(copy).extracting(r -> r.hashIds().get(1)).containsOnly(copy.get(0).hashIds().get(1));
            secondBlocks.add(copy.get(0).hashIds().get(1));
        }
        assertThat(secondBlocks).hasSize(roots);
        assertBlocksFit(out);
    }

    @Test
    void theSameSeedPutsEveryRowInTheSameCopy() {
        SynthesisConfig c = config(1.0, 4, 1.0, null);
        List<TraceSynthesizer.Row> once = new TraceSynthesizer(c, BS).reshape(TRACE, new SeededRandom(3));
        List<TraceSynthesizer.Row> again = new TraceSynthesizer(c, BS).reshape(TRACE, new SeededRandom(3));

        assertThat(again).isEqualTo(once);
    }

    @Test
    void aRowWithoutBlocksIsLeftAsItIs() {
        List<TraceSynthesizer.Row> rows = List.of(new TraceSynthesizer.Row(50, null),
                new TraceSynthesizer.Row(10, List.of(1, 2, 3)));
        List<TraceSynthesizer.Row> out = reshape(config(2.0, 2, 2.0, null), rows);

        assertThat(out.get(0)).isEqualTo(rows.get(0));
    }

    @Test
    void theSpeedupDividesTimestampsIntoWholeMilliseconds() {
        assertThat(TraceSynthesizer.timestamp(1001.0, 2.0)).isEqualTo(500.0);
        assertThat(TraceSynthesizer.timestamp(900.0, 0.5)).isEqualTo(1800.0);
        assertThat(TraceSynthesizer.timestamp(900.0, 0.0)).isEqualTo(900.0);
        assertThat(TraceSynthesizer.timestamp(null, 2.0)).isNull();
    }
}
