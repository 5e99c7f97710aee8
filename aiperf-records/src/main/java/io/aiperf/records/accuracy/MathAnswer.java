package io.aiperf.records.accuracy;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A math answer in a comparable form: LaTeX spelling differences removed ({@code \dfrac} and {@code \frac},
 * {@code \left(}, {@code \text{}}, dollars, degrees, percent, thousands separators, a trailing {@code .0}, {@code a/b}
 * as {@code \frac{a}{b}}), and its value when it is a plain number or fraction. Two answers are equal when their
 * normal forms are, or when both have values within {@link #TOLERANCE} (so {@code 033} and {@code 33}, or
 * {@code 0.5} and {@code \frac{1}{2}}, agree). No symbolic algebra: {@code \sqrt{2}} and {@code 2^{1/2}} differ.
 */
final class MathAnswer {

    /** AIPerf's absolute tolerance for numeric equality. */
    static final double TOLERANCE = 1e-4;

    private static final Pattern TEXT = Pattern.compile("\\\\(?:text|textbf|mathrm|mbox)\\{([^{}]*)}");
    private static final Pattern SIMPLE_RATIO = Pattern.compile("^(-?\\d+)/(\\d+)$");
    private static final Pattern FRAC = Pattern.compile("^(-?)\\\\frac\\{(-?[\\d.]+)}\\{(-?[\\d.]+)}$");
    private static final Pattern FRAC_SHORT = Pattern.compile("\\\\frac(\\d)(\\d)");
    private static final Pattern THOUSANDS = Pattern.compile("^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");
    private static final Pattern TRAILING_ZEROS = Pattern.compile("^(-?\\d+)\\.0+$");

    private MathAnswer() {
    }

    static String normalize(String answer) {
        String s = answer == null ? "" : answer.strip();
        s = s.replace("\n", "").replace("\\!", "").replace("\\,", "").replace("\\;", "").replace("\\ ", "");
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
        s = s.replace("\\left", "").replace("\\right", "");
        s = s.replace("^{\\circ}", "").replace("^\\circ", "").replace("\\%", "").replace("%", "");
        s = s.replace("\\$", "").replace("$", "");
        Matcher text = TEXT.matcher(s);
        s = text.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = s.replaceAll("\\s+", "");
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        s = FRAC_SHORT.matcher(s).replaceAll("\\\\frac{$1}{$2}");
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        Matcher zeros = TRAILING_ZEROS.matcher(s);
        if (zeros.matches()) {
            s = zeros.group(1);
        }
        Matcher ratio = SIMPLE_RATIO.matcher(s);
        if (ratio.matches()) {
            s = "\\frac{" + ratio.group(1) + "}{" + ratio.group(2) + "}";
        }
        return s;
    }

    /** The value of a normalised plain number or {@code \frac{a}{b}}, or null. */
    static Double value(String normalized) {
        try {
            return new BigDecimal(normalized).doubleValue();
        } catch (NumberFormatException notPlain) {
            // a fraction, or not a number
        }
        Matcher f = FRAC.matcher(normalized);
        if (f.matches()) {
            double num = Double.parseDouble(f.group(2));
            double den = Double.parseDouble(f.group(3));
            if (den != 0) {
                return (f.group(1).isEmpty() ? 1 : -1) * num / den;
            }
        }
        return null;
    }

    static boolean equal(String a, String b) {
        String na = normalize(a);
        String nb = normalize(b);
        if (na.equalsIgnoreCase(nb)) {
            return true;
        }
        Double va = value(na);
        Double vb = value(nb);
        return va != null && vb != null && Math.abs(va - vb) <= TOLERANCE;
    }
}
