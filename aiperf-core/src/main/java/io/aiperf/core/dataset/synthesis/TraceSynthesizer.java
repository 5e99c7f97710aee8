package io.aiperf.core.dataset.synthesis;

import io.aiperf.core.config.SynthesisConfig;
import io.aiperf.core.dataset.SeededRandom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reshapes trace rows the way AIPerf's synthesizer does, block by block.
 *
 * <p>All rows' {@code hash_ids} go into one {@link PrefixTree}. A row's shared prefix is its leading blocks that
 * another row also reaches (at most {@code input_length / blockSize} of them, so it never exceeds the row); the rest
 * of its {@code input_length} is its unique part. Then:
 * <ul>
 * <li>prefix-len multiplier {@code m}: the prefix becomes {@code ceil(p*m)} blocks when {@code m > 1} (new block
 * {@code k} stands for old block {@code floor(k/m)}, so rows that shared old blocks share the new ones), and
 * {@code max(1, floor(p*m))} of its first blocks when {@code m < 1};</li>
 * <li>prompt-len multiplier {@code u}: the unique part becomes {@code floor(unique*u)} tokens in
 * {@code ceil(that/blockSize)} blocks of its own;</li>
 * <li>{@code input_length} = prefix blocks × blockSize + unique tokens, cut to max-isl (dropping the blocks past it);
 * </li>
 * <li>prefix-root multiplier {@code r}: each row is put, at random, into one of {@code r} copies of the tree, whose
 * blocks are all distinct from the other copies';</li>
 * <li>the new blocks are numbered 0, 1, 2, ... in order of first use, so equal ids still mean equal prefixes.</li>
 * </ul>
 * A row without hash ids is left as it is, as is one that would end with no block at all (AIPerf keeps its length
 * and drops its ids). The final block of every reshaped row has between 1 and blockSize tokens.
 *
 * <p>Where this differs from AIPerf: AIPerf's shared blocks are those whose id occurs twice anywhere (the same for
 * well-formed traces, whose ids already encode the path), it refuses a row whose shared blocks exceed its length, and
 * the blocks a fractional prefix multiplier adds are unique to each row there; here they are shared as well.
 */
public final class TraceSynthesizer {

    /** A row's prompt shape: {@code hashIds} null or empty when the row has no blocks. */
    public record Row(int inputLength, List<Integer> hashIds) {

        public Row {
            hashIds = hashIds == null ? List.of() : List.copyOf(hashIds);
        }
    }

    /** A block of the reshaped trace: a shared one by its copy, old tree node and position, or a row's own. */
    private record SharedBlock(int copy, int node, int position) {
    }

    private record UniqueBlock(int row, int index) {
    }

    private final SynthesisConfig config;
    private final int blockSize;

    public TraceSynthesizer(SynthesisConfig config, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        this.config = config;
        this.blockSize = blockSize;
    }

    /**
     * The rows reshaped, in the same order; {@code rng} picks each row's tree copy (one draw per row with blocks,
     * only when the root multiplier is above 1).
     */
    public List<Row> reshape(List<Row> rows, SeededRandom rng) {
        PrefixTree tree = new PrefixTree();
        List<int[]> paths = new ArrayList<>(rows.size());
        for (Row r : rows) {
            paths.add(r.hashIds().isEmpty() ? null : tree.add(r.hashIds()));
        }
        Map<Object, Integer> ids = new HashMap<>();
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int[] path = paths.get(i);
            if (path == null) {
                out.add(r);
                continue;
            }
            int shared = Math.min(tree.sharedDepth(path), r.inputLength() / blockSize);
            long unique = r.inputLength() - (long) shared * blockSize;
            int prefixBlocks = prefixBlocks(shared);
            long uniqueTokens = (long) Math.floor(unique * config.promptLenMultiplier());
            long uniqueBlocks = (uniqueTokens + blockSize - 1) / blockSize;
            if (prefixBlocks + uniqueBlocks == 0) {
                out.add(new Row(r.inputLength(), null));
                continue;
            }
            long length = (long) prefixBlocks * blockSize + uniqueTokens;
            long blocks = prefixBlocks + uniqueBlocks;
            if (config.maxIsl() != null && length > config.maxIsl()) {
                length = config.maxIsl();
                blocks = (length + blockSize - 1) / blockSize;
            }
            if (length > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a synthesized input_length exceeds " + Integer.MAX_VALUE
                        + " tokens; lower the multipliers or set --synthesis-max-isl");
            }
            int copy = config.prefixRootMultiplier() > 1 ? rng.nextInt(config.prefixRootMultiplier()) : 0;
            List<Integer> hashIds = new ArrayList<>((int) blocks);
            for (int k = 0; k < blocks; k++) {
                Object block = k < prefixBlocks ? new SharedBlock(copy, path[oldBlock(k)], k)
                        : new UniqueBlock(i, k - prefixBlocks);
                Integer id = ids.get(block);
                if (id == null) {
                    id = ids.size();
                    ids.put(block, id);
                }
                hashIds.add(id);
            }
            out.add(new Row((int) length, hashIds));
        }
        return out;
    }

    private int prefixBlocks(int shared) {
        double m = config.prefixLenMultiplier();
        if (shared == 0 || m == 1.0) {
            return shared;
        }
        if (m > 1.0) {
            double scaled = Math.ceil(shared * m);
            if (scaled > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--synthesis-prefix-len-multiplier " + m + " makes a prefix of "
                        + "more than " + Integer.MAX_VALUE + " blocks");
            }
            return (int) scaled;
        }
        return Math.max(1, (int) Math.floor(shared * m));
    }

    /** The old prefix block new block {@code k} stands for. */
    private int oldBlock(int k) {
        double m = config.prefixLenMultiplier();
        return m > 1.0 ? (int) Math.floor(k / m) : k;
    }

    /** {@code timestampMs} sped up: divided by the ratio and cut to whole ms (AIPerf); null stays null. */
    public static Double timestamp(Double timestampMs, double speedupRatio) {
        if (timestampMs == null || speedupRatio <= 0 || speedupRatio == 1.0) {
            return timestampMs;
        }
        return (double) (long) (timestampMs / speedupRatio);
    }
}
