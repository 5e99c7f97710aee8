package io.aiperf.telemetry.gpu;

import io.aiperf.core.config.GpuFieldSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A custom field as a CSV row makes it, and the combined list a run reads. */
class GpuFieldsTest {

    @Test
    void aCustomFieldsTagHeaderAndUnitComeFromItsNameAndHelp() {
        GpuField clock = GpuField.custom(new GpuFieldSpec("DCGM_FI_DEV_SM_CLOCK", false, "SM clock frequency (in MHz)."));
        assertThat(clock).isEqualTo(new GpuField("DCGM_FI_DEV_SM_CLOCK", "sm_clock", "SM clock frequency", "MHz", 1,
                false));
        GpuField tensor = GpuField.custom(new GpuFieldSpec("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", false,
                "Ratio of cycles the tensor (HMMA) pipe is active."));
        assertThat(tensor.tag()).isEqualTo("pipe_tensor_active");
        assertThat(tensor.header()).isEqualTo("Ratio of cycles the tensor (HMMA) pipe is active");
        assertThat(tensor.unit()).as("no (in X)").isEmpty();
        GpuField bare = GpuField.custom(new GpuFieldSpec("DCGM_FI_CUSTOM_THING", true, ""));
        assertThat(bare.tag()).as("only the DEV and PROF prefixes go").isEqualTo("dcgm_fi_custom_thing");
        assertThat(bare.header()).as("no help: the tag").isEqualTo("dcgm_fi_custom_thing");
        assertThat(bare.counter()).isTrue();
        assertThat(bare.toDisplay(42)).as("read as sent").isEqualTo(42);
    }

    @Test
    void customFieldsComeAfterTheStandardOnesAndNeverReplaceThem() {
        GpuFields fields = GpuFields.of(List.of(
                new GpuFieldSpec("DCGM_FI_DEV_SM_CLOCK", false, "SM clock frequency (in MHz)."),
                new GpuFieldSpec("DCGM_FI_DEV_POWER_USAGE", true, "Power (in mW)."),
                new GpuFieldSpec("DCGM_FI_DEV_SM_CLOCK", true, "again")));
        List<GpuField> all = fields.all();
        assertThat(all).hasSize(DcgmField.values().length + 1);
        assertThat(all.subList(0, DcgmField.values().length))
                .containsExactly(java.util.Arrays.stream(DcgmField.values()).map(DcgmField::field)
                        .toArray(GpuField[]::new));
        assertThat(all.get(all.size() - 1).tag()).isEqualTo("sm_clock");
        assertThat(fields.field("DCGM_FI_DEV_POWER_USAGE")).isEqualTo(DcgmField.GPU_POWER_USAGE.field());
        assertThat(fields.field("DCGM_FI_DEV_SM_CLOCK").counter()).as("the first one given").isFalse();
        assertThat(fields.field("DCGM_FI_DEV_SM_CLOCK_total")).isEqualTo(fields.field("DCGM_FI_DEV_SM_CLOCK"));
        assertThat(GpuFields.STANDARD.field("DCGM_FI_DEV_SM_CLOCK")).isNull();
    }
}
