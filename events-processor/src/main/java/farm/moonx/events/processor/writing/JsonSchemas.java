package farm.moonx.events.processor.writing;

import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.RecordModel;
import farm.moonx.events.processor.model.Shape;
import farm.moonx.events.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON Schema fragments of the envelope as the runtime and the generated codecs write it:
 * decimals and big integers as strings, instants and dates as epoch-millisecond integers,
 * {@code byte[]} as base64, absent components omitted (never {@code null}), {@code null}
 * elements kept inside collections and maps. Shared by the JSON Schema and AsyncAPI writers.
 */
final class JsonSchemas {
  /** The metadata fields the TypeScript {@code EventMetadata} requires; the others are optional. */
  private static final List<String> REQUIRED_METADATA =
      List.of("eventId", "eventType", "eventVersion", "correlationId", "timestamp", "source");

  private final String refPrefix;
  private final Function<TypeRef, List<String>> enumConstants;

  /**
   * Fragments whose record references start with {@code refPrefix} ({@code #/$defs/}), naming
   * enum constants through {@code enumConstants}.
   */
  JsonSchemas(String refPrefix, Function<TypeRef, List<String>> enumConstants) {
    this.refPrefix = refPrefix;
    this.enumConstants = enumConstants;
  }

  /** The name of a record's definition: its qualified name. */
  static String definition(TypeRef record) {
    return record.qualifiedName();
  }

  /** The TypeScript {@code EventMetadata} of one event version: its name fixed, its major fixed. */
  Map<String, Object> metadata(EventModel event) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("eventId", string());
    properties.put("eventType", Map.of("const", event.name().text()));
    String major = event.version().text().substring(0, event.version().text().indexOf('.'));
    properties.put("eventVersion", map("type", "string", "pattern", "^" + major + "(\\.[0-9]+){0,2}$"));
    properties.put("correlationId", string());
    properties.put("causationId", string());
    properties.put("timestamp", map("type", "integer", "description", "epoch milliseconds"));
    properties.put("source", string());
    properties.put("userId", string());
    properties.put("sessionId", string());
    properties.put("tenantId", string());
    properties.put("dataClassification",
        map("type", "string", "enum", List.of("public", "internal", "confidential", "restricted")));
    properties.put("partition", string());
    properties.put("context", map("type", "object"));
    return map("type", "object", "required", REQUIRED_METADATA, "properties", properties);
  }

  /** The object schema of {@code record}'s data. */
  Map<String, Object> record(RecordModel record) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (FieldModel field : record.fields()) {
      Shape shape = field.shape() instanceof Shape.OptionalShape o ? o.value() : field.shape();
      properties.put(field.name(), shape(shape));
      if (field.required()) {
        required.add(field.name());
      }
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("title", record.type().qualifiedName());
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("properties", properties);
    return schema;
  }

  /** The schema of one value of {@code shape} (never null at this level). */
  Map<String, Object> shape(Shape shape) {
    if (shape instanceof Shape.Scalar s) {
      return scalar(s);
    } else if (shape instanceof Shape.EnumShape e) {
      return map("type", "string", "enum", enumConstants.apply(e.type()));
    } else if (shape instanceof Shape.RecordShape r) {
      return Map.of("$ref", refPrefix + definition(r.type()));
    } else if (shape instanceof Shape.CollectionShape c) {
      return map("type", "array", "items", element(c.element()));
    } else if (shape instanceof Shape.ArrayShape a) {
      return map("type", "array", "items", element(a.element()));
    } else if (shape instanceof Shape.MapShape m) {
      return map("type", "object", "additionalProperties", element(m.value()));
    } else if (shape instanceof Shape.OptionalShape o) {
      return shape(o.value());
    }
    throw new IllegalArgumentException("no schema for " + shape);
  }

  /** An element of a collection, array or map: {@code null} allowed unless primitive. */
  private Map<String, Object> element(Shape shape) {
    Map<String, Object> value = shape(shape);
    if (shape instanceof Shape.Scalar s && s.primitive()) {
      return value;
    }
    return map("anyOf", List.of(value, Map.of("type", "null")));
  }

  private static Map<String, Object> scalar(Shape.Scalar s) {
    return switch (s.kind()) {
      case BOOLEAN -> Map.of("type", "boolean");
      case BYTE -> map("type", "integer", "minimum", (int) Byte.MIN_VALUE, "maximum", (int) Byte.MAX_VALUE);
      case SHORT -> map("type", "integer", "minimum", (int) Short.MIN_VALUE, "maximum", (int) Short.MAX_VALUE);
      case INT -> map("type", "integer", "minimum", Integer.MIN_VALUE, "maximum", Integer.MAX_VALUE);
      case LONG -> Map.of("type", "integer");
      case FLOAT, DOUBLE -> Map.of("type", "number");
      case CHAR -> map("type", "string", "minLength", 1, "maxLength", 1);
      case STRING -> Map.of("type", "string");
      case BIG_DECIMAL -> map("type", "string", "pattern", "^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$",
          "description", "a decimal, as a string");
      case BIG_INTEGER -> map("type", "string", "pattern", "^-?[0-9]+$", "description", "an integer, as a string");
      case INSTANT, DATE -> map("type", "integer", "description", "epoch milliseconds");
      case LOCAL_DATE -> map("type", "string", "description", "ISO-8601 local date");
      case LOCAL_DATE_TIME -> map("type", "string", "description", "ISO-8601 local date-time");
      case OFFSET_DATE_TIME -> map("type", "string", "description", "ISO-8601 date-time with offset");
      case UUID -> map("type", "string", "format", "uuid");
      case BYTES -> map("type", "string", "contentEncoding", "base64");
    };
  }

  private static Map<String, Object> string() {
    return Map.of("type", "string");
  }

  /** An ordered map of alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
