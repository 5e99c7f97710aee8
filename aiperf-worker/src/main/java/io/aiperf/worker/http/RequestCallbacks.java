package io.aiperf.worker.http;

import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;

/**
 * What the transport tells its caller about one request. Both methods run on the request's event loop and must
 * neither block nor touch anything owned by another thread (hand off through a lock-free queue instead). For one
 * request they are called on the same thread, {@link #firstToken} (at most once) strictly before {@link #done}.
 */
@FunctionalInterface
public interface RequestCallbacks {

    /**
     * The first content response of a request whose credit asked for it ({@link Credit#reportFirstToken()}) was
     * just parsed; {@code arrivalNs} is the stamp of the read that carried it. Not called otherwise.
     */
    default void firstToken(Credit credit, long arrivalNs) {
    }

    /** The request for {@code credit} is over: its complete record, delivered exactly once. */
    void done(Credit credit, RequestRecord record);
}
