package io.aiperf.mock;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which prompt beginnings the server has seen, so a benchmark that repeats its dataset shows prefix-cache hits the
 * way a real server with prefix caching would. Bounded and lock-free: a direct-mapped table of hashes of each
 * prompt's first {@link #PREFIX_CHARS} characters, where a newer prefix simply overwrites an older one in its slot
 * (as an eviction would). A collision of two different prefixes' 64-bit hashes would count a false hit; for a mock
 * that is harmless.
 */
final class PrefixCache {

    /** How much of a prompt is its cacheable prefix: about 64 tokens at the mock's 4 characters per token. */
    static final int PREFIX_CHARS = 256;
    private static final int SLOTS = 4096; // a power of two: the slot is the hash's low bits

    private final AtomicLongArray table = new AtomicLongArray(SLOTS);

    /** Whether {@code prompt}'s prefix was seen before; either way it is remembered now. Empty prompts never hit. */
    boolean seen(String prompt) {
        if (prompt.isEmpty()) {
            return false;
        }
        long hash = prefixHash(prompt);
        int slot = (int) (hash & (SLOTS - 1));
        return table.getAndSet(slot, hash) == hash;
    }

    /** The prefix's length in the mock's tokens (4 characters each, as {@link OutputPlan} counts prompts). */
    static int prefixTokens(String prompt) {
        return (Math.min(prompt.length(), PREFIX_CHARS) + 3) / 4;
    }

    private static long prefixHash(String prompt) {
        long h = 0xcbf29ce484222325L; // FNV-1a, as OutputPlan hashes whole prompts
        int n = Math.min(prompt.length(), PREFIX_CHARS);
        for (int i = 0; i < n; i++) {
            h ^= prompt.charAt(i);
            h *= 0x100000001b3L;
        }
        // 0 is an empty slot; keep real hashes away from it.
        return h == 0 ? 1 : h;
    }
}
