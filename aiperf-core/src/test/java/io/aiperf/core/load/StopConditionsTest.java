package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.PhaseLoad;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopConditionsTest {

    private static final long S = 1_000_000_000L;

    private static StopConditions stops(Long count, Long sessions, Double durationS, double graceS) {
        return new StopConditions(new PhaseLoad(ArrivalPattern.CONSTANT, 10.0, 1.0, null, null, count, sessions,
                durationS, graceS, null, null, null));
    }

    @Test
    void theRequestCountIsReachedWhenThatManyCreditsAreSent() {
        StopConditions stops = stops(5L, null, null, 30);
        assertThat(stops.requestCountReached(4)).isFalse();
        assertThat(stops.requestCountReached(5)).isTrue();
        assertThat(stops.plannedTotal()).isEqualTo(5);
        assertThat(stops.sessionCountReached(1_000)).isFalse();
    }

    @Test
    void theSessionCountIsReachedWhenThatManySessionsStarted() {
        StopConditions stops = stops(null, 3L, null, 30);
        assertThat(stops.sessionCountReached(2)).isFalse();
        assertThat(stops.sessionCountReached(3)).isTrue();
        assertThat(stops.requestCountReached(1_000)).isFalse();
        assertThat(stops.plannedTotal()).isEqualTo(-1);
    }

    @Test
    void theDurationIsOverAtItsEndAndTheGraceFollows() {
        StopConditions stops = stops(null, null, 1.5, 2.0);
        assertThat(stops.durationOver(1_500_000_000L - 1)).isFalse();
        assertThat(stops.durationOver(1_500_000_000L)).isTrue();
        assertThat(stops.durationEndNs(10 * S)).isEqualTo(11_500_000_000L);
        assertThat(stops.graceDeadlineNs(10 * S)).isEqualTo(13_500_000_000L);
        assertThat(stops.durationNs()).isEqualTo(1_500_000_000L);
        assertThat(stops.gracePeriodNs()).isEqualTo(2_000_000_000L);
    }

    @Test
    void withoutADurationOrWithAnInfiniteGraceNothingIsAbandoned() {
        assertThat(stops(5L, null, null, 2.0).graceDeadlineNs(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(stops(5L, null, null, 2.0).durationEndNs(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(stops(null, null, 1.0, Double.POSITIVE_INFINITY).graceDeadlineNs(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(stops(5L, null, null, 2.0).durationNs()).isEqualTo(-1);
        assertThat(stops(5L, null, null, 2.0).gracePeriodNs()).isEqualTo(-1);
        assertThat(stops(null, null, 1.0, Double.POSITIVE_INFINITY).gracePeriodNs()).isEqualTo(-1);
    }
}
