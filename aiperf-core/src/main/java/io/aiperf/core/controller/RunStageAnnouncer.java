package io.aiperf.core.controller;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.RunStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Publishes a {@link RunStage} when the run enters a new stage, and only then: the driver may say "grace" on every
 * pass of its loop, the UI hears it once, stamped with the moment it began. Controller thread only.
 */
final class RunStageAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(RunStageAnnouncer.class);

    private final Consumer<Message> publish;
    private final LongSupplier epochMs;
    private String current;

    /**
     * @param publish where the stage goes (the controller's EVENTS socket)
     * @param epochMs the wall clock, in ms since the epoch (what {@link RunStage#sinceEpochMs()} carries)
     */
    RunStageAnnouncer(Consumer<Message> publish, LongSupplier epochMs) {
        this.publish = publish;
        this.epochMs = epochMs;
    }

    /**
     * The run is in {@code stage} from now on (one of {@link RunStage}'s constants); nothing is published when it
     * already was.
     *
     * @param durationNs how long the stage lasts when it is bounded by time, else -1
     */
    void enter(String stage, long durationNs) {
        if (stage.equals(current)) {
            return;
        }
        current = stage;
        // A handful per run: the log then says when each stage began, next to what happened in it.
        log.info("run stage: {}{}", stage, durationNs < 0 ? "" : " (" + durationNs / 1_000_000 + " ms)");
        publish.accept(new RunStage(stage, epochMs.getAsLong(), durationNs));
    }
}
