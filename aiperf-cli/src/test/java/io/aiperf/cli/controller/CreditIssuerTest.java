package io.aiperf.cli.controller;

import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The concurrency limit, least-loaded routing and phase completion of credit issuing. */
class CreditIssuerTest {

    private record Sent(String workerId, Credit credit) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final CreditIssuer issuer = new CreditIssuer(4, List.of("w0", "w1"),
            phase -> new CreditIssuer.NextRequest("conv", "{}"));

    private int issue() {
        return issuer.issue((w, c) -> sent.add(new Sent(w, c)));
    }

    private void giveBack(Sent s, boolean failed) {
        issuer.onReturn(new CreditReturn(s.workerId(), s.credit().creditId(), s.credit().phase(), failed, false, true));
    }

    @Test
    void neverMoreInFlightThanTheConcurrencyAndSpreadEvenly() {
        issuer.startPhase(CreditPhase.PROFILING, 10);
        assertThat(issue()).isEqualTo(4);
        assertThat(issue()).isZero();
        Map<String, Long> perWorker = sent.stream().collect(Collectors.groupingBy(Sent::workerId, Collectors.counting()));
        assertThat(perWorker).containsEntry("w0", 2L).containsEntry("w1", 2L);
        assertThat(sent).extracting(s -> s.credit().creditId()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aReturnedCreditGoesBackToTheLeastLoadedWorker() {
        issuer.startPhase(CreditPhase.PROFILING, 10);
        issue();
        Sent fromW1 = sent.stream().filter(s -> s.workerId().equals("w1")).findFirst().orElseThrow();
        giveBack(fromW1, false);
        assertThat(issue()).isEqualTo(1);
        assertThat(sent.get(sent.size() - 1).workerId()).isEqualTo("w1");
    }

    @Test
    void aPhaseIsCompleteWhenEveryCreditIsBack() {
        issuer.startPhase(CreditPhase.WARMUP, 5);
        while (!issuer.phaseComplete()) {
            issue();
            giveBack(sent.get((int) issuer.returned()), issuer.returned() == 0);
        }
        assertThat(issuer.sent()).isEqualTo(5);
        assertThat(issuer.failed()).isEqualTo(1);
        assertThat(issuer.recorded()).isEqualTo(5);
    }

    @Test
    void stoppingFinishesOnceInFlightCreditsReturn() {
        issuer.startPhase(CreditPhase.PROFILING, 100);
        issue();
        issuer.stopIssuing();
        assertThat(issue()).isZero();
        assertThat(issuer.phaseComplete()).isFalse();
        sent.forEach(s -> giveBack(s, false));
        assertThat(issuer.phaseComplete()).isTrue();
    }

    @Test
    void returnsOfAnotherPhaseAreIgnored() {
        issuer.startPhase(CreditPhase.PROFILING, 10);
        issue();
        assertThat(issuer.onReturn(new CreditReturn("w0", 0, CreditPhase.WARMUP, false, false, true))).isFalse();
        assertThat(issuer.inFlight()).isEqualTo(4);
    }
}
