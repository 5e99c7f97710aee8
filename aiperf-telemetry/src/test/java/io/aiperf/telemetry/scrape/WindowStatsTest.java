package io.aiperf.telemetry.scrape;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WindowStatsTest {

    private static TimeSeries series(double... values) {
        TimeSeries s = new TimeSeries();
        for (int i = 0; i < values.length; i++) {
            s.add(1_000L * i, values[i]);
        }
        return s;
    }

    @Test
    void aGaugesStatisticsCoverOnlyThePointsInsideTheWindow() {
        TimeSeries s = series(100, 1, 2, 3, 4, 100); // points at 0, 1000, … 5000
        Map<String, Double> stats = WindowStats.gauge(s, 1_000, 4_000, 1);
        assertThat(stats).containsEntry("avg", 2.5).containsEntry("min", 1.0).containsEntry("max", 4.0);
        assertThat(stats.get("p50")).isCloseTo(2.5, within(1e-12));
        assertThat(stats.get("p99")).isCloseTo(3.97, within(1e-12)); // linear between the closest ranks
        assertThat(stats.get("std")).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(stats.keySet()).containsExactly("avg", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99",
                "min", "max", "std");
        assertThat(WindowStats.gauge(s, 6_000, 9_000, 1)).isNull();
    }

    @Test
    void aCountersIncreaseStartsFromTheLastPointBeforeTheWindow() {
        TimeSeries s = series(10, 20, 25, 40, 90); // 0 … 4000
        assertThat(WindowStats.increase(s, 1_500, 3_000)).isEqualTo(20.0); // 20 → 40
    }

    @Test
    void aResetCountsOnFromZeroSoTheIncreaseIsNeverNegative() {
        TimeSeries s = series(100, 150, 5, 30); // the exporter restarted after 150
        assertThat(WindowStats.increase(s, 0, 3_000)).isEqualTo(50.0 + 5 + 25);
    }

    @Test
    void theValueAtATimeIsTheLastPointBeforeIt() {
        TimeSeries s = series(1, 2, 3);
        assertThat(WindowStats.valueAt(s, 1_500)).isEqualTo(2.0);
        assertThat(WindowStats.valueAt(s, -1)).isNull();
    }
}
