package farm.moonx.events.spi;

import farm.moonx.events.internal.FrozenMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON values ({@code metadata.context}) as plain Java: objects are unmodifiable
 * {@code Map<String, Object>} (insertion-ordered), arrays unmodifiable {@code List<Object>},
 * strings, numbers (as {@link JsonNumbers#readAny}), booleans and null as themselves. Recursion
 * is bounded by the reader's nesting limit, so deep input fails instead of overflowing the stack.
 */
final class AnyJson {
  private AnyJson() {}

  /**
   * Reads the object at the current token into a new map the caller owns; its values are read
   * as by {@link #read}.
   */
  static LinkedHashMap<String, Object> object(JsonIn in) throws IOException {
    // Sized for the few entries a context usually has (the default table holds 16); it grows as needed.
    LinkedHashMap<String, Object> map = new LinkedHashMap<>(4);
    for (String key = in.firstKey(); key != null; key = in.nextKey()) {
      map.put(key, read(in));
    }
    return map;
  }

  /** Reads the value at the current token. */
  static Object read(JsonIn in) throws IOException {
    switch (in.token()) {
      case '{' -> {
        return FrozenMap.own(object(in));
      }
      case '[' -> {
        List<Object> list = new ArrayList<>();
        for (boolean more = in.firstElement(); more; more = in.nextElement()) {
          list.add(read(in));
        }
        return Collections.unmodifiableList(list);
      }
      case '"' -> {
        return in.string();
      }
      case 'n' -> {
        in.isNull();
        return null;
      }
      case 't', 'f' -> {
        return in.bool();
      }
      default -> {
        return JsonNumbers.readAny(in);
      }
    }
  }
}
