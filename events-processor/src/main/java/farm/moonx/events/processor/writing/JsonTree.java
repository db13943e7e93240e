package farm.moonx.events.processor.writing;

import java.util.List;
import java.util.Map;

/**
 * Prints a tree of maps, lists, strings, numbers and booleans as indented JSON, keeping map
 * order (callers build maps in a fixed order, so the output is stable).
 */
final class JsonTree {
  private JsonTree() {}

  /** {@code value} as JSON text, ending with a newline. */
  static String print(Object value) {
    StringBuilder sb = new StringBuilder();
    print(sb, value, "");
    return sb.append('\n').toString();
  }

  private static void print(StringBuilder sb, Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      String inner = indent + "  ";
      String sep = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        CatalogIndexWriter.quote(sb.append(sep).append(inner), String.valueOf(e.getKey())).append(": ");
        print(sb, e.getValue(), inner);
        sep = ",\n";
      }
      sb.append('\n').append(indent).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      if (scalars(list)) {
        sb.append('[');
        String sep = "";
        for (Object item : list) {
          sb.append(sep);
          print(sb, item, indent);
          sep = ", ";
        }
        sb.append(']');
        return;
      }
      sb.append("[\n");
      String inner = indent + "  ";
      String sep = "";
      for (Object item : list) {
        sb.append(sep).append(inner);
        print(sb, item, inner);
        sep = ",\n";
      }
      sb.append('\n').append(indent).append(']');
    } else if (value instanceof String s) {
      CatalogIndexWriter.quote(sb, s);
    } else if (value == null) {
      sb.append("null");
    } else {
      sb.append(value); // Number or Boolean
    }
  }

  private static boolean scalars(List<?> list) {
    for (Object item : list) {
      if (item instanceof Map || item instanceof List) {
        return false;
      }
    }
    return true;
  }
}
