package farm.moonx.events.spi;

import java.nio.charset.StandardCharsets;

/**
 * Reads JSON strings for {@link JsonIn} from the message body: plain ASCII scanned eight bytes
 * at a time and copied once as Latin-1; anything with escapes, control or non-ASCII bytes
 * checked to be valid UTF-8 and decoded into the reader's character buffer. Control
 * characters must be escaped, as {@code JSON.parse} requires; a lone surrogate escape stays one
 * character, as in Jackson.
 */
final class JsonStrings {
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private JsonStrings() {}

  /** The string whose opening quote is the current token; the reader moves past its closing quote. */
  static String read(JsonIn in) {
    byte[] b = in.body;
    int start = in.pos;
    int i = start;
    // Eight bytes at a time up to the first quote, backslash, control or non-ASCII byte.
    for (int last = b.length - 8; i <= last; i += 8) {
      long special = special((long) JsonFields.LONGS.get(b, i));
      if (special != 0) {
        i += Long.numberOfTrailingZeros(special) >>> 3;
        break;
      }
    }
    for (; i < b.length; i++) {
      byte c = b[i];
      if (c == '"') {
        // Plain ASCII (the common case): the bytes are the characters, copied once.
        return checked(in, new String(b, start, i - start, StandardCharsets.ISO_8859_1), i);
      }
      if (c == '\\' || c < 0x20) { // negative: not ASCII
        return decode(in, start, i);
      }
    }
    throw in.syntax("a string is not closed");
  }

  /**
   * The high bit of each byte of the little-endian word {@code w} that is a quote, a backslash,
   * a control character or not ASCII; the lowest set bit is exact (a borrow's false positives
   * only occur above a true one).
   */
  private static long special(long w) {
    long quote = w ^ 0x2222222222222222L;
    long backslash = w ^ 0x5c5c5c5c5c5c5c5cL;
    return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - 0x2020202020202020L) & ~w | w) & HIGH_BITS;
  }

  /** The string at {@code start} with escapes, control or non-ASCII bytes, the first at {@code from}. */
  private static String decode(JsonIn in, int start, int from) {
    int end = end(in, from);
    if (!Utf8.isValid(in.body, start, end - start)) {
      throw in.error("a string is not valid UTF-8");
    }
    byte[] b = in.body;
    if (in.chars.length < end - start) {
      in.chars = new char[Math.max(end - start, 2 * in.chars.length)];
    }
    char[] out = in.chars;
    int n = 0;
    int i = start;
    while (i < end) {
      int c = b[i];
      if (c == '\\') {
        out[n++] = escaped(in, i + 1, end);
        i += b[i + 1] == 'u' ? 6 : 2;
      } else if (c >= 0x20) {
        out[n++] = (char) c;
        i++;
      } else if (c >= 0) {
        throw in.error("a string holds the control character " + JsonNumbers.describeByte((byte) c) + " unescaped");
      } else {
        // Valid UTF-8 (checked above): 2, 3 or 4 bytes, the last as a surrogate pair.
        int more = c >= (byte) 0xf0 ? 3 : c >= (byte) 0xe0 ? 2 : 1;
        int cp = c & (0x3f >> more);
        for (int k = 1; k <= more; k++) {
          cp = cp << 6 | b[i + k] & 0x3f;
        }
        i += more + 1;
        if (cp >= 0x10000) {
          out[n++] = Character.highSurrogate(cp);
          out[n++] = Character.lowSurrogate(cp);
        } else {
          out[n++] = (char) cp;
        }
      }
    }
    return checked(in, new String(out, 0, n), end);
  }

  /** The character of the escape whose letter is at {@code at} (a lone surrogate stays one, as in Jackson). */
  private static char escaped(JsonIn in, int at, int end) {
    byte e = in.body[at];
    switch (e) {
      case '"', '\\', '/' -> {
        return (char) e;
      }
      case 'b' -> {
        return '\b';
      }
      case 'f' -> {
        return '\f';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case 'u' -> {
        int value = 0;
        for (int k = at + 1; k <= at + 4; k++) {
          int digit = k < end ? Character.digit(in.body[k], 16) : -1;
          if (digit < 0) {
            throw in.syntax("a \\u escape needs four hexadecimal digits");
          }
          value = value << 4 | digit;
        }
        return (char) value;
      }
      default -> throw in.syntax("invalid escape \\" + (char) (e & 0x7f) + " in a string");
    }
  }

  /** {@code value}, the string whose closing quote is at {@code quote}, which the cursor moves past. */
  private static String checked(JsonIn in, String value, int quote) {
    if (value.length() > JsonIn.MAX_STRING_LENGTH) {
      throw in.error("a string is longer than " + JsonIn.MAX_STRING_LENGTH + " characters");
    }
    in.pos = quote + 1;
    return value;
  }

  /** The index of the quote closing the string that goes on at {@code from} (escapes skipped). */
  static int end(JsonIn in, int from) {
    byte[] b = in.body;
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        i++;
      }
    }
    throw in.syntax("a string is not closed");
  }
}
