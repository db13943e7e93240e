package farm.moonx.events.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and skips JSON strings for {@link JsonIn} in the message body: plain ASCII scanned eight
 * bytes at a time and copied once as Latin-1; anything with escapes, control or non-ASCII bytes
 * checked to be valid UTF-8 and decoded into the reader's character buffer (or, skipped, only
 * checked). Control characters must be escaped, as {@code JSON.parse} requires; a lone
 * surrogate escape stays one character, as in Jackson.
 */
final class JsonStrings {
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private JsonStrings() {}

  /** The string whose opening quote is the current token; the reader moves past its closing quote. */
  static String read(JsonIn in) {
    byte[] b = in.body;
    int start = in.pos;
    int i = plainEnd(b, start);
    if (i < b.length && b[i] == '"') {
      // Plain ASCII (the common case): the bytes are the characters, copied once.
      return checked(in, new String(b, start, i - start, StandardCharsets.ISO_8859_1), i);
    }
    int end = checkedEnd(in, start, i);
    if (in.chars.length < end - start) {
      in.chars = new char[Math.max(end - start, 2 * in.chars.length)];
    }
    int n = unescape(in, start, end, in.chars);
    return checked(in, new String(in.chars, 0, n), end);
  }

  /** The longest string {@link #recurring} keeps, in bytes. */
  private static final int RECURRING_MAX_LENGTH = 64;

  /**
   * {@link #read}, through the reader's {@code slot} of recurring strings: when the string's bytes
   * are those of the last plain one (ASCII, no escapes, at most {@value #RECURRING_MAX_LENGTH}
   * bytes) read through that slot, returns that same {@code String} and moves past it.
   */
  static String recurring(JsonIn in, int slot) {
    byte[] b = in.body;
    int start = in.pos;
    byte[] last = in.recurringBytes[slot];
    if (last != null) {
      int end = start + last.length;
      // The cached bytes hold no quote, backslash or control byte (see below): equal bytes up
      // to a quote are the same string.
      if (end < b.length && b[end] == '"' && Arrays.equals(b, start, end, last, 0, last.length)) {
        in.pos = end + 1;
        return in.recurring[slot];
      }
    }
    String value = read(in);
    int length = in.pos - 1 - start;
    // As many characters as bytes: plain ASCII without escapes (an escape or a multi-byte
    // character takes more bytes than characters), which the read checked.
    if (length == value.length() && length <= RECURRING_MAX_LENGTH) {
      in.recurringBytes[slot] = Arrays.copyOfRange(b, start, in.pos - 1);
      in.recurring[slot] = value;
    }
    return value;
  }

  /**
   * Moves the reader past the string at the current token, checked as {@link #read} checks it
   * (escapes, control characters, UTF-8) but neither decoded nor allocated: unknown field names
   * and skipped values are JSON as strict as the rest, as {@code JSON.parse} requires. Not
   * limited in length, as nothing of it is kept. Returns whether it was plain ASCII without
   * escapes (its bytes are its characters).
   */
  static boolean skip(JsonIn in) {
    byte[] b = in.body;
    int start = in.pos;
    int end = plainEnd(b, start);
    boolean plain = end < b.length && b[end] == '"';
    if (!plain) {
      end = checkedEnd(in, start, end);
      unescape(in, start, end, null);
    }
    in.pos = end + 1;
    return plain;
  }

  /**
   * The index of the first quote, backslash, control or non-ASCII byte at or after {@code start}
   * (eight bytes at a time), or the body's length.
   */
  private static int plainEnd(byte[] b, int start) {
    int i = start;
    for (int last = b.length - 8; i <= last; i += 8) {
      long special = special((long) JsonFields.LONGS.get(b, i));
      if (special != 0) {
        return i + (Long.numberOfTrailingZeros(special) >>> 3);
      }
    }
    for (; i < b.length; i++) {
      byte c = b[i];
      if (c == '"' || c == '\\' || c < 0x20) { // negative: not ASCII
        return i;
      }
    }
    return b.length;
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

  /** The closing quote of the string at {@code start} whose first special byte is at {@code from}; it must be UTF-8. */
  private static int checkedEnd(JsonIn in, int start, int from) {
    int end = end(in, from);
    if (!Utf8.isValid(in.body, start, end - start)) {
      throw in.error("a string is not valid UTF-8");
    }
    return end;
  }

  /**
   * Decodes the string's bytes {@code [start, end)} (valid UTF-8) into {@code out}, or with
   * {@code out} null only checks them: every escape valid, no control character unescaped.
   * Returns the number of characters.
   */
  private static int unescape(JsonIn in, int start, int end, char[] out) {
    byte[] b = in.body;
    int n = 0;
    int i = start;
    while (i < end) {
      int c = b[i];
      char one;
      if (c == '\\') {
        one = escaped(in, i + 1, end);
        i += b[i + 1] == 'u' ? 6 : 2;
      } else if (c >= 0x20) {
        one = (char) c;
        i++;
      } else if (c >= 0) {
        throw in.error("a string holds the control character " + JsonNumbers.describeByte((byte) c) + " unescaped");
      } else {
        // Valid UTF-8 (checked before): 2, 3 or 4 bytes, the last as a surrogate pair.
        int more = c >= (byte) 0xf0 ? 3 : c >= (byte) 0xe0 ? 2 : 1;
        int cp = c & (0x3f >> more);
        for (int k = 1; k <= more; k++) {
          cp = cp << 6 | b[i + k] & 0x3f;
        }
        i += more + 1;
        if (cp >= 0x10000) {
          if (out != null) {
            out[n] = Character.highSurrogate(cp);
            out[n + 1] = Character.lowSurrogate(cp);
          }
          n += 2;
          continue;
        }
        one = (char) cp;
      }
      if (out != null) {
        out[n] = one;
      }
      n++;
    }
    return n;
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
  private static int end(JsonIn in, int from) {
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
