package io.aiperf.cli.architecture;

import com.tngtech.archunit.lang.ArchRule;
import io.aiperf.core.service.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture as rules. A module is its root package ({@code io.aiperf.<module>}); what another module may use
 * of it is its API: the packages named in {@link #API}. Everything else in a module is internal to it.
 */
final class ModuleRules {

    /** Each module and the modules it may depend on (the one-way graph of docs/architecture.md). */
    private static final Map<String, List<String>> MAY_USE = Map.of(
            "cli", List.of("core", "worker", "records", "ui", "telemetry", "mock"),
            "worker", List.of("core"),
            "records", List.of("core"),
            "ui", List.of("core"),
            "telemetry", List.of("core"),
            "core", List.of(),
            "mock", List.of());

    /**
     * The packages of each module that other modules may use. core: everything but the controller's own packages;
     * a service module: its root, where the entry class is (records also its metric catalog, which the CLI checks
     * {@code --goodput} against; ui also its report package, whose {@code Report} the plot command and sweeps call).
     */
    private static final Map<String, List<String>> API = Map.of(
            "worker", List.of("io.aiperf.worker"),
            "records", List.of("io.aiperf.records", "io.aiperf.records.metric"),
            "ui", List.of("io.aiperf.ui", "io.aiperf.ui.report"),
            "telemetry", List.of("io.aiperf.telemetry"),
            "mock", List.of("io.aiperf.mock"));

    /** The controller's own packages inside aiperf-core: nothing outside them uses them. */
    private static final String[] CONTROLLER = {"io.aiperf.core.controller..", "io.aiperf.core.load.."};

    /** Libraries only services use; the front-end reaches them only through a service's API. */
    private static final String[] SERVICE_LIBRARIES = {"io.netty..", "org.HdrHistogram..", "ai.djl..",
        "com.knuddels.jtokkit..", "com.hubspot.jinjava..", "io.burt.jmespath.."};

    private ModuleRules() {
    }

    static ArchRule moduleGraphIsFreeOfCycles() {
        return slices().matching("io.aiperf.(*)..").namingSlices("module $1").should().beFreeOfCycles()
                .because("data flows one way: cli on top, core at the bottom");
    }

    static List<ArchRule> modulesBelowOnly() {
        List<ArchRule> rules = new ArrayList<>();
        for (var e : MAY_USE.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : MAY_USE.keySet()) {
                if (!other.equals(e.getKey()) && !e.getValue().contains(other)) {
                    forbidden.add("io.aiperf." + other + "..");
                }
            }
            if (!forbidden.isEmpty()) {
                rules.add(noClasses().that().resideInAPackage("io.aiperf." + e.getKey() + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because("module " + e.getKey() + " may use only " + e.getValue()));
            }
        }
        return rules;
    }

    static List<ArchRule> internalsStayInside() {
        List<ArchRule> rules = new ArrayList<>();
        for (var e : API.entrySet()) {
            String module = "io.aiperf." + e.getKey() + "..";
            rules.add(noClasses().that().resideOutsideOfPackage(module)
                    .should().dependOnClassesThat(ApiPredicates.internalTo(module, e.getValue()))
                    .because("only " + e.getValue() + " of module " + e.getKey() + " is for other modules"));
        }
        rules.add(noClasses().that().resideOutsideOfPackage("io.aiperf.core..")
                .should().dependOnClassesThat().resideInAnyPackage(CONTROLLER)
                .because("the controller's run and load engine are its own; other modules talk to it over the bus"));
        return rules;
    }

    static ArchRule sharedCoreStaysBelowTheController() {
        return noClasses().that().resideInAPackage("io.aiperf.core..")
                .and().resideOutsideOfPackages(CONTROLLER).and().resideOutsideOfPackage("io.aiperf.core")
                .should().dependOnClassesThat().resideInAnyPackage(CONTROLLER)
                .orShould().dependOnClassesThat().resideInAPackage("io.aiperf.core")
                .because("what every service shares lies below the controller, so no arrow climbs back up");
    }

    static ArchRule serviceEntriesAtModuleRoots() {
        return classes().that().implement(Service.class)
                .should().resideInAnyPackage("io.aiperf.core", "io.aiperf.worker", "io.aiperf.records",
                        "io.aiperf.telemetry")
                .because("each process type is a service whose entry class sits at the root of its module");
    }

    static List<ArchRule> cliIsFrontEndOnly() {
        return List.of(
                noClasses().that().resideInAPackage("io.aiperf.cli..").should().implement(Service.class)
                        .because("aiperf-cli is the front-end; services live in their own modules"),
                noClasses().that().resideInAPackage("io.aiperf.cli..")
                        .should().dependOnClassesThat().resideInAnyPackage(SERVICE_LIBRARIES)
                        .because("transport, histograms, tokenizers and templates are service code"));
    }
}
