package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.PhaseLoad;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotSharesTest {

    @Test
    void theSharesAddUpToTheConcurrencyAndDifferByAtMostOne() {
        SlotShares shares = SlotShares.split(7, 3);
        assertThat(new int[] {shares.share(0), shares.share(1), shares.share(2)}).containsExactly(3, 2, 2);
        assertThat(shares.capacity(0)).as("its share running and as many waiting").isEqualTo(6);
        assertThat(shares.totalCapacity()).isEqualTo(14);
    }

    @Test
    void fewerSlotsThanWorkersLeaveSomeWorkersWithoutAShare() {
        SlotShares shares = SlotShares.split(1, 2);
        assertThat(shares.share(0)).isEqualTo(1);
        assertThat(shares.share(1)).isZero();
        assertThat(shares.capacity(1)).isZero();
    }

    @Test
    void onlyAFixedConcurrencyBurstSharesItsSlots() {
        PhaseLoad fixed = PhaseLoad.burst(4, 10);
        assertThat(SlotShares.forPhase(true, fixed, 2)).isNotNull();
        assertThat(SlotShares.forPhase(false, fixed, 2)).as("not a burst").isNull();
        PhaseLoad noLimit = new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, null, null, 10L, null, null,
                30.0, null, null, null);
        assertThat(SlotShares.forPhase(true, noLimit, 2)).isNull();
    }

    @Test
    void aDeadWorkersShareIsSpreadOverTheLivingSoTheTotalStaysTheConcurrency() {
        SlotShares shares = SlotShares.split(10, 3); // 4, 3, 3
        shares.lose(0, new boolean[] {false, true, true});
        assertThat(new int[] {shares.share(0), shares.share(1), shares.share(2)}).containsExactly(0, 5, 5);
        assertThat(shares.totalCapacity()).isEqualTo(20);
        shares.lose(2, new boolean[] {false, true, false});
        assertThat(new int[] {shares.share(0), shares.share(1), shares.share(2)}).containsExactly(0, 10, 0);
        shares.lose(1, new boolean[] {false, false, false});
        assertThat(shares.share(1)).as("nobody left to take it").isZero();
    }
}
