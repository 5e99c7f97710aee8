package io.aiperf.core.load;

import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationPolicyTest {

    private static final LoadConfig CANCEL_25_PCT_AFTER_250_MS = new LoadConfig(TimingMode.REQUEST_RATE,
            PhaseLoad.burst(1, 10), null, 25.0, 0.25, null, null);

    @Test
    void theDrawsComeFromThePhaseSeedsOwnStream() {
        // Golden exports depend on this stream: the phase seed xor this constant, one draw per credit.
        SplittableRandom expected = new SplittableRandom(42L ^ 0x6a09e667f3bcc909L);
        CancellationPolicy policy = CancellationPolicy.forPhase(CreditPhase.PROFILING, CANCEL_25_PCT_AFTER_250_MS, 42);
        int cancelled = 0;
        for (int i = 0; i < 1_000; i++) {
            Long want = expected.nextDouble() * 100.0 < 25.0 ? 250_000_000L : null;
            Long got = policy.nextCancelAfterNs();
            assertThat(got).as("credit %d", i).isEqualTo(want);
            cancelled += got == null ? 0 : 1;
        }
        assertThat(cancelled).isBetween(200, 300);
    }

    @Test
    void warmupNeverCancels() {
        CancellationPolicy policy = CancellationPolicy.forPhase(CreditPhase.WARMUP, CANCEL_25_PCT_AFTER_250_MS, 42);
        for (int i = 0; i < 100; i++) {
            assertThat(policy.nextCancelAfterNs()).isNull();
        }
    }

    @Test
    void withoutARateNothingIsCancelled() {
        CancellationPolicy policy = new CancellationPolicy(null, 250_000_000L, 42);
        assertThat(policy.nextCancelAfterNs()).isNull();
    }
}
