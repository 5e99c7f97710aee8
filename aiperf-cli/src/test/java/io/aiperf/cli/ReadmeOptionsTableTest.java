package io.aiperf.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md's "Options available now" table names every long option of {@code aiperf profile}, and only those. */
class ReadmeOptionsTableTest {

    private static final Pattern LONG_NAME = Pattern.compile("--[a-z0-9][a-z0-9-]*[a-z0-9]");

    /** The first column of every row of the table under "### Options available now". */
    private static List<String> optionColumn() throws IOException {
        Path readme = Path.of("..", "README.md");
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf("### Options available now");
        assertThat(start).as("README.md has an 'Options available now' section").isNotNegative();
        List<String> cells = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] columns = line.split("(?<!\\\\)\\|");
                if (columns.length > 1 && !columns[1].isBlank() && !columns[1].strip().startsWith("---")) {
                    cells.add(columns[1]);
                }
            } else if (inTable || line.startsWith("#")) {
                break;
            }
        }
        return cells.subList(1, cells.size()); // the header row
    }

    private static Set<String> namesIn(List<String> cells) {
        Set<String> names = new TreeSet<>();
        for (String cell : cells) {
            Matcher m = LONG_NAME.matcher(cell);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static CommandSpec profile() {
        return AiperfCommandLine.create(null, null).getSubcommands().get("profile").getCommandSpec();
    }

    @Test
    void everyLongOptionNameIsInTheTable() throws IOException {
        Set<String> inTable = namesIn(optionColumn());
        Set<String> missing = new TreeSet<>();
        for (OptionSpec option : profile().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                if (name.startsWith("--") && !inTable.contains(name)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("long options of aiperf profile missing from README.md's options table").isEmpty();
    }

    @Test
    void everyOptionInTheTableExists() throws IOException {
        CommandSpec spec = profile();
        Set<String> unknown = new TreeSet<>();
        for (String name : namesIn(optionColumn())) {
            if (spec.findOption(name) == null && !negationOfANegatable(spec, name)) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("options in README.md's options table that aiperf profile does not have").isEmpty();
    }

    private static boolean negationOfANegatable(CommandSpec spec, String name) {
        if (!name.startsWith("--no-")) {
            return false;
        }
        OptionSpec option = spec.findOption("--" + name.substring("--no-".length()));
        return option != null && option.negatable();
    }
}
