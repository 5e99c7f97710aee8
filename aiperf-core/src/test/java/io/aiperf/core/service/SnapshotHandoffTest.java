package io.aiperf.core.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotHandoffTest {

    @Test
    void atMostOneSnapshotPerIntervalAndOnlyWhenTheVersionMoved() {
        AtomicLong now = new AtomicLong();
        SnapshotHandoff<String> h = new SnapshotHandoff<>(1_000, now::get);
        h.offer(0, () -> "never: nothing folded in yet");
        assertThat(h.take()).isNull();
        h.offer(1, () -> "v1");
        now.set(500);
        h.offer(2, () -> "too soon");
        assertThat(h.take()).isEqualTo("v1");
        assertThat(h.take()).as("taken once").isNull();
        now.set(1_000);
        h.offer(2, () -> "v2");
        now.set(2_500);
        h.offer(2, () -> "unchanged");
        assertThat(h.take()).isEqualTo("v2");
        assertThat(h.take()).isNull();
    }
}
