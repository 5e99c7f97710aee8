package io.aiperf.cli.options;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbers as AIPerf's options read them, and floats printed the way Python prints them into names. */
class PythonFloatTest {

    @Test
    void parsesDecimalsAndInfinity() {
        assertThat(PythonFloat.parse("2")).isEqualTo(2.0);
        assertThat(PythonFloat.parse(" 0.5 ")).isEqualTo(0.5);
        assertThat(PythonFloat.parse(".5")).isEqualTo(0.5);
        assertThat(PythonFloat.parse("1e3")).isEqualTo(1000.0);
        assertThat(PythonFloat.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PythonFloat.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void refusesJavaOnlySpellings() {
        for (String bad : new String[] {"1d", "0x1p3", "NaN", "", "five", "1,5"}) {
            assertThatThrownBy(() -> PythonFloat.parse(bad)).as(bad).isInstanceOf(TypeConversionException.class);
        }
    }

    @Test
    void reprMatchesPython() {
        assertThat(PythonFloat.repr(20)).isEqualTo("20.0");
        assertThat(PythonFloat.repr(0.5)).isEqualTo("0.5");
        assertThat(PythonFloat.repr(2.25)).isEqualTo("2.25");
        assertThat(PythonFloat.repr(0.1)).isEqualTo("0.1");
        assertThat(PythonFloat.repr(100)).isEqualTo("100.0");
        assertThat(PythonFloat.repr(1234.5)).isEqualTo("1234.5");
        assertThat(PythonFloat.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonFloat.repr(0.00001)).isEqualTo("1e-05");
        assertThat(PythonFloat.repr(0.000012)).isEqualTo("1.2e-05");
        assertThat(PythonFloat.repr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonFloat.repr(1e16)).isEqualTo("1e+16");
        assertThat(PythonFloat.repr(1.5e22)).isEqualTo("1.5e+22");
        assertThat(PythonFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }
}
