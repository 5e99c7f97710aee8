package io.aiperf.core.load;

/**
 * Which worker gets a turn: a session's first turn goes to the worker with the fewest credits in flight (the lowest
 * index on a tie, so a run is reproducible), its later turns to the same worker, which holds the conversation's
 * history.
 */
final class WorkerRouter {

    private final int[] inFlight;

    WorkerRouter(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least one worker: " + workers);
        }
        this.inFlight = new int[workers];
    }

    /** @param sessionWorker the worker of the session's earlier turns, or -1 for its first turn */
    int route(int sessionWorker) {
        return sessionWorker >= 0 ? sessionWorker : leastLoaded();
    }

    void sent(int worker) {
        inFlight[worker]++;
    }

    void returned(int worker) {
        inFlight[worker]--;
    }

    private int leastLoaded() {
        int best = 0;
        for (int i = 1; i < inFlight.length; i++) {
            if (inFlight[i] < inFlight[best]) {
                best = i;
            }
        }
        return best;
    }
}
