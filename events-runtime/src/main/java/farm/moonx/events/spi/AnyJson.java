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
   * Reads the object at the current token into a new unmodifiable, insertion-ordered map, which
   * {@code EventMetadata} keeps as it is; its values are read as by {@link #read}.
   */
  static Map<String, Object> object(JsonIn in) throws IOException {
    String key = in.firstKey();
    if (key == null) {
      return FrozenMap.own(new LinkedHashMap<>(1));
    }
    Object value = read(in);
    String next = in.nextKey();
    if (next == null) {
      return FrozenMap.of(key, value); // the usual context: one entry, no hash table
    }
    // Sized for the few entries a context usually has (the default table holds 16); it grows as needed.
    LinkedHashMap<String, Object> map = new LinkedHashMap<>(4);
    map.put(key, value);
    for (; next != null; next = in.nextKey()) {
      map.put(next, read(in)); // a repeated key keeps its first place and its last value, as in JSON.parse
    }
    return FrozenMap.own(map);
  }

  /** Reads the value at the current token. */
  static Object read(JsonIn in) throws IOException {
    switch (in.token()) {
      case '{' -> {
        return object(in);
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
