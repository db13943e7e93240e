package farm.moonx.events.spi;

import com.dslplatform.json.JsonReader;
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
    JsonReader<Object> reader = in.reader;
    byte t = reader.last();
    if (t != '{' && t != '[') {
      skipScalar(in, t);
      return;
    }
    int bottom = in.depth;
    while (true) {
      if (t == '{' || t == '[') {
        boolean array = t == '[';
        in.enter(array ? 0 : -1);
        t = reader.getNextToken();
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
        t = reader.getNextToken();
        if (t == ',') {
          t = reader.getNextToken();
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
    JsonReader<Object> reader = in.reader;
    if (reader.last() != '"') {
      throw in.syntax("expected a field name");
    }
    reader.fillNameWeakHash();
    return reader.getNextToken();
  }

  private static void skipScalar(JsonIn in, byte t) throws IOException {
    JsonReader<Object> reader = in.reader;
    switch (t) {
      case '"' -> reader.calcWeakHash(); // moves past the string, escapes included, allocating nothing
      case 't' -> literal(in, reader.wasTrue(), "true");
      case 'f' -> literal(in, reader.wasFalse(), "false");
      case 'n' -> literal(in, reader.wasNull(), "null");
      default -> {
        if (JsonNumbers.scan(in) < 0) {
          throw in.syntax("unexpected character " + JsonNumbers.describeByte(t));
        }
      }
    }
  }

  private static void literal(JsonIn in, boolean ok, String expected) {
    if (!ok) {
      throw in.syntax("expected " + expected);
    }
  }
}
