package io.aiperf.core.load;

import io.aiperf.core.message.Credit;

/** Where the load engine sends a credit; the engine has already chosen the worker. */
public interface CreditSink {
    void send(int workerIndex, Credit credit);
}
