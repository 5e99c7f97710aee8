package io.aiperf.core.load;

/**
 * Where and when a phase's credits leave the controller.
 *
 * @param workers how many workers share the credits
 * @param urls    base URLs ({@code -u} given several times): each new session takes the next, its turns stay on it
 * @param leadNs  how far ahead of its intended time a scheduled credit is sent (0 = at it). The worker holds it and
 *                sends at the intended instant on the loop that writes it, so the controller's wake-up and the bus
 *                hop do not add to the send lag.
 */
public record Dispatch(int workers, int urls, long leadNs) {

    public Dispatch {
        if (workers < 1 || urls < 1 || leadNs < 0) {
            throw new IllegalArgumentException("need at least one worker and one URL, and a lead >= 0: " + workers
                    + " workers, " + urls + " URLs, lead " + leadNs + " ns");
        }
    }
}
