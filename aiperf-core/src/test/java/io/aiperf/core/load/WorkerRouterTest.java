package io.aiperf.core.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerRouterTest {

    @Test
    void aFirstTurnGoesToTheLeastLoadedWorkerLowestIndexOnATie() {
        WorkerRouter router = new WorkerRouter(3);
        assertThat(router.route(-1)).isZero();
        router.sent(0);
        assertThat(router.route(-1)).isEqualTo(1);
        router.sent(1);
        router.sent(2);
        router.returned(1);
        assertThat(router.route(-1)).isEqualTo(1);
    }

    @Test
    void aLaterTurnStaysOnItsSessionsWorkerHoweverBusy() {
        WorkerRouter router = new WorkerRouter(2);
        router.sent(1);
        router.sent(1);
        assertThat(router.route(1)).isEqualTo(1);
    }

    @Test
    void withSharedSlotsAFirstTurnGoesWhereTheMostRoomForSessionsIsLeft() {
        WorkerRouter router = new WorkerRouter(2, SlotShares.split(3, 2));
        assertThat(router.route(-1)).as("room 4 against 2").isZero();
        router.sessionOpened(0);
        router.sessionOpened(0);
        router.sessionOpened(0);
        assertThat(router.route(-1)).as("room 1 against 2").isEqualTo(1);
        router.sessionOpened(1);
        assertThat(router.route(-1)).as("a tie goes to the lowest index").isZero();
        router.sent(1);
        router.sent(1);
        router.sent(1);
        assertThat(router.route(-1)).as("credits between turns do not count, sessions do").isZero();
        router.sessionClosed(0);
        router.sessionClosed(0);
        assertThat(router.route(-1)).isZero();
    }

    @Test
    void thereIsAtLeastOneWorker() {
        assertThatThrownBy(() -> new WorkerRouter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
