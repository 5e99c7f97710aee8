package io.aiperf.telemetry.gpu;

import io.aiperf.core.message.Message.GpuLive;
import io.aiperf.core.model.GpuLiveRow;
import io.aiperf.telemetry.prometheus.ExpositionParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GpuLiveStatsTest {

    private static final String URL = "http://localhost:9401/metrics";

    private final GpuStore store = new GpuStore();
    private final GpuLiveStats stats = new GpuLiveStats();

    /** GPU 0's power (W), memory used (MiB) and energy (a counter, mJ) in one scrape at {@code epochNs}. */
    private void scrape(long epochNs, double watts, double memoryMib, long profilingStart) {
        String labels = "{gpu=\"0\",modelName=\"NVIDIA H200\"}";
        String text = "DCGM_FI_DEV_POWER_USAGE" + labels + " " + watts + "\n"
                + "DCGM_FI_DEV_FB_USED" + labels + " " + memoryMib + "\n"
                + "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION" + labels + " " + (long) (epochNs * 1000) + "\n";
        stats.accept(epochNs, store.accept(URL, epochNs, ExpositionParser.parse(text)), profilingStart);
    }

    private GpuLiveRow row(String tag) {
        return stats.rows().stream().filter(r -> r.tag().equals(tag)).findFirst().orElseThrow();
    }

    @Test
    void gaugesGetTheirStatisticsInDisplayUnitsAndCountersAreLeftOut() {
        double[] watts = {100, 300, 500, 700};
        for (int i = 0; i < watts.length; i++) {
            scrape(1_000 + i, watts[i], 1000, -1);
        }
        assertThat(stats.rows()).extracting(GpuLiveRow::tag).containsExactly("gpu_power_usage", "gpu_memory_used");
        GpuLiveRow power = row("gpu_power_usage");
        assertThat(power.endpoint()).isEqualTo("localhost:9401");
        assertThat(power.gpuIndex()).isZero();
        assertThat(power.gpuName()).isEqualTo("NVIDIA H200");
        assertThat(power.unit()).isEqualTo("W");
        assertThat(power.current()).isEqualTo(700);
        assertThat(power.avg()).isEqualTo(400);
        assertThat(power.min()).isEqualTo(100);
        assertThat(power.max()).isEqualTo(700);
        assertThat(power.std()).isCloseTo(Math.sqrt(50_000), within(1e-9)); // population std, as the final tables
        assertThat(power.p50()).isEqualTo(400);                               // between the closest ranks
        assertThat(power.p90()).isCloseTo(640, within(1e-9));
        assertThat(row("gpu_memory_used").current()).isCloseTo(1.048576, within(1e-9)); // MiB → GB
    }

    @Test
    void theStatisticsStartAgainAtTheProfilingStart() {
        scrape(1_000, 50, 1000, -1);
        scrape(2_000, 60, 1000, -1);
        scrape(3_000, 200, 1000, 2_500); // the start became known: this is the window's first point
        scrape(4_000, 400, 1000, 2_500);
        GpuLiveRow power = row("gpu_power_usage");
        assertThat(power.min()).isEqualTo(200);
        assertThat(power.avg()).isEqualTo(300);
        assertThat(power.p50()).isEqualTo(300);
    }

    @Test
    void aStartNotReachedYetKeepsEverythingScraped() {
        scrape(1_000, 50, 1000, 9_000);
        scrape(2_000, 150, 1000, 9_000);
        assertThat(row("gpu_power_usage").avg()).isEqualTo(100);
    }

    @Test
    void percentilesCoverTheRecentPointsAndTheRestTheWholeWindow() {
        for (int i = 0; i < LiveSeries.RECENT; i++) {
            scrape(i, 1_000, 1000, -1);
        }
        for (int i = 0; i < LiveSeries.RECENT; i++) {
            scrape(LiveSeries.RECENT + i, 10, 1000, -1);
        }
        GpuLiveRow power = row("gpu_power_usage");
        assertThat(power.p99()).isEqualTo(10);
        assertThat(power.max()).isEqualTo(1_000);
        assertThat(power.avg()).isCloseTo(505, within(1e-9));
    }

    @Test
    void aSnapshotIsLeftAtMostOnceASecondAndOnlyWhenAPointArrived() {
        AtomicLong now = new AtomicLong(0);
        GpuLiveSnapshots snapshots = new GpuLiveSnapshots(stats, now::get);
        snapshots.offer();
        assertThat(snapshots.take()).as("nothing scraped yet").isNull();

        scrape(1_000, 100, 1000, -1);
        snapshots.offer();
        GpuLive first = snapshots.take();
        assertThat(first.rows()).hasSize(2);
        assertThat(snapshots.take()).as("taken once").isNull();

        scrape(2_000, 300, 1000, -1);
        now.set(GpuLiveSnapshots.INTERVAL_NS - 1);
        snapshots.offer();
        assertThat(snapshots.take()).as("within the second").isNull();

        now.set(GpuLiveSnapshots.INTERVAL_NS);
        snapshots.offer();
        assertThat(snapshots.take().rows().get(0).avg()).isEqualTo(200);

        now.set(5 * GpuLiveSnapshots.INTERVAL_NS);
        snapshots.offer();
        assertThat(snapshots.take()).as("no new point").isNull();
    }

    @Test
    void rowsFollowTheOrderTheGpusWereFirstSeen() {
        String text = "DCGM_FI_DEV_GPU_TEMP{gpu=\"1\"} 60\nDCGM_FI_DEV_GPU_TEMP{gpu=\"0\"} 50\n";
        stats.accept(1, store.accept(URL, 1, ExpositionParser.parse(text)), -1);
        List<GpuLiveRow> rows = stats.rows();
        assertThat(rows).extracting(GpuLiveRow::gpuIndex).containsExactly(1, 0);
        assertThat(rows.get(0).gpuName()).isNull();
        assertThat(rows.get(0).unit()).isEqualTo("°C");
    }
}
