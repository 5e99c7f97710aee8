package io.aiperf.records.runs;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WelchTestTest {

    @Test
    void matchesAnIndependentUnequalVarianceTTest() {
        double[] x = {10.1, 10.4, 9.8, 10.0};
        double[] y = {11.0, 12.5, 10.9, 11.8, 12.2};

        // commons-math's TTest.tTest(double[], double[]) is the two-sided Welch test: an oracle we did not write.
        assertThat(WelchTest.pValue(x, y)).isCloseTo(new TTest().tTest(x, y), within(1e-12));
    }

    @Test
    void fromSummaryStatisticsByHand() {
        // mean 100 vs 103, std 10 and 12, n 50 each: t = -3 / sqrt(2 + 2.88); df from Welch-Satterthwaite.
        double p = WelchTest.pValue(100, 100, 50, 103, 144, 50);
        double t = -3 / Math.sqrt(4.88);
        double df = 4.88 * 4.88 / (2.0 * 2.0 / 49 + 2.88 * 2.88 / 49);
        double expected = 2 * new org.apache.commons.math3.distribution.TDistribution(df).cumulativeProbability(t);
        assertThat(p).isCloseTo(expected, within(1e-12));
        assertThat(p).isBetween(0.1, 0.2);
    }

    @Test
    void noVarianceMeansAnyDifferenceIsReal() {
        assertThat(WelchTest.pValue(new double[] {5, 5}, new double[] {5, 5})).isEqualTo(1.0);
        assertThat(WelchTest.pValue(new double[] {5, 5}, new double[] {6, 6})).isEqualTo(0.0);
    }

    @Test
    void fewerThanTwoValuesOnASideHasNoTest() {
        assertThat(WelchTest.pValue(new double[] {5}, new double[] {6, 7})).isNaN();
    }
}
