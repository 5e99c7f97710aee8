package io.aiperf.cli.sweep;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks a sweep file: a {@code profile} mapping of {@code aiperf profile} options by long name, and a
 * {@code sweep} mapping of lists. Every problem is one {@link UsageException} {@code FILE:LINE: …}: an unknown key
 * (with the nearest option name when one is close), a sweep value that is not a non-empty list, a bad isl-osl pair,
 * a top-level key other than the two, {@code artifact-dir} in {@code sweep}, an option given twice, malformed YAML,
 * a missing file.
 */
final class SweepFileParser {

    static final String ISL_OSL = "isl-osl";
    private static final Pattern ISL_OSL_TEXT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    private final String file;
    private final ProfileOptions options = ProfileOptions.SHARED;
    /** Each option given so far, to the line it was given on: an option is given once in the whole file. */
    private final Map<OptionSpec, Integer> given = new HashMap<>();

    private SweepFileParser(String file) {
        this.file = file;
    }

    static SweepFile parse(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            throw new UsageException(path + ": no such file");
        } catch (IOException ex) {
            throw new UsageException(path + ": cannot read: " + ex.getMessage());
        }
        return parse(path.toString(), text);
    }

    /** @param file what errors call the file */
    static SweepFile parse(String file, String text) {
        return new SweepFileParser(file).parse(YamlReader.read(file, text));
    }

    private SweepFile parse(YamlNode root) {
        if (root == null) {
            throw new UsageException(file + ": empty sweep file (expected 'profile' and 'sweep')");
        }
        if (!(root instanceof YamlNode.Mapping top)) {
            throw error(root.line(), "expected the keys 'profile' and 'sweep', found " + YamlNode.kind(root));
        }
        YamlNode.Mapping profile = null;
        YamlNode.Mapping sweep = null;
        for (YamlNode.Entry entry : top.entries()) {
            switch (entry.key()) {
                case "profile" -> profile = mapping(entry);
                case "sweep" -> sweep = mapping(entry);
                default -> throw error(entry.line(), "unknown top-level key '" + entry.key()
                        + "' (expected 'profile' or 'sweep')");
            }
        }
        if (sweep == null || sweep.entries().isEmpty()) {
            throw error(sweep == null ? top.line() : sweep.line(), "no 'sweep' lists: nothing to sweep");
        }
        List<SweepFile.Setting> settings = new ArrayList<>();
        String artifactDir = null;
        for (YamlNode.Entry entry : profile == null ? List.<YamlNode.Entry>of() : profile.entries()) {
            OptionSpec option = option(entry, "profile option");
            if (ProfileOptions.is(option, "--artifact-dir")) {
                artifactDir = scalarText(entry.key(), entry.value());
                continue;
            }
            settings.add(new SweepFile.Setting(entry.key(), option, args(entry.key(), option, entry.value(), true),
                    entry.line()));
        }
        List<SweepFile.Axis> axes = new ArrayList<>();
        for (YamlNode.Entry entry : sweep.entries()) {
            axes.add(axis(entry));
        }
        return new SweepFile(file, settings, axes, artifactDir);
    }

    private YamlNode.Mapping mapping(YamlNode.Entry entry) {
        if (entry.value() instanceof YamlNode.Mapping m) {
            return m;
        }
        if (entry.value() instanceof YamlNode.Scalar s && s.value() == null) {
            return new YamlNode.Mapping(List.of(), entry.line());
        }
        throw error(entry.line(), "'" + entry.key() + "' must be a mapping of option: value, found "
                + YamlNode.kind(entry.value()));
    }

    /** The profile option {@code entry} names, checked to be given only once. */
    private OptionSpec option(YamlNode.Entry entry, String what) {
        if (entry.key().equals(ISL_OSL)) {
            throw error(entry.line(), "'" + ISL_OSL + "' is a sweep key: put it under sweep (or set isl and osl "
                    + "here)");
        }
        OptionSpec option = options.byKey(entry.key());
        if (option == null) {
            String near = options.suggest(entry.key());
            throw error(entry.line(), "unknown " + what + " '" + entry.key() + "'"
                    + (near == null ? "" : " (did you mean '" + near + "'?)"));
        }
        claim(option, entry);
        return option;
    }

    private void claim(OptionSpec option, YamlNode.Entry entry) {
        Integer first = given.putIfAbsent(option, entry.line());
        if (first != null) {
            throw error(entry.line(), "'" + entry.key() + "' sets " + ProfileOptions.name(option)
                    + ", already set on line " + first);
        }
    }

    private SweepFile.Axis axis(YamlNode.Entry entry) {
        String key = entry.key();
        boolean islOsl = key.equals(ISL_OSL);
        List<OptionSpec> set = new ArrayList<>();
        if (islOsl) {
            set.add(options.byName("--isl"));
            set.add(options.byName("--osl"));
            set.forEach(option -> claim(option, entry));
        } else {
            OptionSpec option = option(entry, "sweep key");
            if (ProfileOptions.is(option, "--artifact-dir")) {
                throw error(entry.line(), "'" + key + "' cannot be swept: each point's folder is made from the "
                        + "sweep keys (set the base folder in profile or with --artifact-dir)");
            }
            set.add(option);
        }
        if (!(entry.value() instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
            throw error(entry.line(), "sweep '" + key + "' must be a non-empty list, found "
                    + (entry.value() instanceof YamlNode.Sequence ? "an empty list" : YamlNode.kind(entry.value())));
        }
        List<SweepFile.Value> values = new ArrayList<>();
        for (YamlNode item : list.items()) {
            values.add(islOsl ? islOslValue(item) : value(key, set.get(0), item));
        }
        return new SweepFile.Axis(key, set, values, entry.line());
    }

    private SweepFile.Value islOslValue(YamlNode item) {
        long isl = -1;
        long osl = -1;
        if (item instanceof YamlNode.Sequence pair && pair.items().size() == 2
                && pair.items().get(0) instanceof YamlNode.Scalar a && a.value() instanceof Long i
                && pair.items().get(1) instanceof YamlNode.Scalar b && b.value() instanceof Long o) {
            isl = i;
            osl = o;
        } else if (item instanceof YamlNode.Scalar s && s.value() instanceof String text) {
            Matcher m = ISL_OSL_TEXT.matcher(text);
            if (m.matches()) {
                isl = parsePositive(m.group(1));
                osl = parsePositive(m.group(2));
            }
        }
        if (isl < 1 || osl < 1) {
            throw error(item.line(), "bad isl-osl pair " + shown(item)
                    + ": expected [ISL, OSL] or \"ISL/OSL\" with whole numbers of at least 1");
        }
        return new SweepFile.Value(isl + "/" + osl, List.of("--isl", Long.toString(isl), "--osl", Long.toString(osl)),
                SegmentNames.islOsl(isl, osl));
    }

    private static long parsePositive(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private SweepFile.Value value(String key, OptionSpec option, YamlNode item) {
        List<String> args = args(key, option, item, option.isMultiValue());
        String text;
        Object value;
        if (item instanceof YamlNode.Scalar s) {
            text = s.text();
            value = s.value();
        } else {
            List<String> texts = new ArrayList<>();
            for (YamlNode part : ((YamlNode.Sequence) item).items()) {
                texts.add(((YamlNode.Scalar) part).text());
            }
            text = String.join("_", texts);
            value = List.copyOf(texts);
        }
        String segment;
        if (ProfileOptions.is(option, "--model-names")) {
            segment = SegmentNames.model(text);
        } else if (ProfileOptions.is(option, "--concurrency")) {
            segment = SegmentNames.concurrency(text);
        } else if (ProfileOptions.is(option, "--request-rate")) {
            segment = SegmentNames.requestRate(text);
        } else {
            segment = SegmentNames.other(key, text);
        }
        return new SweepFile.Value(value, args, segment);
    }

    /**
     * The profile arguments {@code key: node} becomes: {@code --key text}; a flag's {@code true} is {@code --key},
     * its {@code false} nothing; a list (where {@code listRepeats}) repeats the option once per item.
     */
    private List<String> args(String key, OptionSpec option, YamlNode node, boolean listRepeats) {
        String name = "--" + key;
        if (ProfileOptions.isFlag(option)) {
            if (node instanceof YamlNode.Scalar s && s.value() instanceof Boolean on) {
                return on ? List.of(name) : List.of();
            }
            throw error(node.line(), "'" + key + "' is a flag: write true or false, not " + shown(node));
        }
        if (node instanceof YamlNode.Sequence list && listRepeats) {
            if (list.items().isEmpty()) {
                throw error(node.line(), "'" + key + "' is an empty list");
            }
            List<String> args = new ArrayList<>();
            for (YamlNode item : list.items()) {
                args.add(name);
                args.add(scalarText(key, item));
            }
            return args;
        }
        return List.of(name, scalarText(key, node));
    }

    private String scalarText(String key, YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            return s.text();
        }
        throw error(node.line(), "'" + key + "' needs a single value, found " + YamlNode.kind(node));
    }

    private static String shown(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return s.value() == null ? "(empty)" : "'" + s.text() + "'";
        }
        if (node instanceof YamlNode.Sequence list) {
            return "(a list of " + list.items().size() + ")";
        }
        return "(" + YamlNode.kind(node) + ")";
    }

    private UsageException error(int line, String message) {
        return new UsageException(file + ":" + line + ": " + message);
    }
}
