package io.aiperf.worker.warmup;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TransportWarmupTest {

    private static EndpointConfig endpoint(EndpointType type, boolean streaming) {
        return new EndpointConfig(List.of("m"), type, streaming, List.of("http://localhost:1"), null, 10, null, false,
                false, Map.of(), Map.of(), ConnectionReuse.POOLED);
    }

    @Test
    void theRunsOwnTransportIsDrivenThroughEveryWarmUpRequest() throws Exception {
        // The run's budget (8 s) bounds a worker's start-up; here the count is the point, not the speed: a busy
        // machine (a CI neighbour) gets the time to finish every request.
        TransportWarmup.Warmed warmed = TransportWarmup.run(endpoint(EndpointType.CHAT, true), "w", false, true,
                TimeUnit.SECONDS.toNanos(120));
        try {
            assertThat(warmed.requests()).as("320 on new connections, then 300").isEqualTo(620);
        } finally {
            warmed.transport().close();
        }
    }

    @Test
    void warmsEvenForEndpointTypesTheCannedServerDoesNotSpeak() throws Exception {
        for (EndpointType type : List.of(EndpointType.EMBEDDINGS, EndpointType.HUGGINGFACE_GENERATE)) {
            TransportWarmup.Warmed warmed = TransportWarmup.run(endpoint(type, type.supportsStreaming()), "w", false,
                    false);
            try {
                assertThat(warmed.requests()).as(type.cliName()).isPositive();
            } finally {
                warmed.transport().close();
            }
        }
    }

    @Test
    void everyNettyAllocatorEventClassIsInitializedAheadOfTheRun() {
        assertThat(NettyJfrEvents.initialize()).as("the Netty on our classpath declares all five")
                .isEqualTo(NettyJfrEvents.CLASSES.size());
    }

    @Test
    void afterTheWarmUpItsTargetTakesNoMoreRequests() throws Exception {
        TransportWarmup.Warmed warmed = TransportWarmup.run(endpoint(EndpointType.CHAT, false), "w", false, false);
        try {
            int warmUrl = warmed.transport().warmupUrlIndex();
            assertThat(warmUrl).as("after the user's one URL").isEqualTo(1);
            CompletableFuture<RequestRecord> record = new CompletableFuture<>();
            warmed.transport().send(new Credit(0, CreditPhase.PROFILING, "c", "x", 0, 1, "{}", warmUrl, null, null,
                    null, -1, null, false), System.nanoTime(), record::complete);
            assertThat(record.get(10, TimeUnit.SECONDS).error().type()).isEqualTo("InvalidUrlIndexError");
        } finally {
            warmed.transport().close();
        }
    }
}
