package farm.moonx.events.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * RFC 9562 version-7 UUIDs: a 48-bit Unix-millisecond timestamp, then random bits, so ids
 * sort by creation time (log and index locality) and stay globally unique.
 *
 * <p>Layout (most significant first): 48 bits {@code unix_ts_ms}, 4 bits version {@code 0111},
 * 12 bits random, 2 bits variant {@code 10}, 62 bits random. The 74 random bits come from a
 * {@link SecureRandom}, as {@link UUID#randomUUID()} does, so ids are not guessable.
 */
public final class UuidV7 {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long TIMESTAMP_MASK = 0xFFFF_FFFF_FFFFL;

  private UuidV7() {}

  /** A version-7 UUID for the given Unix time in milliseconds (only its low 48 bits are used). */
  public static UUID at(long epochMillis) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    long randA = ((random[0] & 0xFFL) << 8 | (random[1] & 0xFFL)) & 0x0FFFL;
    long randB = 0;
    for (int i = 2; i < 10; i++) {
      randB = randB << 8 | (random[i] & 0xFFL);
    }
    long msb = (epochMillis & TIMESTAMP_MASK) << 16 | 0x7000L | randA;
    long lsb = randB & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
