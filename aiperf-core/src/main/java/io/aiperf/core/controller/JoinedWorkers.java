package io.aiperf.core.controller;

import io.aiperf.core.message.BusProtocol;
import io.aiperf.core.message.Message.WorkerJoin;
import io.aiperf.core.service.AiperfVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workers that join the run from other hosts ({@code --remote-workers N}): which are let in, and when each was
 * last heard from. A join is refused, with one line for both sides, when the worker runs another build (version or
 * bus protocol), its id is taken, the run has its N already, or the load has started. During the load a joined
 * worker that sends nothing for the silence timeout is lost: its host died, or the network between them parted (a
 * worker reports its status every second, so silence is never just a quiet moment). Controller thread only.
 */
final class JoinedWorkers {

    /** A worker that was let in. */
    record Joined(String id, String host, long pid) {
    }

    private final int expected;
    private final long silenceNs;
    private final String version;
    private final String protocol;
    private final Map<String, Joined> joined = new LinkedHashMap<>();
    /** By joined worker, in join order: when it was last heard from (controller nanoTime). */
    private final Map<String, Long> lastHeardNs = new LinkedHashMap<>();
    private final Set<String> reportedSilent = new java.util.HashSet<>();

    JoinedWorkers(int expected, double silenceTimeoutSeconds) {
        this(expected, silenceTimeoutSeconds, AiperfVersion.VERSION, BusProtocol.FINGERPRINT);
    }

    /** With the build the controller claims to be (tests). */
    JoinedWorkers(int expected, double silenceTimeoutSeconds, String version, String protocol) {
        this.expected = expected;
        this.silenceNs = Math.round(silenceTimeoutSeconds * 1e9);
        this.version = version;
        this.protocol = protocol;
    }

    int expected() {
        return expected;
    }

    /** Every expected worker has joined. */
    boolean complete() {
        return joined.size() >= expected;
    }

    List<Joined> joined() {
        return List.copyOf(joined.values());
    }

    Joined get(String id) {
        return joined.get(id);
    }

    boolean isJoined(String id) {
        return joined.containsKey(id);
    }

    /**
     * Why {@code join} is refused, one line, or null when it may join.
     *
     * @param takenIds    the ids of the run's other workers (the controller's own among them)
     * @param loadStarted the first phase has begun: its slots and credits are already shared out
     */
    String refusal(WorkerJoin join, Set<String> takenIds, boolean loadStarted) {
        if (!version.equals(join.version()) || !protocol.equals(join.protocol())) {
            return "it runs aiperf " + join.version() + " (bus protocol " + join.protocol() + "), the controller "
                    + version + " (bus protocol " + protocol + "): run the same build on every host";
        }
        if (joined.containsKey(join.workerId()) || takenIds.contains(join.workerId())) {
            return "the id " + join.workerId() + " is taken by another worker of this run: give each worker its own "
                    + "--id";
        }
        if (loadStarted) {
            return "the run has started; a worker can only join before the load begins";
        }
        if (complete()) {
            return "the run has the " + expected + " remote worker(s) it waits for (--remote-workers " + expected
                    + ")";
        }
        return null;
    }

    void accept(WorkerJoin join, long nowNs) {
        joined.put(join.workerId(), new Joined(join.workerId(), join.host(), join.pid()));
        lastHeardNs.put(join.workerId(), nowNs);
    }

    /** Anything from a joined worker proves it is there; a message from another worker is ignored. */
    void heard(String id, long nowNs) {
        if (lastHeardNs.containsKey(id)) {
            lastHeardNs.put(id, nowNs);
        }
    }

    /** The joined workers silent for the silence timeout as of {@code nowNs}, each returned once. */
    List<Joined> newlySilent(long nowNs) {
        if (lastHeardNs.isEmpty()) {
            return List.of(); // a run without joined workers: not even an iterator on each pass of the load loop
        }
        List<Joined> silent = null; // called on every pass of the load loop: nothing allocated while all talk
        for (Map.Entry<String, Long> e : lastHeardNs.entrySet()) {
            if (nowNs - e.getValue() >= silenceNs && reportedSilent.add(e.getKey())) {
                if (silent == null) {
                    silent = new ArrayList<>();
                }
                silent.add(joined.get(e.getKey()));
            }
        }
        return silent == null ? List.of() : silent;
    }

    /** {@code id} is a joined worker that has sent nothing for the silence timeout as of {@code nowNs}. */
    boolean silentAt(String id, long nowNs) {
        Long heard = lastHeardNs.get(id);
        return heard != null && nowNs - heard >= silenceNs;
    }

    /** From the handshake's end on, silence counts from now: a worker's warm-up may keep it quiet for a while. */
    void restartSilenceClocks(long nowNs) {
        lastHeardNs.replaceAll((id, heard) -> nowNs);
    }

    /** The one-line cause for a worker whose connection to the controller closed. */
    String closedCause(Joined worker) {
        return "on " + worker.host() + " closed its connection to the controller";
    }

    /** The one-line cause for a worker found silent. */
    String silenceCause(Joined worker) {
        return "on " + worker.host() + " sent nothing for " + Math.round(silenceNs / 1e9)
                + " s (its host is down or the network to it is cut)";
    }
}
