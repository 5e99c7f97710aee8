package io.aiperf.core.controller;

import io.aiperf.core.message.Message.WorkerJoin;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JoinedWorkersTest {

    private static final long S = 1_000_000_000L;

    private final JoinedWorkers two = new JoinedWorkers(2, 10, "1.2.0", "abc");

    private static WorkerJoin join(String id, String version, String protocol) {
        return new WorkerJoin(id, version, protocol, "host-" + id, 77);
    }

    @Test
    void aWorkerOfTheSameBuildIsLetIn() {
        assertThat(two.refusal(join("a", "1.2.0", "abc"), Set.of("worker-0"), false)).isNull();
        two.accept(join("a", "1.2.0", "abc"), 0);
        assertThat(two.isJoined("a")).isTrue();
        assertThat(two.complete()).isFalse();
    }

    @Test
    void anotherVersionOrProtocolIsRefusedNamingBoth() {
        assertThat(two.refusal(join("a", "1.1.0", "abc"), Set.of(), false))
                .isEqualTo("it runs aiperf 1.1.0 (bus protocol abc), the controller 1.2.0 (bus protocol abc): "
                        + "run the same build on every host");
        assertThat(two.refusal(join("a", "1.2.0", "abd"), Set.of(), false)).contains("bus protocol abd");
    }

    @Test
    void aTakenIdIsRefused() {
        two.accept(join("a", "1.2.0", "abc"), 0);
        assertThat(two.refusal(join("a", "1.2.0", "abc"), Set.of(), false)).contains("the id a is taken");
        assertThat(two.refusal(join("worker-0", "1.2.0", "abc"), Set.of("worker-0"), false))
                .contains("the id worker-0 is taken");
    }

    @Test
    void aFullOrStartedRunIsRefused() {
        two.accept(join("a", "1.2.0", "abc"), 0);
        two.accept(join("b", "1.2.0", "abc"), 0);
        assertThat(two.complete()).isTrue();
        assertThat(two.refusal(join("c", "1.2.0", "abc"), Set.of(), false))
                .isEqualTo("the run has the 2 remote worker(s) it waits for (--remote-workers 2)");
        assertThat(new JoinedWorkers(2, 10, "1.2.0", "abc").refusal(join("c", "1.2.0", "abc"), Set.of(), true))
                .startsWith("the run has started");
    }

    @Test
    void aWorkerSilentForTheTimeoutIsReportedOnce() {
        two.accept(join("a", "1.2.0", "abc"), 0);
        two.accept(join("b", "1.2.0", "abc"), 0);
        two.heard("b", 5 * S);
        two.heard("stranger", 5 * S); // not joined: ignored

        assertThat(two.newlySilent(9 * S)).isEmpty();
        assertThat(two.newlySilent(10 * S)).extracting(JoinedWorkers.Joined::id).containsExactly("a");
        assertThat(two.newlySilent(11 * S)).isEmpty();
        assertThat(two.newlySilent(15 * S)).extracting(JoinedWorkers.Joined::id).containsExactly("b");
        assertThat(two.silenceCause(two.get("a")))
                .isEqualTo("on host-a sent nothing for 10 s (its host is down or the network to it is cut)");
    }

    /** The handshake asks about one worker at a time (one configuring may be quiet), and asks again each pass. */
    @Test
    void silentAtAsksAboutOneJoinedWorkerWithoutReportingIt() {
        two.accept(join("a", "1.2.0", "abc"), 0);
        two.heard("a", 3 * S);

        assertThat(two.silentAt("a", 12 * S)).isFalse();
        assertThat(two.silentAt("a", 13 * S)).isTrue();
        assertThat(two.silentAt("a", 14 * S)).isTrue();
        assertThat(two.silentAt("stranger", 14 * S)).as("not joined").isFalse();
        assertThat(two.newlySilent(14 * S)).as("still reported once by the load").hasSize(1);
    }

    /** The handshake (warm-up) can keep a worker quiet: silence counts from each phase's start. */
    @Test
    void silenceCountsFromThePhaseStart() {
        two.accept(join("a", "1.2.0", "abc"), 0);
        two.restartSilenceClocks(30 * S);
        assertThat(two.newlySilent(39 * S)).isEmpty();
        assertThat(two.newlySilent(40 * S)).hasSize(1);
    }
}
