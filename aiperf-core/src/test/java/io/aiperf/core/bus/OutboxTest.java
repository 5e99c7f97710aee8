package io.aiperf.core.bus;

import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.Batch;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    private final Outbox outbox = new Outbox();

    @Test
    void oneMessageGoesAsItselfAndSeveralAsOneBatchInOrder() {
        assertThat(outbox.take()).isNull();
        FirstToken first = new FirstToken("w", 1, CreditPhase.PROFILING);
        CreditReturn ret = new CreditReturn("w", 1, CreditPhase.PROFILING, false, false, true);
        outbox.add(first);
        assertThat(outbox.take()).isEqualTo(first);
        assertThat(outbox.isEmpty()).isTrue();

        outbox.add(first);
        outbox.add(ret);
        Message both = outbox.take();
        assertThat(both).isEqualTo(new Batch(List.of(first, ret)));
        assertThat(outbox.take()).as("emptied").isNull();
        assertThat(MessageCodec.decode(MessageCodec.encode(both))).as("a batch crosses the bus whole").isEqualTo(both);
    }
}
