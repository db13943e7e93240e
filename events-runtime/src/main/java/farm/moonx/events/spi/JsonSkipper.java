package farm.moonx.events.spi;

import java.io.IOException;

/**
 * Skips JSON values for {@link JsonIn}: unknown fields and values nobody reads, iteratively
 * (a stack of containers in the reader's depth arrays, never the call stack) and without
 * allocating, so 100,000 nested brackets fail at the depth limit instead of overflowing.
 */
final class JsonSkipper {
  private JsonSkipper() {}

  /** Skips the current value of {@code in}, however deep. */
  static void skip(JsonIn in) throws IOException {
    byte t = in.token();
    if (t != '{' && t != '[') {
      skipScalar(in, t);
      return;
    }
    int bottom = in.depth;
    while (true) {
      if (t == '{' || t == '[') {
        boolean array = t == '[';
        in.enter(array ? 0 : -1);
        t = in.next();
        if (t != (array ? ']' : '}')) {
          t = array ? t : skipName(in);
          continue;
        }
        in.depth--;
      } else {
        skipScalar(in, t);
      }
      // A value ended: go on with its container, closing those that end here.
      while (true) {
        if (in.depth == bottom) {
          return;
        }
        boolean array = in.indexes[in.depth] >= 0;
        t = in.next();
        if (t == ',') {
          t = in.next();
          t = array ? t : skipName(in);
          break;
        }
        if (t != (array ? ']' : '}')) {
          throw in.syntax(array ? "expected ',' or ']' after an array element" : "expected ',' or '}' after a field");
        }
        in.depth--;
      }
    }
  }

  private static byte skipName(JsonIn in) throws IOException {
    if (in.token() != '"') {
      throw in.syntax("expected a field name");
    }
    in.skipString();
    if (in.next() != ':') {
      throw in.syntax("expected ':' after a field name");
    }
    return in.next();
  }

  private static void skipScalar(JsonIn in, byte t) throws IOException {
    if (t == '"') {
      in.skipString(); // checked as JSON, nothing decoded or allocated
    } else if (!in.anyLiteral() && JsonNumbers.scan(in) < 0) {
      throw in.syntax("unexpected character " + JsonNumbers.describeByte(t));
    }
  }
}
