package io.aiperf.cli.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import java.util.List;

/** Which classes are internal to a module: inside it, and in none of its API packages. */
final class ApiPredicates {

    private ApiPredicates() {
    }

    /** @param modulePattern {@code io.aiperf.x..}; {@code api}: exact package names */
    static DescribedPredicate<JavaClass> internalTo(String modulePattern, List<String> api) {
        String prefix = modulePattern.substring(0, modulePattern.length() - 2);
        return DescribedPredicate.describe("internal to " + prefix + " (outside " + api + ")",
                c -> (c.getPackageName().equals(prefix) || c.getPackageName().startsWith(prefix + "."))
                        && !api.contains(c.getPackageName()));
    }
}
