package io.aiperf.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses a number the way AIPerf's options accept it: a plain decimal ({@code 2}, {@code 0.5}, {@code 1e3}) or
 * {@code inf}/{@code infinity} in any case. Java-only spellings ({@code 1d}, {@code 0x1p3}, {@code Infinity}
 * with a type suffix) are refused. Whether infinity is allowed is decided per option by the resolver.
 */
public final class PythonFloat implements ITypeConverter<Double> {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public Double convert(String value) {
        return parse(value);
    }

    static double parse(String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(v).matches()) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        return Double.parseDouble(v);
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back to the same double, positional for
     * exponents -4..15 ({@code 20.0}, {@code 0.5}, {@code 0.0001}) and scientific otherwise ({@code 1e-05},
     * {@code 1e+16}). Used where AIPerf prints a float into a name.
     */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale(); // value = 0.d1d2... x 10^(exponent+1)
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        if (exponent >= -4 && exponent < 16) {
            if (exponent < 0) {
                out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
            } else if (digits.length() <= exponent + 1) {
                out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
            } else {
                out.append(digits, 0, exponent + 1).append('.').append(digits.substring(exponent + 1));
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits.substring(1));
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exponent));
            out.append(e.length() < 2 ? "0" + e : e);
        }
        return out.toString();
    }
}
