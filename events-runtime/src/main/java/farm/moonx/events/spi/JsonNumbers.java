package farm.moonx.events.spi;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The one place numbers are read, for generated codecs and the envelope alike: the JSON number
 * grammar checked on the bytes, at most {@value #MAX_NUMBER_LENGTH} characters (Jackson's
 * default limit; {@code new BigDecimal}/{@code BigInteger} are quadratic in the digits, so an
 * unbounded number is a CPU bomb), doubles finite ({@code 1e400} is not silently Infinity).
 * Decimals and big integers written as strings, as the services write amounts, pass the same
 * checks.
 */
final class JsonNumbers {
  /** The longest number accepted, in characters (Jackson's {@code StreamReadConstraints} default). */
  static final int MAX_NUMBER_LENGTH = 1000;
  /** The most a serializer may allow ({@link JsonEventSerializer#withMaxNumberLength}). */
  static final int MAX_NUMBER_LENGTH_LIMIT = 1_000_000;

  private JsonNumbers() {}

  /**
   * Scans the number at the current token, leaving the reader on the byte after it. Returns 0
   * for an integer, 1 for a number with a fraction or exponent, -1 (reader not moved) if the
   * token does not start a number.
   */
  static int scan(JsonIn in) {
    byte t = in.token();
    if (t != '-' && (t < '0' || t > '9')) {
      return -1;
    }
    int start = in.pos - 1;
    byte[] b = in.body;
    int end = b.length;
    int i = start;
    boolean fraction = false;
    if (b[i] == '-') {
      i++;
    }
    if (i < end && b[i] == '0') {
      i++;
    } else {
      i = digits(b, i, end);
    }
    if (i < end && b[i] == '.') {
      fraction = true;
      i = digits(b, i + 1, end);
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      fraction = true;
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      i = digits(b, i, end);
    }
    // A number goes on to a delimiter: "01", "1.5.2" or "12ab" is not one number.
    if (i == NO_DIGIT || i < end && (b[i] >= '0' && b[i] <= '9' || b[i] == '.' || b[i] == '+' || b[i] == '-'
        || (b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z')) {
      throw in.syntax("not a valid number");
    }
    in.pos = i;
    if (i - start > in.maxNumberLength) {
      throw in.error("a number is longer than " + in.maxNumberLength + " characters");
    }
    return fraction ? 1 : 0;
  }

  private static final int NO_DIGIT = Integer.MAX_VALUE;

  /** Past one or more digits from {@code i}; {@link #NO_DIGIT} (sticky: fails every later check) if none. */
  private static int digits(byte[] b, int i, int end) {
    int first = i;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i == first ? NO_DIGIT : i;
  }

  private static String text(JsonIn in, int start) {
    return new String(in.body, start, in.pos - start, StandardCharsets.ISO_8859_1);
  }

  /** {@code Long.MIN_VALUE / 10}: below it, one more digit overflows (as in {@link Long#parseLong}). */
  private static final long MULTMIN = Long.MIN_VALUE / 10;

  static long readLong(JsonIn in) {
    int start = in.pos - 1;
    int kind = scanChecked(in, "an integer");
    if (kind != 0) {
      throw in.error("expected an integer but found a decimal number");
    }
    return scannedLong(in, start);
  }

  /** The integer {@link #scan} just read from {@code start}, if it fits a long. */
  static long scannedLong(JsonIn in, int start) {
    byte[] b = in.body;
    boolean negative = b[start] == '-';
    int from = negative ? start + 1 : start;
    if (in.pos - from <= 18) { // 18 digits cannot overflow a long: no check per digit
      long value = 0;
      for (int i = from; i < in.pos; i++) {
        value = value * 10 + (b[i] - '0');
      }
      return negative ? -value : value;
    }
    // Accumulated negatively: Long.MIN_VALUE has no positive counterpart.
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long value = 0;
    for (int i = negative ? start + 1 : start; i < in.pos; i++) {
      int digit = b[i] - '0';
      if (value < MULTMIN || value * 10 < limit + digit) {
        throw in.error(text(in, start) + " is out of the range of a long");
      }
      value = value * 10 - digit;
    }
    return negative ? value : -value;
  }

  static double readDouble(JsonIn in) {
    int start = in.pos - 1;
    scanChecked(in, "a number");
    return finite(in, Double.parseDouble(text(in, start)), text(in, start));
  }

  private static double finite(JsonIn in, double value, String text) {
    if (Double.isInfinite(value)) {
      throw in.error(text + " is out of the range of a double");
    }
    return value;
  }

  private static int scanChecked(JsonIn in, String expected) {
    if (in.token() == '-' || in.token() >= '0' && in.token() <= '9') {
      return scan(in);
    }
    throw in.typeError(expected);
  }

  /** A decimal written as a JSON string ({@code "12.50"}) or number. */
  static BigDecimal readDecimal(JsonIn in) throws IOException {
    if (in.token() == '"') {
      int start = in.pos;
      int end = plainDecimalEnd(in.body, start, '"');
      if (end > 0 && end - start <= in.maxNumberLength) {
        in.pos = end + 1; // past the closing quote
        return plainDecimal(in.body, start, end);
      }
      String text = in.string();
      checkLength(in, text);
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw in.error("\"" + text + "\" is not a decimal number", e);
      }
    }
    int start = in.pos - 1;
    scanChecked(in, "a decimal number");
    int end = plainDecimalEnd(in.body, start, in.pos < in.body.length ? in.body[in.pos] : 0);
    return end == in.pos ? plainDecimal(in.body, start, end) : new BigDecimal(text(in, start));
  }

  /** Most digits of a decimal read without {@code new BigDecimal(String)}: its unscaled value fits a long. */
  private static final int PLAIN_DIGITS = 18;

  /**
   * The end of a plain decimal at {@code start} ({@code -?digits(.digits)?}, at most
   * {@value #PLAIN_DIGITS} digits) followed by {@code terminator}, or -1. Amounts are such
   * decimals: they are read from the bytes, with no string or char array in between.
   */
  private static int plainDecimalEnd(byte[] b, int start, int terminator) {
    int i = start < b.length && b[start] == '-' ? start + 1 : start;
    int digits = 0;
    int dot = -1;
    for (; i < b.length; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && dot < 0) {
        dot = i;
      } else {
        break;
      }
    }
    int first = b[start] == '-' ? start + 1 : start;
    boolean wellFormed = digits > 0 && digits <= PLAIN_DIGITS && i < b.length && b[i] == terminator
        && dot != first && dot != i - 1;
    return wellFormed ? i : -1;
  }

