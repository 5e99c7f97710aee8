package io.aiperf.cli;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code aiperf plugins [CATEGORY [TYPE]] [-a] [-v]}: AIPerf's plugin explorer as a list of what this build has (endpoint
 * types, dataset types, ...), from {@link PluginCatalog}.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, sortOptions = false,
        header = "List the endpoint types, dataset types, timing modes, exporters and UIs this build has.",
        description = {"Without CATEGORY: each category and the names in it. With CATEGORY (or --all): each name "
                + "with a one-line description. With CATEGORY TYPE: that one."})
public final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CATEGORY",
            description = "endpoint, dataset_type, public_dataset, timing_mode, arrival_pattern, exporter or ui.")
    String category;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TYPE", description = "One name of the CATEGORY.")
    String type;

    @Option(names = {"-a", "--all"}, description = "Every category with its descriptions.")
    boolean all;

    @Option(names = {"-v", "--validate"},
            description = "Check the catalog: every name unique in its category and described on one line; exit 1 "
                    + "naming each problem.")
    boolean validate;

    @Override
    public Integer call() {
        Map<String, List<PluginCatalog.Entry>> categories = PluginCatalog.categories();
        PrintWriter out = spec.commandLine().getOut();
        if (validate) {
            List<String> problems = PluginCatalog.problems(categories);
            problems.forEach(p -> spec.commandLine().getErr().println("aiperf: error: plugins: " + p));
            spec.commandLine().getErr().flush();
            if (problems.isEmpty()) {
                out.println("plugins: " + categories.values().stream().mapToInt(List::size).sum() + " in "
                        + categories.size() + " categories, all valid");
                out.flush();
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
        if (category != null) {
            String wanted = category.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            List<PluginCatalog.Entry> entries = categories.get(wanted);
            if (entries == null) {
                throw new UsageException("unknown plugin category '" + category + "'; expected one of "
                        + String.join(", ", categories.keySet()));
            }
            if (type != null) {
                String name = type.strip().toLowerCase(Locale.ROOT);
                PluginCatalog.Entry entry = entries.stream()
                        .filter(e -> e.name().equalsIgnoreCase(name) || e.name().equalsIgnoreCase(name.replace('-', '_')))
                        .findFirst()
                        .orElseThrow(() -> new UsageException("no " + wanted + " named '" + type + "'; expected one of "
                                + entries.stream().map(PluginCatalog.Entry::name).collect(Collectors.joining(", "))));
                out.println(wanted + " " + entry.name() + ": " + entry.description());
            } else {
                print(out, wanted, entries);
            }
        } else if (all) {
            categories.forEach((name, entries) -> print(out, name, entries));
        } else {
            categories.forEach((name, entries) -> out.println(name + ": " + entries.stream()
                    .map(PluginCatalog.Entry::name).collect(Collectors.joining(", "))));
            out.println("(aiperf plugins CATEGORY or --all for descriptions)");
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String category, List<PluginCatalog.Entry> entries) {
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        out.println(category + ":");
        for (PluginCatalog.Entry entry : entries) {
            out.println("  " + String.format("%-" + width + "s", entry.name()) + "  " + entry.description());
        }
    }
}
