package io.aiperf.core.dataset.synthesis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixTreeTest {

    @Test
    void rowsMeetInTheNodesOfTheBlocksTheyShareFromTheStart() {
        PrefixTree tree = new PrefixTree();
        int[] a = tree.add(List.of(1, 2, 3));
        int[] b = tree.add(List.of(1, 2, 4));
        int[] c = tree.add(List.of(1, 5));
        int[] d = tree.add(List.of(9));

        assertThat(a[0]).isEqualTo(b[0]).isEqualTo(c[0]);
        assertThat(a[1]).isEqualTo(b[1]);
        assertThat(a[2]).isNotEqualTo(b[2]);
        assertThat(tree.visits(a[0])).isEqualTo(3);
        assertThat(tree.visits(a[1])).isEqualTo(2);
        assertThat(tree.visits(d[0])).isEqualTo(1);
        assertThat(tree.sharedDepth(a)).isEqualTo(2);
        assertThat(tree.sharedDepth(b)).isEqualTo(2);
        assertThat(tree.sharedDepth(c)).isEqualTo(1);
        assertThat(tree.sharedDepth(d)).isZero();
        assertThat(tree.size()).isEqualTo(6);
        assertThat(tree.rootCount()).isEqualTo(2);
    }

    @Test
    void anIdSharedOnlyInAnotherPlaceIsNotASharedPrefix() {
        PrefixTree tree = new PrefixTree();
        int[] a = tree.add(List.of(1, 7));
        int[] b = tree.add(List.of(2, 7)); // same id 7, but after a different first block

        assertThat(a[1]).isNotEqualTo(b[1]);
        assertThat(tree.sharedDepth(a)).isZero();
        assertThat(tree.sharedDepth(b)).isZero();
    }

    @Test
    void aRowAddedTwiceSharesAllItsBlocks() {
        PrefixTree tree = new PrefixTree();
        tree.add(List.of(4, 5, 6));
        int[] again = tree.add(List.of(4, 5, 6));

        assertThat(tree.sharedDepth(again)).isEqualTo(3);
    }
}
