package io.aiperf.core.message;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of what crosses the bus, as one short fingerprint: every {@link Message} kind and every aiperf record,
 * enum and sealed interface reachable from them (the run's configuration among them), with their components' names and
 * types and the enums' constants. Two builds whose fingerprints are equal read each other's messages exactly; a worker
 * on another host whose fingerprint differs is refused at its {@link Message.WorkerJoin}, since the codec ignores
 * fields it does not know and a configuration read that way would be silently wrong. Computed from the classes
 * themselves, so it cannot fall out of step with them.
 */
public final class BusProtocol {

    /** This build's fingerprint: 16 hex digits. */
    public static final String FINGERPRINT = fingerprintOf(Message.class);

    private BusProtocol() {
    }

    static String fingerprintOf(Class<?> root) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : shapeOf(root)) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * One line per type reachable from {@code root}, sorted: {@code Name(component:Type,…)} for a record,
     * {@code Name{CONSTANT,…}} for an enum, {@code Name permits Sub,…} for a sealed type.
     */
    static Set<String> shapeOf(Class<?> root) {
        Set<String> lines = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c.isRecord()) {
                StringBuilder line = new StringBuilder(c.getName()).append('(');
                for (RecordComponent rc : c.getRecordComponents()) {
                    line.append(rc.getName()).append(':').append(rc.getGenericType().getTypeName()).append(',');
                    enqueue(rc.getGenericType(), todo);
                }
                lines.add(line.append(')').toString());
            } else if (c.isEnum()) {
                StringBuilder line = new StringBuilder(c.getName()).append('{');
                for (Object constant : c.getEnumConstants()) {
                    line.append(((Enum<?>) constant).name()).append(',');
                }
                lines.add(line.append('}').toString());
            }
            if (c.isSealed()) {
                StringBuilder line = new StringBuilder(c.getName()).append(" permits ");
                for (Class<?> sub : c.getPermittedSubclasses()) {
                    line.append(sub.getName()).append(',');
                    todo.add(sub);
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static void enqueue(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            Class<?> element = c.isArray() ? c.getComponentType() : c;
            if (element.getName().startsWith("io.aiperf.")) {
                todo.add(element);
            }
        } else if (type instanceof ParameterizedType p) {
            enqueue(p.getRawType(), todo);
            for (Type argument : p.getActualTypeArguments()) {
                enqueue(argument, todo);
            }
        } else if (type instanceof GenericArrayType a) {
            enqueue(a.getGenericComponentType(), todo);
        }
    }
}
