package io.aiperf.core.controller;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's view of workers that joined from other hosts (no process of theirs to watch). */
class ServiceSupervisorJoinedTest {

    @Test
    void joinedWorkersComeAfterTheStartedOnesAndAreReportedOnceWhenLost() {
        try (ServiceSupervisor services = new ServiceSupervisor(0)) {
            services.joined("box-a-11", 11);
            services.joined("box-b-22", 22);

            assertThat(services.workerIds()).containsExactly("box-a-11", "box-b-22");
            assertThat(services.isJoined("box-b-22")).isTrue();
            assertThat(services.newlyExitedWorkers()).isEmpty();

            services.joinedWorkerLost("box-b-22", "on box-b sent nothing for 10 s");
            services.joinedWorkerLost("box-b-22", "on box-b closed its connection"); // already lost: no second report

            assertThat(services.newlyExitedWorkers()).singleElement().satisfies(w -> {
                assertThat(w.index()).isEqualTo(1);
                assertThat(w.pid()).isEqualTo(22);
                assertThat(w.exitCode()).isEqualTo(-1);
                assertThat(w.describe()).isEqualTo("box-b-22 (pid 22) on box-b sent nothing for 10 s");
            });
            assertThat(services.newlyExitedWorkers()).isEmpty();
            services.joinedWorkerLost("box-b-22", "again");
            assertThat(services.newlyExitedWorkers()).isEmpty();
            assertThat(services.deadService()).isNull(); // a lost worker is no dead service: the run goes on
        }
    }

    @Test
    void onlyAJoinedWorkerCanBeDeclaredLost() {
        try (ServiceSupervisor services = new ServiceSupervisor(0)) {
            services.joinedWorkerLost("worker-0", "no such joined worker");
            assertThat(services.newlyExitedWorkers()).isEmpty();
        }
    }
}
