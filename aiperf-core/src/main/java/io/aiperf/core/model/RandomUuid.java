package io.aiperf.core.model;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version-4 UUIDs for request and conversation ids, from the calling thread's fast RNG: {@link UUID#randomUUID()}
 * draws from SecureRandom, which takes a lock, and these ids need to be unique, not secret.
 */
public final class RandomUuid {

    private RandomUuid() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
