package io.aiperf.core.dataset;

import io.aiperf.core.config.LoadConfig.FixedSchedule;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedSchedulePlanTest {

    /** Conversations named c0, c1, ... with these first-turn timestamps (ms; null = none). */
    private static List<Conversation> timed(Double... timestamps) {
        List<Conversation> out = new ArrayList<>();
        for (int i = 0; i < timestamps.length; i++) {
            out.add(new Conversation("c" + i, List.of(new Turn("p", 1, null, 0, timestamps[i], null, null))));
        }
        return out;
    }

    private static List<String> ids(FixedSchedulePlan plan) {
        return plan.entries().stream().map(e -> e.conversation().conversationId()).toList();
    }

    private static List<Long> offsets(FixedSchedulePlan plan) {
        return plan.entries().stream().map(FixedSchedulePlan.Entry::offsetNs).toList();
    }

    @Test
    void withoutOffsetsTimestampsAreOffsetsFromThePhaseStartSortedStably() {
        FixedSchedulePlan plan = FixedSchedulePlan.of(timed(3000.0, 1000.0, 2000.0, 1000.0, 0.0), null);
        assertThat(plan.zeroMs()).isZero();
        assertThat(ids(plan)).containsExactly("c4", "c1", "c3", "c2", "c0");
        assertThat(offsets(plan)).containsExactly(0L, 1_000_000_000L, 1_000_000_000L, 2_000_000_000L,
                3_000_000_000L);
        assertThat(plan.dropped()).isZero();
        assertThat(plan.spanNs()).isEqualTo(3_000_000_000L);
        assertThat(plan.entries().get(1).timestampMs()).isEqualTo(1000.0);
    }

    @Test
    void autoOffsetMakesTheFirstTimestampZero() {
        FixedSchedulePlan plan = FixedSchedulePlan.of(timed(5000.0, 5250.5, 5000.0),
                new FixedSchedule(true, null, null));
        assertThat(plan.zeroMs()).isEqualTo(5000.0);
        assertThat(ids(plan)).containsExactly("c0", "c2", "c1");
        assertThat(offsets(plan)).containsExactly(0L, 0L, 250_500_000L);
    }

    @Test
    void startOffsetDropsEarlierEntriesAndBecomesZero() {
        FixedSchedulePlan plan = FixedSchedulePlan.of(timed(100.0, 99.999, 250.0, 400.0),
                new FixedSchedule(false, 100L, null));
        assertThat(plan.zeroMs()).isEqualTo(100.0);
        assertThat(ids(plan)).containsExactly("c0", "c2", "c3"); // 100 kept: the bound is inclusive
        assertThat(offsets(plan)).containsExactly(0L, 150_000_000L, 300_000_000L);
        assertThat(plan.dropped()).isEqualTo(1);
    }

    @Test
    void endOffsetDropsLaterEntriesInclusively() {
        FixedSchedulePlan plan = FixedSchedulePlan.of(timed(10.0, 500.0, 500.001, 20.0),
                new FixedSchedule(false, null, 500L));
        assertThat(plan.zeroMs()).isZero();
        assertThat(ids(plan)).containsExactly("c0", "c3", "c1");
        assertThat(offsets(plan)).containsExactly(10_000_000L, 20_000_000L, 500_000_000L);
        assertThat(plan.dropped()).isEqualTo(1);
    }

    @Test
    void bothOffsetsAndAutoOffset() {
        List<Conversation> cs = timed(50.0, 120.0, 300.0, 301.0, 110.0);
        FixedSchedulePlan window = FixedSchedulePlan.of(cs, new FixedSchedule(false, 100L, 300L));
        assertThat(ids(window)).containsExactly("c4", "c1", "c2");
        assertThat(offsets(window)).containsExactly(10_000_000L, 20_000_000L, 200_000_000L);
        assertThat(window.dropped()).isEqualTo(2);
        // auto offset takes precedence over the start offset as time zero; the window still filters
        FixedSchedulePlan auto = FixedSchedulePlan.of(cs, new FixedSchedule(true, 100L, 300L));
        assertThat(auto.zeroMs()).isEqualTo(110.0);
        assertThat(offsets(auto)).containsExactly(0L, 10_000_000L, 190_000_000L);
    }

    @Test
    void fractionalMillisecondsBecomeNanoseconds() {
        FixedSchedulePlan plan = FixedSchedulePlan.of(timed(0.001, 1000.5, 0.0000004), null);
        assertThat(offsets(plan)).containsExactly(0L, 1_000L, 1_000_500_000L);
    }

    @Test
    void inWindowBounds() {
        FixedSchedule fs = new FixedSchedule(false, 10L, 20L);
        assertThat(FixedSchedulePlan.inWindow(10, fs)).isTrue();
        assertThat(FixedSchedulePlan.inWindow(20, fs)).isTrue();
        assertThat(FixedSchedulePlan.inWindow(9.999, fs)).isFalse();
        assertThat(FixedSchedulePlan.inWindow(20.001, fs)).isFalse();
        assertThat(FixedSchedulePlan.inWindow(1e12, null)).isTrue();
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> FixedSchedulePlan.of(timed(1.0, null), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conversation c1 has no timestamp on its first turn; a fixed schedule needs one on every"
                        + " conversation");
        assertThatThrownBy(() -> FixedSchedulePlan.of(timed(1.0), new FixedSchedule(false, 20L, 10L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixed-schedule start offset 20 ms is after the end offset 10 ms");
        assertThatThrownBy(() -> FixedSchedulePlan.of(timed(1.0, 2.0), new FixedSchedule(false, 5L, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no conversation starts within the fixed-schedule window [5, +inf] ms");
    }

    @Test
    void laterTurnsAreLeftAsTheyAre() {
        Conversation c = new Conversation("s", List.of(
                new Turn("a", 1, null, 0, 100.0, null, null),
                new Turn("b", 1, null, 250, null, null, null),
                new Turn("c", 1, null, 0, 900.0, null, null)));
        FixedSchedulePlan plan = FixedSchedulePlan.of(List.of(c), new FixedSchedule(true, null, null));
        assertThat(plan.entries()).singleElement().satisfies(e -> {
            assertThat(e.conversation()).isSameAs(c);
            assertThat(e.offsetNs()).isZero();
        });
    }
}
