package io.aiperf.worker.slots;

import io.aiperf.core.message.Credit;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SlotGateTest {

    /** Records what the gate started and refused. */
    private static final class Recorder implements SlotGate.Outlet {
        final List<Long> started = new CopyOnWriteArrayList<>();
        final List<Long> unsent = new CopyOnWriteArrayList<>();

        @Override
        public void start(SlotGate.Waiting waiting, long grantedNs) {
            started.add(waiting.credit().creditId());
        }

        @Override
        public void unsent(Credit credit) {
            unsent.add(credit.creditId());
        }
    }

    private static SlotGate.Waiting turn(long id) {
        return new SlotGate.Waiting(Credit.unscheduled(id, CreditPhase.PROFILING, "c", "x" + id, "{}"), "{}", null);
    }

    @Test
    void aLargerShareStartsWaitingTurnsAtOnceAndASmallerOneTakesEffectAsSessionsEnd() {
        Recorder out = new Recorder();
        SlotGate gate = new SlotGate(1, Long.MAX_VALUE, out);
        for (long id = 0; id < 4; id++) {
            gate.offer(turn(id));
        }
        assertThat(out.started).containsExactly(0L);
        gate.resize(3); // another worker died: two of its slots come here
        assertThat(out.started).containsExactly(0L, 1L, 2L);
        gate.resize(1);
        gate.release();
        gate.release();
        assertThat(out.started).as("three running, share one: two ends free nothing").containsExactly(0L, 1L, 2L);
        gate.release();
        assertThat(out.started).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void turnsStartAtOnceWhileSlotsAreFreeThenOnePerReleaseInArrivalOrder() {
        Recorder out = new Recorder();
        SlotGate gate = new SlotGate(2, Long.MAX_VALUE, out);
        for (long id = 0; id < 5; id++) {
            gate.offer(turn(id));
        }
        assertThat(out.started).containsExactly(0L, 1L);
        assertThat(gate.waiting()).isEqualTo(3);
        gate.release();
        assertThat(out.started).containsExactly(0L, 1L, 2L);
        gate.release();
        gate.release();
        gate.release();
        assertThat(out.started).containsExactly(0L, 1L, 2L, 3L, 4L);
        gate.offer(turn(5));
        assertThat(out.started).as("a slot freed with nobody waiting is kept for the next").endsWith(5L);
        assertThat(out.unsent).isEmpty();
    }

    @Test
    void aZeroShareStartsNothing() {
        Recorder out = new Recorder();
        SlotGate gate = new SlotGate(0, Long.MAX_VALUE, out);
        gate.offer(turn(0));
        assertThat(out.started).isEmpty();
        assertThat(gate.waiting()).isOne();
    }

    @Test
    void afterTheSendingWindowClosesTurnsAreRefusedEvenWithASlotFree() {
        Recorder out = new Recorder();
        SlotGate gate = new SlotGate(1, System.nanoTime() - 1, out);
        gate.offer(turn(0));
        gate.offer(turn(1));
        assertThat(out.started).isEmpty();
        assertThat(out.unsent).containsExactly(0L, 1L);
    }

    @Test
    void closingRefusesWhatWaitsAndWhatComesLater() {
        Recorder out = new Recorder();
        SlotGate gate = new SlotGate(1, Long.MAX_VALUE, out);
        gate.offer(turn(0));
        gate.offer(turn(1));
        gate.offer(turn(2));
        gate.close();
        gate.offer(turn(3));
        gate.release();
        assertThat(out.started).containsExactly(0L);
        assertThat(out.unsent).containsExactly(1L, 2L, 3L);
    }

    @Test
    void underContentionNoMoreThanTheShareRunsAndEveryTurnStarts() throws Exception {
        int slots = 3;
        int turns = 20_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger startedCount = new AtomicInteger();
        Queue<Long> toFinish = new ConcurrentLinkedQueue<>();
        SlotGate[] gate = new SlotGate[1];
        gate[0] = new SlotGate(slots, Long.MAX_VALUE, new SlotGate.Outlet() {
            @Override
            public void start(SlotGate.Waiting waiting, long grantedNs) {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                startedCount.incrementAndGet();
                toFinish.add(waiting.credit().creditId());
            }

            @Override
            public void unsent(Credit credit) {
                throw new AssertionError("nothing is refused");
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch offered = new CountDownLatch(1);
        // One thread offers (the bus thread), two finish requests and release (event loops).
        pool.submit(() -> {
            for (long id = 0; id < turns; id++) {
                gate[0].offer(turn(id));
            }
            offered.countDown();
        });
        for (int t = 0; t < 2; t++) {
            pool.submit(() -> {
                while (startedCount.get() < turns || !toFinish.isEmpty()) {
                    if (toFinish.poll() != null) {
                        running.decrementAndGet();
                        gate[0].release();
                    } else {
                        Thread.onSpinWait();
                    }
                }
            });
        }
        assertThat(offered.await(60, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(startedCount.get()).isEqualTo(turns);
        assertThat(peak.get()).isLessThanOrEqualTo(slots);
        assertThat(gate[0].waiting()).isZero();
    }
}
