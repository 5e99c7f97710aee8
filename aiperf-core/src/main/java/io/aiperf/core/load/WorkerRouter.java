package io.aiperf.core.load;

import java.util.Arrays;

/**
 * Which worker gets a turn. A session's later turns go to the worker of its first turn, which holds the
 * conversation's history. A first turn goes to the worker with the fewest credits in flight, or, when the slots are
 * {@link SlotShares shared out}, to the worker with the most room left for sessions (the lowest index on a tie, so a
 * run is reproducible). A worker that died gets no first turn any more; its sessions are ended by the phase.
 */
final class WorkerRouter {

    private final int[] inFlight;
    private final int[] sessions;
    private final boolean[] alive;
    private int living;
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
        this.alive = new boolean[workers];
        Arrays.fill(alive, true);
        this.living = workers;
    }

    /** Worker {@code w} died: no first turn goes to it any more, and its slot share is spread over the others. */
    void lose(int w) {
        if (!alive[w]) {
            return;
        }
        alive[w] = false;
        living--;
        inFlight[w] = 0;
        sessions[w] = 0;
        if (shares != null) {
            shares.lose(w, alive);
        }
    }

    boolean alive(int w) {
        return alive[w];
    }

    /** Workers still alive. */
    int living() {
        return living;
    }

    /** @param sessionWorker the worker of the session's earlier turns, or -1 for its first turn */
    int route(int sessionWorker) {
        return sessionWorker >= 0 ? sessionWorker : shares == null ? leastLoaded() : mostRoom();
    }

    void sent(int worker) {
        inFlight[worker]++;
    }

    void returned(int worker) {
        if (alive[worker]) {
            inFlight[worker]--;
        }
    }

    void sessionOpened(int worker) {
        sessions[worker]++;
    }

    void sessionClosed(int worker) {
        if (alive[worker]) {
            sessions[worker]--;
        }
    }

    private int leastLoaded() {
        int best = firstAlive();
        for (int i = best + 1; i < inFlight.length; i++) {
            if (alive[i] && inFlight[i] < inFlight[best]) {
                best = i;
            }
        }
        return best;
    }

    private int mostRoom() {
        int best = firstAlive();
        for (int i = best + 1; i < sessions.length; i++) {
            if (alive[i] && shares.capacity(i) - sessions[i] > shares.capacity(best) - sessions[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The lowest-index living worker; the phase routes nothing once none is left. */
    private int firstAlive() {
        for (int i = 0; i < alive.length; i++) {
            if (alive[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no worker is alive");
    }
}
