package io.aiperf.cli.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.aiperf.core.service.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module tree as docs/architecture.md draws it, checked on the compiled classes of every module: the module graph
 * points one way (cli on top, core at the bottom, the services between), no module uses another module's internal
 * packages, each service's entry class sits at the root of its module, and the CLI holds no service code.
 */
class ModuleArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importEveryModule() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Other modules' test helpers (core's and the worker's test-jars) are test code too, in a jar.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.aiperf");
    }

    @Test
    void everyModuleIsThere() {
        for (String root : List.of("io.aiperf.cli", "io.aiperf.core", "io.aiperf.worker", "io.aiperf.records",
                "io.aiperf.ui", "io.aiperf.mock")) {
            assertThat(production.containPackage(root)).as(root).isTrue();
        }
    }

    @Test
    void theModuleGraphHasNoCycle() {
        ModuleRules.moduleGraphIsFreeOfCycles().check(production);
    }

    @Test
    void eachModuleDependsOnlyOnTheModulesBelowIt() {
        ModuleRules.modulesBelowOnly().forEach(rule -> rule.check(production));
    }

    @Test
    void noModuleUsesAnotherModulesInternals() {
        ModuleRules.internalsStayInside().forEach(rule -> rule.check(production));
    }

    @Test
    void coresSharedPackagesDoNotReachUpIntoTheController() {
        ModuleRules.sharedCoreStaysBelowTheController().check(production);
    }

    @Test
    void everyServiceEntryClassSitsAtTheRootOfItsModule() {
        ModuleRules.serviceEntriesAtModuleRoots().check(production);
        assertThat(production.stream().filter(c -> c.isAssignableTo(Service.class) && !c.isInterface())
                .map(c -> c.getName()).sorted().toList())
                .containsExactly("io.aiperf.core.SystemController", "io.aiperf.records.RecordsManager",
                        "io.aiperf.telemetry.TelemetryManager",
                        "io.aiperf.worker.WorkerService");
    }

    @Test
    void theCliHoldsNoServiceCode() {
        ModuleRules.cliIsFrontEndOnly().forEach(rule -> rule.check(production));
    }

    /** The rules are not vacuous: a class that breaks each of them is caught. */
    @Test
    void theRulesCatchAViolation() {
        JavaClasses violators = new ClassFileImporter().importClasses(Violators.ReachesIntoWorkerInternals.class,
                Violators.CliService.class, io.aiperf.worker.http.HttpTransport.class, Service.class);
        assertViolated(ModuleRules.internalsStayInside(), violators);
        assertViolated(ModuleRules.cliIsFrontEndOnly(), violators);
        assertViolated(List.of(ModuleRules.serviceEntriesAtModuleRoots()), violators);
    }

    private static void assertViolated(List<ArchRule> rules, JavaClasses classes) {
        boolean anyViolated = rules.stream().anyMatch(r -> r.evaluate(classes).hasViolation());
        assertThat(anyViolated).as("some rule of %s is violated", rules).isTrue();
    }

    /** Test-only classes that break the rules on purpose (never part of the production import). */
    static final class Violators {

        static final class ReachesIntoWorkerInternals {
            Object transport(io.aiperf.worker.http.HttpTransport t) {
                return t;
            }
        }

        static final class CliService implements Service {
            @Override
            public int run() {
                return 0;
            }
        }

        private Violators() {
        }
    }
}
