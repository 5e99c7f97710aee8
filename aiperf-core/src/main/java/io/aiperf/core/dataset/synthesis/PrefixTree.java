package io.aiperf.core.dataset.synthesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree of hash-id paths (AIPerf calls it its radix tree): each row's {@code hash_ids} is a path from the root, one
 * node per block, so two rows meet in a node exactly when their prompts share every block up to it. Each node
 * counts the rows that pass through it; a node passed by two or more is part of a shared prefix.
 *
 * <p>Nodes are numbered from 0 in the order they are created. Not thread-safe.
 */
public final class PrefixTree {

    private final List<Map<Integer, Integer>> children = new ArrayList<>();
    private final List<Integer> visits = new ArrayList<>();
    private final Map<Integer, Integer> roots = new HashMap<>();

    /** Adds one row's path and returns its nodes, one per hash id, in order. */
    public int[] add(List<Integer> hashIds) {
        int[] path = new int[hashIds.size()];
        Map<Integer, Integer> level = roots;
        for (int i = 0; i < path.length; i++) {
            Integer node = level.get(hashIds.get(i));
            if (node == null) {
                node = children.size();
                children.add(new HashMap<>());
                visits.add(0);
                level.put(hashIds.get(i), node);
            }
            visits.set(node, visits.get(node) + 1);
            path[i] = node;
            level = children.get(node);
        }
        return path;
    }

    /** How many added paths pass through {@code node}. */
    public int visits(int node) {
        return visits.get(node);
    }

    /** How many leading nodes of {@code path} (from {@link #add}) are shared with another path. */
    public int sharedDepth(int[] path) {
        int depth = 0;
        while (depth < path.length && visits(path[depth]) >= 2) {
            depth++;
        }
        return depth;
    }

    /** Nodes in the tree. */
    public int size() {
        return children.size();
    }

    /** Distinct first blocks: the roots of the forest. */
    public int rootCount() {
        return roots.size();
    }
}
