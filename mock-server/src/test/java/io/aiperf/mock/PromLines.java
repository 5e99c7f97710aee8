package io.aiperf.mock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only line check of Prometheus text exposition: every line is a {@code # HELP}, a {@code # TYPE} or a sample
 * {@code name{labels} value} of a family whose TYPE came before it (a histogram's {@code _bucket}, {@code _sum} and
 * {@code _count} belong to its family). Deliberately strict and small; not the project's parser.
 */
final class PromLines {

    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \\S.*");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|histogram)");
    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (-?[0-9][0-9.eE+-]*|\\+Inf|NaN)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");

    record Sample(String name, Map<String, String> labels, double value) {
        String label(String key) {
            return labels.get(key);
        }
    }

    /** Families by name, with their TYPE. */
    final Map<String, String> types = new LinkedHashMap<>();
    final List<Sample> samples = new ArrayList<>();

    private PromLines() {
    }

    /** Checks {@code text} line by line; throws AssertionError naming the first bad line. */
    static PromLines parse(String text) {
        PromLines out = new PromLines();
        Map<String, Boolean> helped = new HashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty() && number == text.split("\n", -1).length) {
                break; // the final newline
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                helped.put(m.group(1), true);
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (!helped.containsKey(m.group(1))) {
                    throw new AssertionError("line " + number + ": TYPE before HELP: " + line);
                }
                if (out.types.put(m.group(1), m.group(2)) != null) {
                    throw new AssertionError("line " + number + ": family declared twice: " + line);
                }
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                if (out.familyOf(name) == null) {
                    throw new AssertionError("line " + number + ": sample of an undeclared family: " + line);
                }
                Map<String, String> labels = new LinkedHashMap<>();
                String list = m.group(2);
                if (list != null) {
                    Matcher l = LABEL.matcher(list);
                    int at = 0;
                    while (at < list.length()) {
                        if (!l.find(at) || l.start() != at) {
                            throw new AssertionError("line " + number + ": bad labels: " + line);
                        }
                        labels.put(l.group(1), l.group(2));
                        at = l.end();
                    }
                }
                out.samples.add(new Sample(name, labels, Double.parseDouble(m.group(3).replace("+Inf", "Infinity"))));
            } else {
                throw new AssertionError("line " + number + ": not exposition text: '" + line + "'");
            }
        }
        return out;
    }

    private String familyOf(String sample) {
        if (types.containsKey(sample)) {
            return sample;
        }
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (sample.endsWith(suffix)) {
                String base = sample.substring(0, sample.length() - suffix.length());
                if ("histogram".equals(types.get(base))) {
                    return base;
                }
            }
        }
        return null;
    }

    List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The one sample of {@code name} (with {@code extra} label key=value if given). */
    double value(String name, String... keyValue) {
        List<Sample> found = samples(name).stream().filter(s -> {
            for (int i = 0; i < keyValue.length; i += 2) {
                if (!keyValue[i + 1].equals(s.label(keyValue[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " " + List.of(keyValue));
        }
        return found.get(0).value();
    }
}
