package io.aiperf.worker.warmup;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TransportWarmupTest {

    @Test
    void warmsEvenForEndpointTypesTheCannedServerDoesNotSpeak() throws Exception {
        for (EndpointType type : List.of(EndpointType.EMBEDDINGS, EndpointType.HUGGINGFACE_GENERATE)) {
            EndpointConfig cfg = new EndpointConfig(List.of("m"), type, type.supportsStreaming(),
                    List.of("http://localhost:1"), null, 10, null, false, false, Map.of(), Map.of(),
                    ConnectionReuse.POOLED);
            assertThat(TransportWarmup.run(cfg)).as(type.cliName()).isPositive();
        }
    }
}
