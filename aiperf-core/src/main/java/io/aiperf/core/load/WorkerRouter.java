package io.aiperf.core.load;

/**
 * Which worker gets a turn. A session's later turns go to the worker of its first turn, which holds the
 * conversation's history. A first turn goes to the worker with the fewest credits in flight, or, when the slots are
 * {@link SlotShares shared out}, to the worker with the most room left for sessions (the lowest index on a tie, so a
 * run is reproducible).
 */
final class WorkerRouter {

    private final int[] inFlight;
    private final int[] sessions;
    /** Null when the controller keeps the slots. */
    private final SlotShares shares;

    WorkerRouter(int workers) {
        this(workers, null);
    }

    /** @param shares the workers' slot shares, or null */
    WorkerRouter(int workers, SlotShares shares) {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least one worker: " + workers);
        }
        if (shares != null && shares.workers() != workers) {
            throw new IllegalArgumentException(shares.workers() + " slot shares for " + workers + " workers");
        }
        this.inFlight = new int[workers];
        this.sessions = new int[workers];
        this.shares = shares;
    }

    /** @param sessionWorker the worker of the session's earlier turns, or -1 for its first turn */
    int route(int sessionWorker) {
        return sessionWorker >= 0 ? sessionWorker : shares == null ? leastLoaded() : mostRoom();
    }

    void sent(int worker) {
        inFlight[worker]++;
    }

    void returned(int worker) {
        inFlight[worker]--;
    }

    void sessionOpened(int worker) {
        sessions[worker]++;
    }

    void sessionClosed(int worker) {
        sessions[worker]--;
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

    private int mostRoom() {
        int best = 0;
        for (int i = 1; i < sessions.length; i++) {
            if (shares.capacity(i) - sessions[i] > shares.capacity(best) - sessions[best]) {
                best = i;
            }
        }
        return best;
    }
}
