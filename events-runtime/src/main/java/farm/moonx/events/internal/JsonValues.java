package farm.moonx.events.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON values ({@code metadata.context}) as plain Java: objects are unmodifiable
 * {@code Map<String, Object>} (insertion-ordered), arrays unmodifiable {@code List<Object>}, strings,
 * numbers, booleans and null as themselves. Recursion depth is bounded by the parser's
 * {@code StreamReadConstraints} nesting limit, so deep input fails instead of overflowing the stack.
 */
public final class JsonValues {
  private JsonValues() {}

  /** Reads the value at the parser's current token. */
  public static Object read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return Collections.unmodifiableMap(map);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return Collections.unmodifiableList(list);
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected token " + token);
    }
  }

  /**
   * Writes a value built of maps, collections, strings, numbers, booleans, enums (by name) and
   * null.
   *
   * @throws IllegalArgumentException naming the path if some value is of another type
   */
  public static void write(JsonGenerator g, Object value, String path) throws IOException {
    String problem = unsupported(value, path);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    writeChecked(g, value);
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

  private static void writeChecked(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        writeChecked(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      g.writeStartArray();
      for (Object element : list) {
        writeChecked(g, element);
      }
      g.writeEndArray();
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.name());
    } else if (value instanceof Number || value instanceof Boolean || value instanceof CharSequence || value == null) {
      writeScalar(g, value);
    }
  }

  private static void writeScalar(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof CharSequence s) {
      g.writeString(s.toString());
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof Double || value instanceof Float) {
      g.writeNumber(((Number) value).doubleValue());
    } else {
      g.writeNumber(((Number) value).longValue());
    }
  }

  /** How a token reads in an error message: "a string", "an array", "null"… */
  public static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  /**
   * The dotted path of the parser's position, such as {@code data.items[2].sku}: the
   * enclosing containers' field names and indexes, minus the outermost {@code skip} of them,
   * after {@code prefix}.
   */
  public static String path(JsonStreamContext context, int skip, String prefix) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(0, "." + c.getCurrentName());
      }
    }
    StringBuilder sb = new StringBuilder(prefix);
    parts.stream().skip(skip).forEach(sb::append);
    return sb.toString();
  }
}
