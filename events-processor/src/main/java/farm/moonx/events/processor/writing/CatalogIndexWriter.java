package farm.moonx.events.processor.writing;

import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.TypeRef;
import java.util.Locale;
import java.util.Map;

/**
 * {@code META-INF/events/Payments.json}: the catalog for tools (documentation, schema and
 * compatibility checks). Written by hand (the processor has no JSON library); events are
 * sorted by name and components keep declaration order, so the file is stable.
 */
public final class CatalogIndexWriter {
  private CatalogIndexWriter() {}

  /** The JSON text of {@code catalog}. */
  public static String json(CatalogModel catalog, Map<String, String> constants) {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"catalog\": ").append(quote(catalog.name())).append(",\n");
    sb.append("  \"package\": ").append(quote(catalog.packageName())).append(",\n");
    sb.append("  \"topic\": ").append(quote(catalog.topic())).append(",\n");
    sb.append("  \"registry\": ")
        .append(quote(GeneratedNames.registry(catalog.packageName(), catalog.name()).canonicalName())).append(",\n");
    sb.append("  \"events\": [");
    String sep = "\n";
    for (EventModel event : catalog.events()) {
      String constant = constants.get(event.name().text());
      // Every version of a name, oldest first; older ones say which record they upcast to.
      for (OlderVersion older : catalog.olderOf(event.name().text())) {
        sb.append(sep);
        sep = ",\n";
        entry(sb, older.event(), GeneratedNames.olderConstant(constant, older.major()), older.path().get(0));
      }
      sb.append(sep);
      sep = ",\n";
      entry(sb, event, constant, null);
    }
    sb.append(catalog.events().isEmpty() ? "]\n" : "\n  ]\n");
    return sb.append("}\n").toString();
  }

  private static void entry(StringBuilder sb, EventModel event, String constant, TypeRef upcastTo) {
    FieldModel key = event.partitionKey();
    sb.append("    {\n");
    sb.append("      \"name\": ").append(quote(event.name().text())).append(",\n");
    sb.append("      \"version\": ").append(quote(event.version().text())).append(",\n");
    sb.append("      \"recordClass\": ").append(quote(event.type().qualifiedName())).append(",\n");
    if (upcastTo != null) {
      sb.append("      \"upcastTo\": ").append(quote(upcastTo.qualifiedName())).append(",\n");
    }
    sb.append("      \"descriptor\": ").append(quote(constant)).append(",\n");
    sb.append("      \"classification\": ")
        .append(quote(event.classification().toLowerCase(Locale.ROOT))).append(",\n");
    sb.append("      \"partitionKey\": ").append(key == null ? "null" : quote(key.name())).append(",\n");
    sb.append("      \"components\": [");
    String fieldSep = "\n";
    for (FieldModel field : event.record().fields()) {
      sb.append(fieldSep);
      fieldSep = ",\n";
      sb.append("        {\"name\": ").append(quote(field.name()))
          .append(", \"type\": ").append(quote(TypeNames.of(field.shape()).toString()))
          .append(", \"required\": ").append(field.required()).append('}');
    }
    sb.append(event.record().fields().isEmpty() ? "]\n" : "\n      ]\n");
    sb.append("    }");
  }

  /** {@code text} as a JSON string literal (RFC 8259 escapes). */
  static String quote(String text) {
    return quote(new StringBuilder(text.length() + 2), text).toString();
  }

  /** Appends {@code text} to {@code sb} as a JSON string literal (RFC 8259 escapes); returns {@code sb}. */
  static StringBuilder quote(StringBuilder sb, String text) {
    sb.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }
}
