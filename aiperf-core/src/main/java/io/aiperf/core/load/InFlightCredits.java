package io.aiperf.core.load;

import java.util.HashMap;
import java.util.Map;

/** Credits sent and not yet returned, each with what its return must give back: its worker and its prefill slot. */
final class InFlightCredits {

    /** One credit out at a worker. */
    static final class Flight {
        private final Session session;
        private final int worker;
        private boolean holdsPrefill;

        private Flight(Session session, int worker, boolean holdsPrefill) {
            this.session = session;
            this.worker = worker;
            this.holdsPrefill = holdsPrefill;
        }

        Session session() {
            return session;
        }

        int worker() {
            return worker;
        }

        boolean holdsPrefill() {
            return holdsPrefill;
        }
    }

    private final Map<Long, Flight> byCreditId = new HashMap<>();

    void add(long creditId, Session session, int worker, boolean holdsPrefill) {
        byCreditId.put(creditId, new Flight(session, worker, holdsPrefill));
    }

    /** @return the credit's flight, or null when it is not (or no longer) in flight */
    Flight remove(long creditId) {
        return byCreditId.remove(creditId);
    }

    /** The first token came: the credit gives its prefill slot up. @return true if it held one until now */
    boolean releasePrefill(long creditId) {
        Flight f = byCreditId.get(creditId);
        if (f == null || !f.holdsPrefill) {
            return false;
        }
        f.holdsPrefill = false;
        return true;
    }

    int size() {
        return byCreditId.size();
    }
}
