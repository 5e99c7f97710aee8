package io.aiperf.core.controller;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.RunStage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunStageAnnouncerTest {

    private final List<Message> published = new ArrayList<>();
    private long nowMs = 1_700_000_000_000L;
    private final RunStageAnnouncer stages = new RunStageAnnouncer(published::add, () -> nowMs);

    @Test
    void eachChangeIsPublishedOnceStampedWhenItHappened() {
        stages.enter(RunStage.WARMUP, -1);
        nowMs += 2_000;
        stages.enter(RunStage.PROFILING, 60_000_000_000L);
        nowMs += 60_000;
        stages.enter(RunStage.GRACE, 30_000_000_000L);
        nowMs += 10;
        stages.enter(RunStage.GRACE, 30_000_000_000L); // the next pass of the driver's loop
        nowMs += 5_000;
        stages.enter(RunStage.PROCESSING, -1);
        nowMs += 300;
        stages.enter(RunStage.COMPLETE, -1);
        assertThat(published).containsExactly(
                new RunStage("warmup", 1_700_000_000_000L, -1),
                new RunStage("profiling", 1_700_000_002_000L, 60_000_000_000L),
                new RunStage("grace", 1_700_000_062_000L, 30_000_000_000L),
                new RunStage("processing", 1_700_000_067_010L, -1),
                new RunStage("complete", 1_700_000_067_310L, -1));
    }
}
