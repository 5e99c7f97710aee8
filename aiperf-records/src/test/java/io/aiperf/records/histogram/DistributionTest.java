package io.aiperf.records.histogram;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

class DistributionTest {

    /** The documented guarantee: within 0.1 % (plus half a histogram unit) of numpy. */
    private static void assertClose(double actual, double exact, double scale) {
        double tolerance = Math.abs(exact) * 0.001 + 0.5 / scale + 1e-9;
        assertThat(actual).as("exact %s", exact).isCloseTo(exact, within(tolerance));
    }

    private static void assertMatchesNumpy(double[] values, double scale) {
        Distribution d = new Distribution(scale);
        d.recordAll(values);
        DistributionSummary s = d.summarize();
        assertThat(s.count()).isEqualTo(values.length);
        assertThat(s.min()).isEqualTo(java.util.Arrays.stream(values).min().orElseThrow());
        assertThat(s.max()).isEqualTo(java.util.Arrays.stream(values).max().orElseThrow());
        assertThat(s.avg()).isCloseTo(ExactStats.mean(values), offset(Math.abs(ExactStats.mean(values)) * 1e-12 + 1e-9));
        assertThat(s.std()).isCloseTo(ExactStats.std(values), offset(Math.abs(ExactStats.std(values)) * 1e-9 + 1e-9));
        double[] ps = Distribution.PERCENTILES;
        double[] got = {s.p1(), s.p5(), s.p10(), s.p25(), s.p50(), s.p75(), s.p90(), s.p95(), s.p99()};
        for (int i = 0; i < ps.length; i++) {
            assertClose(got[i], ExactStats.percentile(values, ps[i]), scale);
        }
    }

    @Test
    void randomLatenciesMatchNumpy() {
        Random random = new Random(42);
        for (int n : new int[] {3, 7, 10, 50, 101, 1_000, 20_000}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) { // log-normal-ish latencies around 50 ms, in ns
                values[i] = Math.round(Math.exp(random.nextGaussian() * 0.8) * 50_000_000L);
            }
            assertMatchesNumpy(values, 1);
        }
    }

    @Test
    void randomRatesMatchNumpy() {
        Random random = new Random(7);
        double[] values = new double[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 5 + random.nextDouble() * 300; // tokens/sec/user
        }
        assertMatchesNumpy(values, 1000);
    }

    @Test
    void smallIntegersAreExact() {
        Random random = new Random(3);
        double[] values = new double[999];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(2_000); // token counts
        }
        Distribution d = new Distribution(1);
        d.recordAll(values);
        for (double p : Distribution.PERCENTILES) {
            assertThat(d.percentile(p)).isCloseTo(ExactStats.percentile(values, p), within(1e-9));
        }
    }

    @Test
    void oneValue() {
        Distribution d = new Distribution(1);
        d.record(123_456_789);
        DistributionSummary s = d.summarize();
        assertThat(s.count()).isEqualTo(1);
        assertThat(s.avg()).isEqualTo(123_456_789.0);
        assertThat(s.std()).isZero();
        assertThat(new double[] {s.min(), s.max(), s.p1(), s.p50(), s.p99()}).containsOnly(123_456_789.0);
    }

    @Test
    void twoValuesInterpolateBetweenExactMinAndMax() {
        Distribution d = new Distribution(1);
        d.record(10_000_123);
        d.record(20_000_456);
        assertThat(d.percentile(50)).isEqualTo(15_000_289.5);
        assertThat(d.percentile(1)).isCloseTo(10_000_123 + 0.01 * 10_000_333, within(1e-6));
        assertThat(d.percentile(99)).isCloseTo(10_000_123 + 0.99 * 10_000_333, within(1e-6));
        assertThat(d.std()).isCloseTo(5_000_166.5, within(1e-6));
    }

    @Test
    void constantData() {
        Distribution d = new Distribution(1);
        for (int i = 0; i < 1_000; i++) {
            d.record(77_777_777);
        }
        DistributionSummary s = d.summarize();
        assertThat(s.std()).isZero();
        assertThat(new double[] {s.min(), s.max(), s.avg(), s.p1(), s.p25(), s.p50(), s.p99()}).containsOnly(77_777_777.0);
        assertThat(s.sum()).isEqualTo(77_777_777_000.0);
    }

    @Test
    void sixHoursInNanoseconds() {
        long sixHours = 6L * 3600 * 1_000_000_000L;
        double[] values = {sixHours, sixHours - 1_000_000_000L, sixHours / 2.0, 1_000_000, sixHours - 1};
        assertMatchesNumpy(values, 1);
        Distribution d = new Distribution(1);
        d.recordAll(values);
        assertThat(d.max()).isEqualTo((double) sixHours);
        assertThat(d.sum()).isEqualTo(java.util.Arrays.stream(values).sum());
    }

    @Test
    void zerosAndEmpty() {
        Distribution empty = new Distribution(1);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.summarize().p50()).isNaN();
        assertThat(empty.mean()).isNaN();

        Distribution zeros = new Distribution(1);
        zeros.record(0);
        zeros.record(0);
        zeros.record(5);
        assertThat(zeros.percentile(50)).isZero();
        assertThat(zeros.percentile(75)).isEqualTo(2.5);
    }

    @Test
    void negativeValuesKeepTheirSignAndPrecision() {
        Random random = new Random(11);
        for (int n : new int[] {2, 5, 50, 1_001, 20_000}) {
            double[] mixed = new double[n];
            double[] negative = new double[n];
            for (int i = 0; i < n; i++) { // send lags in ns: mostly a few µs early or up to ms late
                mixed[i] = Math.round(random.nextGaussian() * 200_000 + 50_000);
                negative[i] = -Math.round(Math.exp(random.nextGaussian()) * 30_000_000L) - 1;
            }
            assertMatchesNumpy(mixed, 1);
            assertMatchesNumpy(negative, 1);
        }
        double[] rates = {-2.5, -0.0004, 0.0004, 1.25, -7.125, 3.0};
        assertMatchesNumpy(rates, 1000);
    }

    @Test
    void negativeOrderStatisticsAreExactForSmallMagnitudes() {
        Distribution d = new Distribution(1);
        d.recordAll(new double[] {-5, -3, -3, -1, 0, 2});
        // numpy.percentile([-5, -3, -3, -1, 0, 2], [25, 50, 75]) = [-3, -2, -0.25]
        assertThat(d.percentile(25)).isEqualTo(-3.0);
        assertThat(d.percentile(50)).isEqualTo(-2.0);
        assertThat(d.percentile(75)).isEqualTo(-0.25);
        assertThat(d.min()).isEqualTo(-5.0);
        assertThat(d.mean()).isCloseTo(-10.0 / 6, within(1e-12));
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        Distribution d = new Distribution(1000);
        d.record(Double.NaN);
        d.record(Double.POSITIVE_INFINITY);
        d.record(2.5);
        assertThat(d.count()).isEqualTo(1);
        assertThat(d.percentile(50)).isEqualTo(2.5);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new Distribution(0)).isInstanceOf(IllegalArgumentException.class);
        Distribution d = new Distribution(1);
        d.record(1);
        assertThatThrownBy(() -> d.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
