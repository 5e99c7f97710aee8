package io.aiperf.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How an option's enum value is read, the way AIPerf reads it: any case, {@code -} and {@code _} alike, blanks around
 * it ignored. Every option enum goes through here, so they all accept the same spellings and list the same way.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /**
     * @param name the constant's value as the option spells it (e.g. {@code round_robin})
     * @return the constant of {@code type} whose {@code name} matches {@code value}, or null when none does (or
     *         {@code value} is null)
     */
    public static <E extends Enum<E>> E find(Class<E> type, Function<E, String> name, String value) {
        if (value == null) {
            return null;
        }
        String wanted = normal(value);
        for (E constant : type.getEnumConstants()) {
            if (normal(name.apply(constant)).equals(wanted)) {
                return constant;
            }
        }
        return null;
    }

    /** Every value of {@code type} as the option spells it, comma-separated, in declaration order. */
    public static <E extends Enum<E>> String list(Class<E> type, Function<E, String> name) {
        return Arrays.stream(type.getEnumConstants()).map(name).collect(Collectors.joining(", "));
    }

    private static String normal(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
