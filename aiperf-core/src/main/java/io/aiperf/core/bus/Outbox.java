package io.aiperf.core.bus;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.Batch;

import java.util.ArrayList;
import java.util.List;

/**
 * What one thread has ready for one peer, sent as one bus message: the message itself when there is one, else a
 * {@link Batch} of them in the order they were added. Owned by one thread.
 */
public final class Outbox {

    private final List<Message> queued = new ArrayList<>();

    public void add(Message message) {
        queued.add(message);
    }

    public boolean isEmpty() {
        return queued.isEmpty();
    }

    /** Everything added since the last call, as one message (null when nothing was); the outbox is empty after. */
    public Message take() {
        if (queued.isEmpty()) {
            return null;
        }
        Message out = queued.size() == 1 ? queued.get(0) : new Batch(queued);
        queued.clear();
        return out;
    }
}
