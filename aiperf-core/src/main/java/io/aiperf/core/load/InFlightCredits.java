package io.aiperf.core.load;

import io.aiperf.core.message.Credit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Credits sent and not yet returned, each with what its return must give back (its worker and its prefill slot) and
 * the credit itself, from which the controller writes an error record when the worker holding it dies.
 */
final class InFlightCredits {

    /** One credit out at a worker. */
    static final class Flight {
        private final Credit credit;
        private final Session session;
        private final int worker;
        private boolean holdsPrefill;

        private Flight(Credit credit, Session session, int worker, boolean holdsPrefill) {
            this.credit = credit;
            this.session = session;
            this.worker = worker;
            this.holdsPrefill = holdsPrefill;
        }

        Credit credit() {
            return credit;
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

    void add(Credit credit, Session session, int worker, boolean holdsPrefill) {
        byCreditId.put(credit.creditId(), new Flight(credit, session, worker, holdsPrefill));
    }

    /** @return the credit's flight, or null when it is not (or no longer) in flight */
    Flight remove(long creditId) {
        return byCreditId.remove(creditId);
    }

    /** Takes out every credit held by {@code worker} (it died), in credit order. */
    List<Flight> removeWorker(int worker) {
        List<Flight> out = new ArrayList<>();
        for (Iterator<Flight> it = byCreditId.values().iterator(); it.hasNext(); ) {
            Flight f = it.next();
            if (f.worker == worker) {
                out.add(f);
                it.remove();
            }
        }
        out.sort((a, b) -> Long.compare(a.credit.creditId(), b.credit.creditId()));
        return out;
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
