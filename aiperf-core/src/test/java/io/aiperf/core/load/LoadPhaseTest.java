package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.CreditUnsent;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.message.Message.SlotShare;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The load engine driven by hand: the test owns the clock (every call takes {@code nowNs}), plays the workers
 * (returns, first tokens) and reads the credits the engine sends. No sleeping, so fire times are exact.
 */
class LoadPhaseTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long T0 = 5 * S;

    private final List<Sent> sent = new ArrayList<>();
    private final Map<Long, Sent> open = new HashMap<>();

    private record Sent(int worker, Credit credit) {
    }

    private final CreditSink sink = (w, c) -> {
        Sent s = new Sent(w, c);
        sent.add(s);
        open.put(c.creditId(), s);
    };

    private static PhaseLoad load(ArrivalPattern pattern, Double rate, Integer concurrency, Long count) {
        return new PhaseLoad(pattern, rate, 1.0, concurrency, null, count, null, null, 30.0, null, null, null);
    }

    private static LoadConfig config(TimingMode mode, PhaseLoad profiling) {
        return new LoadConfig(mode, profiling, null, null, 0.0, null, null);
    }

    /** Conversations of {@code turns} turns, each later turn {@code delayMs} after the previous reply. */
    private static SessionSource conversations(int turns, long delayMs) {
        int[] n = {0};
        return () -> {
            List<SessionPlan.TurnPlan> t = new ArrayList<>();
            for (int i = 0; i < turns; i++) {
                t.add(new SessionPlan.TurnPlan(i == 0 ? "{}" : null, i == 0 ? null : TurnInput.text("turn " + i), 10, null, -1, i == 0 ? 0 : delayMs * MS));
            }
            return new SessionPlan("conv-" + n[0]++, t, -1);
        };
    }

    private LoadPhase phase(TimingMode mode, PhaseLoad load, SessionSource source, int workers) {
        return phase(mode, load, source, new Dispatch(workers, 1, 0));
    }

    /** Credits go out at their intended time (no dispatch lead), so the offsets below are the schedule itself. */
    private LoadPhase phase(TimingMode mode, PhaseLoad load, SessionSource source, Dispatch dispatch) {
        return new LoadPhase(CreditPhase.PROFILING, mode, load, source, config(mode, load), 42, dispatch);
    }

    private void giveBack(LoadPhase phase, long creditId, long nowNs) {
        Sent s = open.remove(creditId);
        phase.onReturn(new CreditReturn("w" + s.worker, creditId, s.credit.phase(), false, false, true), nowNs);
    }

    private List<Long> intendedOffsets(LoadPhase phase) {
        return sent.stream().map(s -> s.credit.intendedNs() - phase.startNs()).toList();
    }

    @Test
    void constantRateFiresExactlyOnTheAbsoluteSchedule() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONSTANT, 10.0, null, 5L),
                conversations(1, 0), 2);
        phase.start(T0);
        phase.issueDue(T0, sink);
        assertThat(sent).hasSize(1);
        assertThat(phase.nextWakeNs(T0)).isEqualTo(T0 + 100 * MS);

        phase.issueDue(T0 + 99 * MS, sink);
        assertThat(sent).hasSize(1);
        // Woken 5 ms late (inside the catch-up window): the credit still carries the time the schedule wanted, and
        // the next one is not moved.
        phase.issueDue(T0 + 105 * MS, sink);
        assertThat(sent).hasSize(2);
        assertThat(phase.nextWakeNs(T0 + 105 * MS)).isEqualTo(T0 + 200 * MS);
        for (long t = 200; t <= 400; t += 100) {
            phase.issueDue(T0 + t * MS, sink);
        }
        assertThat(intendedOffsets(phase)).containsExactly(0L, 100 * MS, 200 * MS, 300 * MS, 400 * MS);
        assertThat(phase.sendingDone(T0 + 400 * MS)).isTrue();
        assertThat(phase.complete(T0 + 400 * MS)).isFalse();
        List.copyOf(open.keySet()).forEach(id -> giveBack(phase, id, T0 + 500 * MS));
        assertThat(phase.complete(T0 + 500 * MS)).isTrue();
    }

    @Test
    void aConstantRateNeverDrifts() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONSTANT, 3.0, null, 3001L),
                conversations(1, 0), 1);
        phase.start(T0);
        for (int i = 0; i <= 3000; i++) {
            phase.issueDue(phase.nextWakeNs(0), sink);
        }
        // 3000 intervals of 1/3 s: exactly 1000 s, not 3000 rounded intervals.
        assertThat(intendedOffsets(phase).get(3000)).isEqualTo(1000 * S);
        assertThat(intendedOffsets(phase).get(1)).isEqualTo(333_333_333L);
    }

    @Test
    void poissonGapsAreExponentialWithTheRequestedMean() {
        double rate = 200;
        List<Double> gaps = gaps(ArrivalPattern.POISSON, rate, 1.0, 20_000);
        double mean = gaps.stream().mapToDouble(d -> d).average().orElseThrow();
        assertThat(mean).isCloseTo(1 / rate, within(0.02 / rate));
        assertThat(cv(gaps)).isCloseTo(1.0, within(0.03));
        double p = new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new org.apache.commons.math3.distribution.ExponentialDistribution(1 / rate),
                gaps.stream().mapToDouble(d -> d).toArray());
        assertThat(p).as("KS p-value against Exp(rate)").isGreaterThan(0.001);
    }

    @Test
    void gammaSmoothnessSetsTheVariation() {
        double rate = 100;
        double k = 4;
        List<Double> gaps = gaps(ArrivalPattern.GAMMA, rate, k, 20_000);
        double mean = gaps.stream().mapToDouble(d -> d).average().orElseThrow();
        assertThat(mean).isCloseTo(1 / rate, within(0.02 / rate));
        assertThat(cv(gaps)).isCloseTo(1 / Math.sqrt(k), within(0.02));
        double p = new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new org.apache.commons.math3.distribution.GammaDistribution(k, 1 / (rate * k)),
                gaps.stream().mapToDouble(d -> d).toArray());
        assertThat(p).as("KS p-value against Gamma(k, 1/(rate k))").isGreaterThan(0.001);
        // Burstier than poisson below 1:
        assertThat(cv(gaps(ArrivalPattern.GAMMA, rate, 0.25, 20_000))).isCloseTo(2.0, within(0.1));
    }

    @Test
    void theSameSeedGivesTheSameArrivalsAndAnotherSeedOthers() {
        assertThat(gaps(ArrivalPattern.POISSON, 50, 1, 100)).isEqualTo(gaps(ArrivalPattern.POISSON, 50, 1, 100));
        PhaseLoad l = load(ArrivalPattern.POISSON, 50.0, null, 100L);
        LoadPhase other = new LoadPhase(CreditPhase.PROFILING, TimingMode.REQUEST_RATE, l, conversations(1, 0),
                config(TimingMode.REQUEST_RATE, l), 43, new Dispatch(1, 1, 0));
        other.start(T0);
        for (int i = 0; i < 100; i++) {
            other.issueDue(other.nextWakeNs(0), sink);
        }
        assertThat(sent.get(1).credit.intendedNs()).isNotEqualTo(gapsFirst);
    }

    private long gapsFirst;

    private List<Double> gaps(ArrivalPattern pattern, double rate, double k, int n) {
        PhaseLoad l = new PhaseLoad(pattern, rate, k, null, null, (long) n + 1, null, null, 30.0, null, null, null);
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, l, conversations(1, 0), 1);
        List<Sent> mine = new ArrayList<>();
        phase.start(T0);
        for (int i = 0; i <= n; i++) {
            phase.issueDue(phase.nextWakeNs(0), (w, c) -> mine.add(new Sent(w, c)));
        }
        gapsFirst = mine.get(1).credit.intendedNs();
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < mine.size(); i++) {
            gaps.add((mine.get(i).credit.intendedNs() - mine.get(i - 1).credit.intendedNs()) / 1e9);
        }
        return gaps;
    }

    private static double cv(List<Double> xs) {
        double mean = xs.stream().mapToDouble(d -> d).average().orElseThrow();
        double var = xs.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / xs.size();
        return Math.sqrt(var) / mean;
    }

    @Test
    void burstHandsEachWorkerItsShareOfTheSlotsAndAsManyCreditsAgainToWait() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONCURRENCY_BURST, null, 5, 20L),
                conversations(1, 0), 2);
        phase.start(T0);
        assertThat(phase.slotShares()).as("the shares add up to the concurrency")
                .containsExactly(new SlotShare(CreditPhase.PROFILING, 3, Long.MAX_VALUE),
                        new SlotShare(CreditPhase.PROFILING, 2, Long.MAX_VALUE));
        phase.issueDue(T0, sink);
        assertThat(sent.stream().filter(s -> s.worker == 0)).as("3 running + 3 waiting").hasSize(6);
        assertThat(sent.stream().filter(s -> s.worker == 1)).as("2 running + 2 waiting").hasSize(4);
        phase.issueDue(T0 + MS, sink);
        assertThat(sent).hasSize(10);
        giveBack(phase, 1, T0 + 2 * MS);
        phase.issueDue(T0 + 2 * MS, sink);
        assertThat(sent).hasSize(11);
        assertThat(sent.get(10).worker).as("refills the worker that freed a slot").isEqualTo(sent.get(1).worker);
        assertThat(sent.get(10).credit.intendedNs()).isEqualTo(T0 + 2 * MS);
    }

    @Test
    void aDeadWorkersCreditsAreLostItsShareGoesToTheOthersAndTheRequestCountStillHolds() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONCURRENCY_BURST, null, 5, 40L),
                conversations(1, 0), 2);
        phase.start(T0);
        phase.issueDue(T0, sink);
        List<Long> onWorker1 = sent.stream().filter(s -> s.worker == 1).map(s -> s.credit.creditId()).toList();
        assertThat(onWorker1).hasSize(4);

        List<Credit> lost = phase.workerLost(1, T0 + MS);
        assertThat(lost).extracting(Credit::creditId).containsExactlyElementsOf(onWorker1);
        onWorker1.forEach(open::remove);
        assertThat(phase.returned()).isEqualTo(4);
        assertThat(phase.failed()).isEqualTo(4);
        assertThat(phase.recorded()).as("the controller records each lost credit").isEqualTo(4);
        assertThat(phase.slotShares()).as("the survivor runs the whole concurrency")
                .containsExactly(new SlotShare(CreditPhase.PROFILING, 5, Long.MAX_VALUE),
                        new SlotShare(CreditPhase.PROFILING, 0, Long.MAX_VALUE));

        long now = T0 + MS;
        phase.issueDue(now, sink);
        assertThat(sent).as("the freed sessions refill the survivor up to its new capacity").hasSize(14);
        while (!phase.complete(now)) {
            now += MS;
            long returnedNs = now;
            List.copyOf(open.keySet()).forEach(id -> giveBack(phase, id, returnedNs));
            phase.issueDue(now, sink);
        }
        assertThat(sent.subList(10, sent.size())).extracting(Sent::worker).containsOnly(0);
        assertThat(phase.sent()).isEqualTo(40);
        assertThat(phase.recorded()).as("records + lost = request count").isEqualTo(40);
        assertThat(phase.failed()).isEqualTo(4);
    }

    @Test
    void aSessionWaitingForItsNextTurnOnADeadWorkerEndsAndItsSlotOpensANewSessionElsewhere() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONCURRENCY_BURST, null, 2, null),
                conversations(2, 10), 2);
        phase.start(T0);
        phase.issueDue(T0, sink);
        Sent first1 = sent.stream().filter(s -> s.worker == 1).findFirst().orElseThrow();
        giveBack(phase, first1.credit.creditId(), T0 + MS); // its second turn is due at T0 + 11 ms, on worker 1
        assertThat(phase.workerLost(1, T0 + 2 * MS)).extracting(Credit::creditId)
                .doesNotContain(first1.credit.creditId());
        sent.stream().filter(s -> s.worker == 1).forEach(s -> open.remove(s.credit.creditId()));
        int before = sent.size();
        phase.issueDue(T0 + 20 * MS, sink);
        assertThat(sent.subList(before, sent.size())).as("nothing goes to the dead worker").isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.worker).isZero();
                    assertThat(s.credit.turnIndex()).as("new sessions, not the orphaned turn").isZero();
                });
    }

    @Test
    void whenTheLastWorkerDiesThePhaseStopsAndIsComplete() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONCURRENCY_BURST, null, 2, 40L),
                conversations(1, 0), 1);
        phase.start(T0);
        phase.issueDue(T0, sink);
        assertThat(phase.workerLost(0, T0 + MS)).hasSize(4);
        assertThat(phase.inFlight()).isZero();
        assertThat(phase.complete(T0 + MS)).isTrue();
        int before = sent.size();
        phase.issueDue(T0 + 2 * MS, sink);
        assertThat(sent).hasSize(before);
    }

    @Test
    void aWorkerWithoutAShareGetsNoCredits() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONCURRENCY_BURST, null, 1, 20L),
                conversations(1, 0), 3);
        phase.start(T0);
        assertThat(phase.slotShares()).extracting(SlotShare::slots).containsExactly(1, 0, 0);
        phase.issueDue(T0, sink);
        for (long id = 0; id < 10; id++) {
            giveBack(phase, id, T0 + id * MS);
            phase.issueDue(T0 + id * MS, sink);
        }
        assertThat(sent).extracting(Sent::worker).containsOnly(0);
    }

    @Test
    void creditsLeftWaitingAtTheDurationsEndComeBackUnsentAndCountAsNeitherSentNorReturned() {
        PhaseLoad l = new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, 2, null, null, null, 1.0, 30.0,
                null, null, null);
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, l, conversations(1, 0), 1);
        phase.start(T0);
        assertThat(phase.slotShares()).containsExactly(new SlotShare(CreditPhase.PROFILING, 2, T0 + S));
        phase.issueDue(T0, sink);
        assertThat(sent).hasSize(4);
        assertThat(phase.onUnsent(new CreditUnsent("w0", 3, CreditPhase.PROFILING), T0 + S)).isTrue();
        assertThat(phase.onUnsent(new CreditUnsent("w0", 3, CreditPhase.PROFILING), T0 + S))
                .as("once only").isFalse();
        assertThat(phase.sent()).isEqualTo(3);
        assertThat(phase.returned()).isZero();
        assertThat(phase.inFlight()).isEqualTo(3);
        open.remove(3L);
        List.copyOf(open.keySet()).forEach(id -> giveBack(phase, id, T0 + S));
        assertThat(phase.complete(T0 + S)).isTrue();
        assertThat(phase.returned()).isEqualTo(3);
    }

    @Test
    void theControllerKeepsTheSlotsWhenTheyCanChangeOrAFirstTokenFreesThem() {
        PhaseLoad ramped = new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, 8, null, 100L, null, null,
                30.0, null, 10.0, null);
        PhaseLoad prefill = new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, 8, 2, 100L, null, null,
                30.0, null, null, null);
        PhaseLoad rate = load(ArrivalPattern.CONSTANT, 100.0, 8, 100L);
        PhaseLoad unlimited = load(ArrivalPattern.CONCURRENCY_BURST, null, null, 100L);
        for (PhaseLoad l : List.of(ramped, prefill, rate, unlimited)) {
            LoadPhase phase = phase(TimingMode.REQUEST_RATE, l, conversations(1, 0), 2);
            phase.start(T0);
            assertThat(phase.slotShares()).as(l.toString()).isEmpty();
        }
    }

    @Test
    void theRequestCountIsExactEvenWhenManySlotsFreeAtOnce() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONCURRENCY_BURST, null, 4, 5L),
                conversations(1, 0), 1);
        phase.start(T0);
        phase.issueDue(T0, sink);
        List.copyOf(open.keySet()).forEach(id -> giveBack(phase, id, T0 + MS));
        phase.issueDue(T0 + MS, sink);
        assertThat(sent).hasSize(5);
        assertThat(phase.sendingDone(T0 + MS)).isTrue();
    }

    @Test
    void aConcurrencyCeilingHoldsRateTicksBackAndTheLatenessIsKept() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONSTANT, 100.0, 2, 10L),
                conversations(1, 0), 1);
        phase.start(T0);
        phase.issueDue(T0, sink);
        phase.issueDue(T0 + 10 * MS, sink);
        phase.issueDue(T0 + 20 * MS, sink);
        assertThat(sent).hasSize(2);
        giveBack(phase, 0, T0 + 25 * MS);
        phase.issueDue(T0 + 25 * MS, sink);
        assertThat(sent).hasSize(3);
        // Sent at 25 ms for the 20 ms tick: 5 ms late, and the record will say so.
        assertThat(sent.get(2).credit.intendedNs()).isEqualTo(T0 + 20 * MS);
    }

    @Test
    void farBehindTheScheduleReanchorsInsteadOfBursting() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONSTANT, 1000.0, 1, 100L),
                conversations(1, 0), 1);
        phase.start(T0);
        phase.issueDue(T0, sink);
        giveBack(phase, 0, T0 + 500 * MS); // blocked for half a second: 500 ticks missed
        phase.issueDue(T0 + 500 * MS, sink);
        giveBack(phase, 1, T0 + 500 * MS);
        phase.issueDue(T0 + 500 * MS, sink);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).credit.intendedNs()).as("the late credit keeps its original time").isEqualTo(T0 + MS);
        assertThat(phase.nextWakeNs(T0 + 500 * MS)).isEqualTo(T0 + 501 * MS);
    }

    @Test
    void aSessionHoldsItsSlotAcrossTurnsAndItsTurnsStickToOneWorker() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONCURRENCY_BURST, null, 1, 6L),
                conversations(3, 50), 3);
        phase.start(T0);
        phase.issueDue(T0, sink);
        assertThat(sent).as("one session running, one waiting on the same worker").hasSize(2);
        assertThat(sent).extracting(Sent::worker).containsOnly(0);
        giveBack(phase, 0, T0 + 10 * MS);
        phase.issueDue(T0 + 10 * MS, sink);
        assertThat(sent).as("the next turn waits for its 50 ms delay; no new session takes the slot").hasSize(2);
        assertThat(phase.nextWakeNs(T0 + 10 * MS)).isEqualTo(T0 + 60 * MS);
        phase.issueDue(T0 + 60 * MS, sink);
        assertThat(sent).hasSize(3);
        Credit second = sent.get(2).credit;
        assertThat(second.turnIndex()).isEqualTo(1);
        assertThat(second.xCorrelationId()).isEqualTo(sent.get(0).credit.xCorrelationId());
        assertThat(second.payloadJson()).isNull();
        assertThat(second.turnText()).isEqualTo("turn 1");
        assertThat(sent.get(2).worker).isEqualTo(sent.get(0).worker);
        giveBack(phase, 2, T0 + 70 * MS);
        phase.issueDue(T0 + 120 * MS, sink);
        giveBack(phase, 3, T0 + 130 * MS);
        phase.issueDue(T0 + 130 * MS, sink);
        assertThat(sent).as("the first session is over: a new one may wait in its place").hasSize(5);
        assertThat(sent.get(4).credit.turnIndex()).isZero();
        assertThat(sent.get(4).credit.xCorrelationId()).isNotEqualTo(second.xCorrelationId());
    }

    @Test
    void durationStopsIssuingAndTheGraceDeadlineFollows() {
        PhaseLoad l = new PhaseLoad(ArrivalPattern.CONSTANT, 10.0, 1.0, null, null, null, null, 1.0, 2.0, null,
                null, null);
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, l, conversations(1, 0), 1);
        assertThat(phase.durationOver(T0 + 5 * S)).as("not started").isFalse();
        phase.start(T0);
        for (long t = 0; t < 1000; t += 100) {
            phase.issueDue(T0 + t * MS, sink);
        }
        assertThat(sent).hasSize(10);
        assertThat(phase.durationOver(T0 + 999 * MS)).isFalse();
        phase.issueDue(T0 + 1000 * MS, sink);
        assertThat(sent).hasSize(10);
        assertThat(phase.sendingDone(T0 + 1000 * MS)).isTrue();
        assertThat(phase.durationOver(T0 + 1000 * MS)).isTrue();
        assertThat(phase.graceDeadlineNs()).isEqualTo(T0 + 3 * S);
        assertThat(phase.durationNs()).isEqualTo(S);
        assertThat(phase.gracePeriodNs()).isEqualTo(2 * S);
    }

    @Test
    void prefillSlotsAreFreedByTheFirstToken() {
        PhaseLoad l = new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, 8, 2, 10L, null, null, 30.0, null,
                null, null);
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, l, conversations(1, 0), 1);
        phase.start(T0);
        phase.issueDue(T0, sink);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).credit.reportFirstToken()).isTrue();
        phase.onFirstToken(new FirstToken("w0", 0, CreditPhase.PROFILING));
        phase.issueDue(T0 + MS, sink);
        assertThat(sent).hasSize(3);
    }

    @Test
    void cancellationIsDrawnAtTheRequestedRateForProfilingOnly() {
        PhaseLoad l = load(ArrivalPattern.CONCURRENCY_BURST, null, 10_000, 10_000L);
        LoadConfig c = new LoadConfig(TimingMode.REQUEST_RATE, l, null, 30.0, 0.25, null, null);
        LoadPhase phase = new LoadPhase(CreditPhase.PROFILING, TimingMode.REQUEST_RATE, l, conversations(1, 0), c, 7,
                new Dispatch(1, 1, 0));
        phase.start(T0);
        phase.issueDue(T0, sink);
        long cancelled = sent.stream().filter(s -> s.credit.cancelAfterNs() != null).count();
        assertThat(cancelled).isBetween(2_800L, 3_200L);
        assertThat(sent.stream().filter(s -> s.credit.cancelAfterNs() != null))
                .allMatch(s -> s.credit.cancelAfterNs() == 250 * MS);

        sent.clear();
        LoadPhase warmup = new LoadPhase(CreditPhase.WARMUP, TimingMode.REQUEST_RATE, l, conversations(1, 0), c, 7,
                new Dispatch(1, 1, 0));
        warmup.start(T0);
        warmup.issueDue(T0, sink);
        assertThat(sent).allMatch(s -> s.credit.cancelAfterNs() == null);
    }

    @Test
    void userCentricKeepsEachUsersGapAndNeverTwoTurnsInFlightPerUser() {
        PhaseLoad l = load(ArrivalPattern.CONCURRENCY_BURST, null, null, 100L);
        LoadConfig c = new LoadConfig(TimingMode.USER_CENTRIC_RATE, l, null, null, 0.0,
                new LoadConfig.UserCentric(2.0, 4), null);
        LoadPhase phase = new LoadPhase(CreditPhase.PROFILING, TimingMode.USER_CENTRIC_RATE, l, conversations(3, 0),
                c, 1, new Dispatch(2, 1, 0));
        phase.start(T0);
        for (long t = 0; t <= 1500; t += 500) {
            phase.issueDue(T0 + t * MS, sink);
        }
        // Four users staggered by 1/qps = 500 ms.
        assertThat(intendedOffsets(phase)).containsExactly(0L, 500 * MS, 1000 * MS, 1500 * MS);
        // User 0's next turn is due one gap (users/qps = 2 s) after its first, not before, and only once returned.
        phase.issueDue(T0 + 2000 * MS, sink);
        assertThat(sent).hasSize(4);
        giveBack(phase, 0, T0 + 2100 * MS);
        phase.issueDue(T0 + 2100 * MS, sink);
        assertThat(sent).hasSize(5);
        assertThat(sent.get(4).credit.turnIndex()).isEqualTo(1);
        assertThat(sent.get(4).credit.intendedNs()).isEqualTo(T0 + 2100 * MS);
    }

    @Test
    void sessionsRoundRobinOverTheUrlsAndTheirTurnsStayOnOne() {
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, load(ArrivalPattern.CONCURRENCY_BURST, null, 3, 30L),
                conversations(2, 0), new Dispatch(1, 2, 0));
        phase.start(T0);
        phase.issueDue(T0, sink);
        assertThat(sent).extracting(s -> s.credit.urlIndex()).containsExactly(0, 1, 0, 1, 0, 1);
        giveBack(phase, 1, T0 + MS);
        phase.issueDue(T0 + MS, sink);
        assertThat(sent.get(6).credit.turnIndex()).isEqualTo(1);
        assertThat(sent.get(6).credit.urlIndex()).isEqualTo(1);
    }

    @Test
    void aConcurrencyRampOpensSlotsGradually() {
        PhaseLoad l = new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, 11, null, 1000L, null, null, 30.0,
                null, 10.0, null);
        LoadPhase phase = phase(TimingMode.REQUEST_RATE, l, conversations(1, 0), 1);
        phase.start(T0);
        phase.issueDue(T0, sink);
        assertThat(sent).hasSize(1);
        phase.issueDue(T0 + 5 * S, sink);
        assertThat(phase.inFlight()).isEqualTo(6);
        phase.issueDue(T0 + 10 * S, sink);
        assertThat(phase.inFlight()).isEqualTo(11);
    }

    @Test
    void aFixedScheduleFiresEachSessionAtItsOffset() {
        List<SessionPlan> plans = List.of(
                new SessionPlan("a", List.of(new SessionPlan.TurnPlan("{}", null, 1, 1L, -1, 0)), 0),
                new SessionPlan("b", List.of(new SessionPlan.TurnPlan("{}", null, 1, 1L, -1, 0)), 250 * MS),
                new SessionPlan("c", List.of(new SessionPlan.TurnPlan("{}", null, 1, 1L, -1, 0)), 250 * MS));
        int[] next = {0};
        SessionSource trace = new SessionSource() {
            @Override
            public SessionPlan next() {
                return next[0] < plans.size() ? plans.get(next[0]++) : null;
            }

            @Override
            public long peekStartOffsetNs() {
                return next[0] < plans.size() ? plans.get(next[0]).startOffsetNs() : -1;
            }
        };
        PhaseLoad l = load(ArrivalPattern.CONCURRENCY_BURST, null, null, null);
        LoadPhase phase = phase(TimingMode.FIXED_SCHEDULE, l, trace, 1);
        phase.start(T0);
        phase.issueDue(T0, sink);
        assertThat(phase.nextWakeNs(T0)).isEqualTo(T0 + 250 * MS);
        phase.issueDue(T0 + 251 * MS, sink);
        assertThat(sent).extracting(s -> s.credit.conversationId()).containsExactly("a", "b", "c");
        assertThat(intendedOffsets(phase)).containsExactly(0L, 250 * MS, 250 * MS);
        List.copyOf(open.keySet()).forEach(id -> giveBack(phase, id, T0 + 300 * MS));
        assertThat(phase.complete(T0 + 300 * MS)).isTrue();
    }
}
