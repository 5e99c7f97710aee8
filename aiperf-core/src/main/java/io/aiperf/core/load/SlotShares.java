package io.aiperf.core.load;

import io.aiperf.core.config.PhaseLoad;

import java.util.ArrayList;
import java.util.List;

/**
 * A concurrency burst's slots split among the workers, so that a freed slot is refilled on the worker that freed it
 * instead of after a round trip through the controller. Each worker runs at most its share at once (the shares add
 * up to {@code --concurrency}, so the global limit stays exact) and holds up to as many credits again waiting for
 * one of its slots; the controller keeps every worker's running and waiting sessions within that capacity.
 *
 * <p>Only for a fixed concurrency without a prefill limit: a ramp changes the limit while credits wait, and a prefill
 * slot is freed by a first token only the controller counts.
 *
 * <p>When a worker dies, its share is spread over the others ({@link #lose}), so the survivors together still run
 * exactly {@code --concurrency}. Controller thread only.
 */
final class SlotShares {

    private final int[] shares;

    private SlotShares(int[] shares) {
        this.shares = shares;
    }

    /**
     * The shares of a phase whose issuer fills freed slots at once ({@code burst}), or null when the slots stay with
     * the controller.
     */
    static SlotShares forPhase(boolean burst, PhaseLoad load, int workers) {
        if (!burst || load.concurrency() == null || load.concurrencyRampS() != null
                || load.prefillConcurrency() != null) {
            return null;
        }
        return split(load.concurrency(), workers);
    }

    /** {@code concurrency} slots over {@code workers}, the first {@code concurrency % workers} getting one more. */
    static SlotShares split(int concurrency, int workers) {
        int[] shares = new int[workers];
        for (int w = 0; w < workers; w++) {
            shares[w] = concurrency / workers + (w < concurrency % workers ? 1 : 0);
        }
        return new SlotShares(shares);
    }

    int workers() {
        return shares.length;
    }

    /**
     * Worker {@code lost} died: its share goes to the living workers, one slot each in turn from the lowest index,
     * and it gets none (nor do they, when none is alive). {@code alive[w]} tells which workers still run.
     */
    void lose(int lost, boolean[] alive) {
        int freed = shares[lost];
        shares[lost] = 0;
        List<Integer> living = new ArrayList<>();
        for (int w = 0; w < shares.length; w++) {
            if (alive[w] && w != lost) {
                living.add(w);
            }
        }
        for (int i = 0; i < freed && !living.isEmpty(); i++) {
            shares[living.get(i % living.size())]++;
        }
    }

    /** The sessions worker {@code w} may run at once. */
    int share(int w) {
        return shares[w];
    }

    /** The sessions worker {@code w} may hold, running or waiting: its share, and as many again waiting. */
    int capacity(int w) {
        return 2 * shares[w];
    }

    /** The sessions all workers may hold together. */
    int totalCapacity() {
        int total = 0;
        for (int w = 0; w < shares.length; w++) {
            total += capacity(w);
        }
        return total;
    }
}
