package io.aiperf.telemetry;

import io.aiperf.core.config.GpuFieldSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dcgm-exporter CSVs as users write them: what becomes a field, what is passed over, what is a problem. */
class CustomFieldsCsvTest {

    @TempDir
    Path dir;

    private static CustomFieldsCsv.Result parse(String... lines) {
        return CustomFieldsCsv.parse("my.csv", List.of(lines));
    }

    @Test
    void goodRowsBecomeFieldsInTheFilesOrderAndCommentsAndBlankLinesAreIgnored() {
        CustomFieldsCsv.Result r = parse(
                "# Format",
                "# DCGM FIELD, Prometheus metric type, help message",
                "",
                "DCGM_FI_DEV_SM_CLOCK,  gauge, SM clock frequency (in MHz).",
                "   ",
                "  # an indented comment",
                "DCGM_FI_PROF_PCIE_TX_BYTES, COUNTER, PCIe bytes sent, all lanes (in B).",
                "DCGM_FI_DEV_MEM_CLOCK, gauge");
        assertThat(r.problems()).isEmpty();
        assertThat(r.fields()).containsExactly(
                new GpuFieldSpec("DCGM_FI_DEV_SM_CLOCK", false, "SM clock frequency (in MHz)."),
                new GpuFieldSpec("DCGM_FI_PROF_PCIE_TX_BYTES", true, "PCIe bytes sent, all lanes (in B)."),
                new GpuFieldSpec("DCGM_FI_DEV_MEM_CLOCK", false, ""));
    }

    @Test
    void eachBadRowIsSkippedWithOneProblemNamingFileAndLine() {
        CustomFieldsCsv.Result r = parse(
                "DCGM_FI_DEV_SM_CLOCK, histogram, SM clock frequency (in MHz).",
                "DCGM_FI_DEV_MEM_CLOCK",
                ", gauge, no name",
                "sm_clock, gauge, not a DCGM name",
                "DCGM_FI_DRIVER_VERSION, label, Driver Version",
                "DCGM_FI_DEV_MEMORY_TEMP, gauge, Memory temperature (in C).");
        assertThat(r.fields()).extracting(GpuFieldSpec::prometheusName).containsExactly("DCGM_FI_DEV_MEMORY_TEMP");
        assertThat(r.problems()).containsExactly(
                "my.csv line 1: type 'histogram' of DCGM_FI_DEV_SM_CLOCK is not gauge or counter; row skipped",
                "my.csv line 2: expected 'DCGM_FI_X, gauge|counter, help'; row skipped",
                "my.csv line 3: expected 'DCGM_FI_X, gauge|counter, help'; row skipped",
                "my.csv line 4: 'sm_clock' is not a DCGM field name (DCGM_FI_...); row skipped",
                "my.csv line 5: DCGM_FI_DRIVER_VERSION has type label, which adds a label rather than a metric; "
                        + "row skipped");
    }

    @Test
    void aNameGivenTwiceIsKeptOnceAsFirstGiven() {
        CustomFieldsCsv.Result r = parse(
                "DCGM_FI_DEV_SM_CLOCK, gauge, SM clock frequency (in MHz).",
                "DCGM_FI_DEV_SM_CLOCK, counter, again");
        assertThat(r.fields()).containsExactly(
                new GpuFieldSpec("DCGM_FI_DEV_SM_CLOCK", false, "SM clock frequency (in MHz)."));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aStandardFieldNamedAgainIsPassedOverQuietly() {
        // dcgm-exporter's own default CSV lists the standard fields; pasting it must not change AIPerf's mapping.
        CustomFieldsCsv.Result r = parse(
                "DCGM_FI_DEV_POWER_USAGE, counter, Power draw (in W).",
                "DCGM_FI_DEV_GPU_UTIL, gauge, GPU utilization (in %).",
                "DCGM_FI_DEV_SM_CLOCK, gauge, SM clock frequency (in MHz).");
        assertThat(r.fields()).extracting(GpuFieldSpec::prometheusName).containsExactly("DCGM_FI_DEV_SM_CLOCK");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void twoNamesThatWouldShareATagAreAProblemForTheSecond() {
        CustomFieldsCsv.Result r = parse(
                "DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL, counter, NVLink bandwidth",
                "DCGM_FI_PROF_NVLINK_BANDWIDTH_TOTAL, counter, the same tag",
                "DCGM_FI_PROF_XID_ERRORS, counter, the tag of a standard field");
        assertThat(r.fields()).extracting(GpuFieldSpec::prometheusName)
                .containsExactly("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL");
        assertThat(r.problems()).containsExactly(
                "my.csv line 2: DCGM_FI_PROF_NVLINK_BANDWIDTH_TOTAL would be reported as 'nvlink_bandwidth_total', "
                        + "which DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL already is; row skipped",
                "my.csv line 3: DCGM_FI_PROF_XID_ERRORS would be reported as 'xid_errors', which a standard field "
                        + "already is; row skipped");
    }

    @Test
    void aFileIsReadAndProblemsNameItsPath() throws Exception {
        Path csv = dir.resolve("fields.csv");
        Files.writeString(csv, "\uFEFFDCGM_FI_DEV_SM_CLOCK, gauge, SM clock\nDCGM_FI_DEV_MEM_CLOCK, gage, typo\n");
        CustomFieldsCsv.Result r = CustomFieldsCsv.parse(csv);
        assertThat(r.fields()).extracting(GpuFieldSpec::prometheusName).containsExactly("DCGM_FI_DEV_SM_CLOCK");
        assertThat(r.problems()).containsExactly(
                csv + " line 2: type 'gage' of DCGM_FI_DEV_MEM_CLOCK is not gauge or counter; row skipped");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> CustomFieldsCsv.parse(dir.resolve("none.csv")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
