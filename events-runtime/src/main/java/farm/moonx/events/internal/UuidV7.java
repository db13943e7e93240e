package farm.moonx.events.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RFC 9562 version-7 UUIDs: a 48-bit Unix-millisecond timestamp, then random bits, so ids
 * sort by creation time (log and index locality) and stay globally unique.
 *
 * <p>Layout (most significant first): 48 bits {@code unix_ts_ms}, 4 bits version {@code 0111},
 * 12 bits random, 2 bits variant {@code 10}, 62 bits random. The 74 random bits come from {@link ThreadLocalRandom}
 * (two {@code nextLong} calls, no lock, no entropy pool): event ids must be unique, not secret
 * (RFC 9562 section 6.9 asks v7 ids for uniqueness only), and a {@code SecureRandom} per event
 * cost a fifth of a publish's preparation. Collisions need two events in the same millisecond
 * with the same 74 random bits.
 */
public final class UuidV7 {
  private static final long TIMESTAMP_MASK = 0xFFFF_FFFF_FFFFL;

  private UuidV7() {}

  /** A version-7 UUID for the given Unix time in milliseconds (only its low 48 bits are used). */
  public static UUID at(long epochMillis) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long randA = random.nextLong() & 0x0FFFL;
    long randB = random.nextLong();
    long msb = (epochMillis & TIMESTAMP_MASK) << 16 | 0x7000L | randA;
    long lsb = randB & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
