package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.PhaseLoad;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotLimitsTest {

    private static PhaseLoad load(Integer concurrency, Integer prefill, Double concurrencyRampS) {
        return new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, concurrency, prefill, 10L, null, null, 30.0,
                null, concurrencyRampS, null);
    }

    @Test
    void aSessionSlotIsHeldUntilTheSessionCloses() {
        SlotLimits limits = new SlotLimits(load(2, null, null));
        limits.sessionOpened();
        limits.sessionOpened();
        assertThat(limits.sessionSlotFree(0)).isFalse();
        limits.sessionClosed();
        assertThat(limits.sessionSlotFree(0)).isTrue();
        assertThat(limits.activeSessions()).isEqualTo(1);
    }

    @Test
    void prefillSlotsCountOnlyWhenThereIsAPrefillLimit() {
        SlotLimits none = new SlotLimits(load(4, null, null));
        assertThat(none.prefillLimited()).isFalse();
        assertThat(none.prefillSlotFree(0)).isTrue();

        SlotLimits one = new SlotLimits(load(4, 1, null));
        assertThat(one.prefillLimited()).isTrue();
        one.prefillTaken();
        assertThat(one.prefillSlotFree(0)).isFalse();
        one.prefillFreed();
        assertThat(one.prefillSlotFree(0)).isTrue();
    }

    @Test
    void aRampedLimitIsLookedAtAgainEvery100Ms() {
        assertThat(new SlotLimits(load(4, null, 2.0)).nextRampLookNs(7)).isEqualTo(7 + 100_000_000L);
        assertThat(new SlotLimits(load(4, null, null)).nextRampLookNs(7)).isEqualTo(Long.MAX_VALUE);
    }
}
