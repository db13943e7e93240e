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
    String problem = unsupported(value, path);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    writeChecked(out, value);
  }

  /** A message naming the first value that {@link #write} cannot write, or null if none. */
  public static String unsupported(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          return path + ": key " + e.getKey() + " is not a string";
        }
        String problem = unsupported(e.getValue(), path + "." + key);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (value instanceof Collection<?> list) {
      int i = 0;
      for (Object element : list) {
        String problem = unsupported(element, path + "[" + i++ + "]");
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (value == null || value instanceof CharSequence || value instanceof Boolean
        || value instanceof Enum<?> || isJsonNumber(value)) {
      return null;
    }
    return path + ": a " + value.getClass().getName()
        + " cannot be written as JSON; use maps, lists, strings, numbers, booleans or null";
  }

  private static boolean isJsonNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof Double || value instanceof Float
        || value instanceof BigDecimal || value instanceof BigInteger;
  }

  private static void writeChecked(JsonOut out, Object value) {
    if (value instanceof Map<?, ?> map) {
      out.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.name((String) e.getKey());
        writeChecked(out, e.getValue());
      }
      out.endObject();
    } else if (value instanceof Collection<?> list) {
      out.beginArray();
      for (Object element : list) {
        writeChecked(out, element);
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
    } else {
      out.number(((Number) value).longValue());
    }
  }

  /** {@code text} cut to {@value #PREVIEW} characters, for error messages. */
  public static String preview(String text) {
    return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "…";
  }
}
