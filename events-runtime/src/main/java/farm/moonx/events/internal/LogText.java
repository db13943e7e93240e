package farm.moonx.events.internal;

/**
 * Text from input (event ids, types, header values…) made safe for a log line or the MDC:
 * control characters, line and paragraph separators are escaped ({@code \n}, {@code \u2028}),
 * so input can never start a forged log line, and the result is cut to {@value #MAX_LENGTH}
 * characters, so input cannot flood a log either.
 */
public final class LogText {
  /** Longest text kept; what is cut is marked with {@code …}. */
  public static final int MAX_LENGTH = 200;

  private LogText() {}

  /** {@code value} escaped and capped; null stays null. */
  public static String of(String value) {
    if (value == null) {
      return null;
    }
    int length = Math.min(value.length(), MAX_LENGTH);
    if (length == value.length() && isPlain(value)) {
      return value; // the common case allocates nothing
    }
    StringBuilder out = new StringBuilder(length + 16);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
            out.append(String.format("\\u%04x", (int) c));
          } else if (i == length - 1 && Character.isHighSurrogate(c)) {
            // never end on half a surrogate pair
          } else {
            out.append(c);
          }
        }
      }
    }
    if (length < value.length()) {
      out.append('…');
    }
    return out.toString();
  }

  private static boolean isPlain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // Printable ASCII passes on one range check (ids and names are that); the rest is looked at.
      if ((c < 0x20 || c >= 0x7f) && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
        return false;
      }
    }
    return true;
  }
}
