package io.aiperf.core.load;

/**
 * Where and when a phase's credits leave the controller.
 *
 * @param workers   how many workers share the credits
 * @param urls      base URLs ({@code -u} given several times): each new session takes the next, its turns stay on it
 * @param sendAhead how far ahead of its intended time a scheduled credit is sent, and how credits are gathered into
 *                  one pass. The worker holds a credit and sends it at the intended instant on the loop that writes
 *                  it, so the controller's wake-up and the bus hop do not add to the send lag.
 */
public record Dispatch(int workers, int urls, SendAhead sendAhead) {

    public Dispatch {
        if (workers < 1 || urls < 1 || sendAhead == null) {
            throw new IllegalArgumentException("need at least one worker, one URL and a send-ahead: " + workers
                    + " workers, " + urls + " URLs, " + sendAhead);
        }
    }

    /** Each scheduled credit leaves exactly {@code leadNs} ahead, in a pass of its own (tests; 0 = at its time). */
    public Dispatch(int workers, int urls, long leadNs) {
        this(workers, urls, SendAhead.exactly(leadNs));
    }
}
