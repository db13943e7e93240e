package farm.moonx.events.internal;

import farm.moonx.events.spi.JsonOut;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes free-form values ({@code metadata.context}) built of maps, collections, strings,
 * numbers, booleans, enums and null; {@link #unsupported} finds what cannot be written, for
 * validation before anything is sent.
 */
public final class JsonValues {
  private static final int PREVIEW = 100;

  private JsonValues() {}

  /**
   * Writes {@code value}.
   *
   * @throws IllegalArgumentException naming the path if some value is of another type
   */
  public static void write(JsonOut out, Object value, String path) {
    if (!writeChecked(out, value)) {
      throw new IllegalArgumentException(unsupported(value, path));
    }
  }

  /**
   * A message naming the first value that {@link #write} cannot write, or null if none. The
   * path is spelled out only when there is a problem: this runs for every published event.
   */
  public static String unsupported(Object value, String path) {
    return writable(value) ? null : describe(value, path);
  }

  private static boolean writable(Object value) {
    if (value instanceof String) {
      return true; // the common case first (see writeChecked)
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || !writable(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Collection<?> list) {
      for (Object element : list) {
        if (!writable(element)) {
          return false;
        }
      }
      return true;
    }
    return isScalar(value);
  }

  private static String describe(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          return path + ": key " + e.getKey() + " is not a string";
        }
        if (!writable(e.getValue())) {
          return describe(e.getValue(), path + "." + key);
        }
      }
    }
    if (value instanceof Collection<?> list) {
      int i = 0;
      for (Object element : list) {
        if (!writable(element)) {
          return describe(element, path + "[" + i + "]");
        }
        i++;
      }
    }
    return path + ": a " + value.getClass().getName()
        + " cannot be written as JSON; use maps, lists, strings, numbers, booleans or null";
  }

  private static boolean isScalar(Object value) {
    return value == null || value instanceof CharSequence || value instanceof Boolean
        || value instanceof Enum<?> || isJsonNumber(value);
  }

  private static boolean isJsonNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof Double || value instanceof Float
        || value instanceof BigDecimal || value instanceof BigInteger;
  }

  /** Writes {@code value}; false (the output then is unusable) at the first value JSON has no form for. */
  private static boolean writeChecked(JsonOut out, Object value) {
    // Strings first: most values are, and String is a final class (one compare), while each
    // interface test that fails (Map, Collection) scans the value's class's supertypes.
    if (value instanceof String s) {
      out.string(s);
    } else if (value instanceof Map<?, ?> map) {
      out.beginObject();
      // A frozen map (every decoded or published context) is walked without its wrappers.
      Map<?, ?> walked = map instanceof FrozenMap<?, ?> frozen ? frozen.owned() : map;
      for (Map.Entry<?, ?> e : walked.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          return false;
        }
        out.name(key);
        if (!writeChecked(out, e.getValue())) {
          return false;
        }
      }
      out.endObject();
    } else if (value instanceof Collection<?> list) {
      out.beginArray();
      for (Object element : list) {
        if (!writeChecked(out, element)) {
          return false;
        }
      }
      out.endArray();
    } else if (value == null) {
      out.nullValue();
    } else if (value instanceof Boolean b) {
      out.bool(b);
    } else if (value instanceof CharSequence s) {
      out.string(s.toString());
    } else if (value instanceof Enum<?> e) {
      out.string(e.name());
    } else if (value instanceof BigDecimal d) {
      out.number(d);
    } else if (value instanceof BigInteger i) {
      out.number(i);
    } else if (value instanceof Double || value instanceof Float) {
      out.number(((Number) value).doubleValue());
    } else if (isJsonNumber(value)) {
      out.number(((Number) value).longValue());
    } else {
      return false;
    }
    return true;
  }

  /** {@code text} cut to {@value #PREVIEW} characters, for error messages. */
  public static String preview(String text) {
    return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "…";
  }
}