  /** The plain decimal between {@code start} and {@code end} (see {@link #plainDecimalEnd}), scale kept. */
  private static BigDecimal plainDecimal(byte[] b, int start, int end) {
    boolean negative = b[start] == '-';
    long unscaled = 0;
    int scale = 0;
    for (int i = negative ? start + 1 : start; i < end; i++) {
      if (b[i] == '.') {
        scale = end - i - 1;
      } else {
        unscaled = unscaled * 10 + (b[i] - '0');
      }
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  /** An integer written as a JSON string or integer number. */
  static BigInteger readBigInteger(JsonIn in) throws IOException {
    if (in.token() == '"') {
      String text = in.string();
      checkLength(in, text);
      try {
        return new BigInteger(text);
      } catch (NumberFormatException e) {
        throw in.error("\"" + text + "\" is not an integer", e);
      }
    }
    int start = in.pos - 1;
    if (scanChecked(in, "an integer") != 0) {
      throw in.error("expected an integer but found a decimal number");
    }
    return new BigInteger(text(in, start));
  }

  private static void checkLength(JsonIn in, String text) {
    if (text.length() > in.maxNumberLength) {
      throw in.error("a number is longer than " + in.maxNumberLength + " characters");
    }
  }

  /**
   * Any JSON number as Jackson's {@code getNumberValue()} gives it (free-form values such as
   * {@code metadata.context}): Integer, Long or BigInteger for integers, Double otherwise.
   */
  static Number readAny(JsonIn in) {
    int start = in.pos - 1;
    int kind = scanChecked(in, "a number");
    String text = text(in, start);
    if (kind == 1) {
      return finite(in, Double.parseDouble(text), text);
    }
    BigInteger value = new BigInteger(text);
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.bitLength() < 64 ? (Number) value.longValue() : value;
  }

  /** How the current token reads in an error message: "a string", "an integer", "null"… */
  static String describe(JsonIn in) {
    byte t = in.token();
    return switch (t) {
      case '{' -> "an object";
      case '[' -> "an array";
      case '"' -> "a string";
      case 't', 'f' -> "a boolean";
      case 'n' -> "null";
      default -> t == '-' || t >= '0' && t <= '9' ? numberKind(in) : "an unexpected character " + describeByte(t);
    };
  }

  private static String numberKind(JsonIn in) {
    byte[] b = in.body;
    for (int i = in.pos - 1; i < b.length; i++) {
      byte c = b[i];
      if (c == '.' || c == 'e' || c == 'E') {
        return "a decimal number";
      }
      if (c != '-' && c != '+' && (c < '0' || c > '9')) {
        break;
      }
    }
    return "an integer";
  }

  /** A byte of input, quoted if printable ASCII, else in hex (never raw input in a message). */
  static String describeByte(byte b) {
    return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xff);
  }
}
