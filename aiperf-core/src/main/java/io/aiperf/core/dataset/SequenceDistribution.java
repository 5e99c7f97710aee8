package io.aiperf.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --seq-dist}: (ISL, OSL) pairs with probabilities; each synthetic turn draws one pair.
 *
 * <p>Forms: {@code ISL,OSL:pct;ISL,OSL:pct;...} (e.g. {@code 256,128:40;1024,512:60}), each length optionally with a
 * standard deviation ({@code 256|20,128|10:40}); or the bracket form {@code [(256,128):40,(1024,512):60]} with the
 * same optional {@code |sd}; or JSON, {@code {"pairs": [{"isl": 256, "isl_stddev": 10, "osl": 128, "osl_stddev": 5,
 * "prob": 40}, ...]}} (stddevs optional). Percentages must be positive and sum to 100 (within 0.01).
 *
 * @param buckets in the order given
 */
public record SequenceDistribution(List<Bucket> buckets) {

    /** One (ISL, OSL) pair with its standard deviations and probability in percent. */
    public record Bucket(int isl, double islStddev, int osl, double oslStddev, double percent) {
    }

    /** The sampled lengths of one turn. */
    public record Lengths(int isl, int osl) {
    }

    private static final String LEN = "\\s*(\\d+)\\s*(?:\\|\\s*(\\d+(?:\\.\\d+)?)\\s*)?";
    private static final String PCT = "\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*";
    private static final Pattern PLAIN = Pattern.compile(LEN + "," + LEN + ":" + PCT);
    private static final Pattern BRACKETED = Pattern.compile("\\s*\\(" + LEN + "," + LEN + "\\)\\s*:" + PCT);
    private static final Pattern BRACKET_ENTRY = Pattern.compile("\\([^)]*\\)\\s*:\\s*[^,\\]]*");

    public SequenceDistribution {
        buckets = List.copyOf(buckets);
    }

    /**
     * Parses the option's value.
     *
     * @throws IllegalArgumentException with a one-line reason (bad syntax, a length below 1, a non-positive
     *                                  percentage, or percentages not summing to 100)
     */
    public static SequenceDistribution parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--seq-dist must not be empty");
        }
        String s = spec.strip();
        List<Bucket> out = new ArrayList<>();
        if (s.startsWith("{")) {
            out.addAll(json(spec, s));
        } else if (s.startsWith("[")) {
            if (!s.endsWith("]")) {
                throw new IllegalArgumentException("--seq-dist '" + spec + "': missing the closing ']'");
            }
            String body = s.substring(1, s.length() - 1);
            Matcher entries = BRACKET_ENTRY.matcher(body);
            int end = 0;
            while (entries.find()) {
                String between = body.substring(end, entries.start()).strip();
                if (!(between.isEmpty() || (end > 0 && between.equals(",")))) {
                    throw new IllegalArgumentException("--seq-dist '" + spec + "': cannot read '" + between + "'");
                }
                out.add(bucket(spec, BRACKETED, entries.group()));
                end = entries.end();
            }
            if (!body.substring(end).isBlank()) {
                throw new IllegalArgumentException("--seq-dist '" + spec + "': cannot read '"
                        + body.substring(end).strip() + "'");
            }
        } else {
            for (String part : s.split(";", -1)) {
                if (part.isBlank()) {
                    continue;
                }
                out.add(bucket(spec, PLAIN, part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--seq-dist '" + spec + "': no ISL,OSL:percent pairs");
        }
        double sum = out.stream().mapToDouble(Bucket::percent).sum();
        if (Math.abs(sum - 100.0) > 0.01) {
            throw new IllegalArgumentException("--seq-dist '" + spec + "': the percentages sum to "
                    + String.format(Locale.ROOT, "%s", trim(sum)) + ", not 100");
        }
        return new SequenceDistribution(out);
    }

    /** {@code {"pairs": [{"isl": 256, "isl_stddev": 10, "osl": 128, "osl_stddev": 5, "prob": 60}, ...]}}. */
    private static List<Bucket> json(String spec, String s) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--seq-dist '" + spec + "': invalid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        JsonNode pairs = root.get("pairs");
        if (pairs == null || !pairs.isArray()) {
            throw new IllegalArgumentException("--seq-dist '" + spec + "': the JSON form needs a 'pairs' list");
        }
        List<Bucket> out = new ArrayList<>();
        for (JsonNode p : pairs) {
            if (!p.isObject() || !p.path("isl").canConvertToInt() || !p.path("osl").canConvertToInt()
                    || !p.path("isl").isIntegralNumber() || !p.path("osl").isIntegralNumber()
                    || !p.path("prob").isNumber()) {
                throw new IllegalArgumentException("--seq-dist '" + spec + "': each pair needs integer 'isl' and"
                        + " 'osl' and a numeric 'prob', found " + p);
            }
            int isl = length(spec, p.get("isl").asText(), "ISL");
            int osl = length(spec, p.get("osl").asText(), "OSL");
            double islSd = p.path("isl_stddev").asDouble(0);
            double oslSd = p.path("osl_stddev").asDouble(0);
            double pct = p.get("prob").asDouble();
            if (!(pct > 0)) {
                throw new IllegalArgumentException("--seq-dist '" + spec + "': the percentage of " + isl + "," + osl
                        + " must be positive");
            }
            if (!(islSd >= 0) || !(oslSd >= 0)) {
                throw new IllegalArgumentException("--seq-dist '" + spec + "': standard deviations must not be"
                        + " negative");
            }
            out.add(new Bucket(isl, islSd, osl, oslSd, pct));
        }
        return out;
    }

    private static Bucket bucket(String spec, Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--seq-dist '" + spec + "': cannot read '" + text.strip()
                    + "'; expected ISL,OSL:percent with optional |stddev after each length (e.g. 256|20,128:40)");
        }
        int isl = length(spec, m.group(1), "ISL");
        int osl = length(spec, m.group(3), "OSL");
        double islSd = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
        double oslSd = m.group(4) == null ? 0 : Double.parseDouble(m.group(4));
        double pct = Double.parseDouble(m.group(5));
        if (!(pct > 0)) {
            throw new IllegalArgumentException("--seq-dist '" + spec + "': the percentage of " + isl + "," + osl
                    + " must be positive");
        }
        return new Bucket(isl, islSd, osl, oslSd, pct);
    }

    private static int length(String spec, String digits, String what) {
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--seq-dist '" + spec + "': " + what + " must be a positive integer,"
                    + " found " + digits);
        }
        return (int) v;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Draws a bucket by probability, then its ISL and OSL ({@link PositiveNormal#sampleInteger}), from {@code rng}. */
    public Lengths sample(RandomGenerator rng) {
        double total = buckets.stream().mapToDouble(Bucket::percent).sum();
        double u = rng.nextDouble() * total;
        Bucket chosen = buckets.get(buckets.size() - 1);
        double acc = 0;
        for (Bucket b : buckets) {
            acc += b.percent();
            if (u < acc) {
                chosen = b;
                break;
            }
        }
        int isl = PositiveNormal.sampleInteger(rng, chosen.isl(), chosen.islStddev());
        int osl = PositiveNormal.sampleInteger(rng, chosen.osl(), chosen.oslStddev());
        return new Lengths(isl, osl);
    }
}
