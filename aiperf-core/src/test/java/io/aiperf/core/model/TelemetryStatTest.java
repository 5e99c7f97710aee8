package io.aiperf.core.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryStatTest {

    @Test
    void theLabelNamesTheUnitWhenThereIsOne() {
        assertThat(new TelemetryStat("gpu_power_usage", "GPU Power Usage", "W", false, Map.of()).label())
                .isEqualTo("GPU Power Usage (W)");
        assertThat(new TelemetryStat("pipe_tensor_active", "Ratio of cycles the tensor pipe is active", "", false,
                Map.of()).label()).isEqualTo("Ratio of cycles the tensor pipe is active");
    }
}
