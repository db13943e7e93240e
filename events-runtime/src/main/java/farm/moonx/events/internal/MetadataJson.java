package farm.moonx.events.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.annotations.DataClassification;
import java.io.IOException;
import java.util.Map;

/**
 * Writes and reads the envelope's {@code metadata} object, field for field as the TypeScript
 * services do: the order of the design's example, optional fields omitted when null,
 * {@code timestamp} a JSON number, {@code dataClassification} lowercase.
 */
public final class MetadataJson {
  static final SerializedString EVENT_ID = new SerializedString("eventId");
  static final SerializedString EVENT_TYPE = new SerializedString("eventType");
  static final SerializedString EVENT_VERSION = new SerializedString("eventVersion");
  static final SerializedString CORRELATION_ID = new SerializedString("correlationId");
  static final SerializedString CAUSATION_ID = new SerializedString("causationId");
  static final SerializedString TIMESTAMP = new SerializedString("timestamp");
  static final SerializedString SOURCE = new SerializedString("source");
  static final SerializedString USER_ID = new SerializedString("userId");
  static final SerializedString SESSION_ID = new SerializedString("sessionId");
  static final SerializedString TENANT_ID = new SerializedString("tenantId");
  static final SerializedString DATA_CLASSIFICATION = new SerializedString("dataClassification");
  static final SerializedString PARTITION = new SerializedString("partition");
  static final SerializedString CONTEXT = new SerializedString("context");

  private MetadataJson() {}

  /** Writes {@code m} as one JSON object. */
  public static void write(JsonGenerator g, EventMetadata m) throws IOException {
    g.writeStartObject();
    writeString(g, EVENT_ID, m.eventId());
    writeString(g, EVENT_TYPE, m.eventType());
    writeString(g, EVENT_VERSION, m.eventVersion());
    writeString(g, CORRELATION_ID, m.correlationId());
    writeString(g, CAUSATION_ID, m.causationId());
    g.writeFieldName(TIMESTAMP);
    g.writeNumber(m.timestamp());
    writeString(g, SOURCE, m.source());
    writeString(g, USER_ID, m.userId());
    writeString(g, SESSION_ID, m.sessionId());
    writeString(g, TENANT_ID, m.tenantId());
    if (m.dataClassification() != null) {
      writeString(g, DATA_CLASSIFICATION, m.dataClassification().wireName());
    }
    writeString(g, PARTITION, m.partition());
    if (m.context() != null) {
      g.writeFieldName(CONTEXT);
      JsonValues.write(g, m.context(), "metadata.context");
    }
    g.writeEndObject();
  }

  private static void writeString(JsonGenerator g, SerializedString name, String value) throws IOException {
    if (value != null) {
      g.writeFieldName(name);
      g.writeString(value);
    }
  }

  /**
   * Reads the metadata object at the parser's current token, leaving the parser on its
   * {@code END_OBJECT}. Unknown fields are skipped; null and absent optional fields are null.
   * With {@code routingOnly}, only eventId, eventType and eventVersion are read and the rest is
   * skipped unchecked.
   *
   * @throws MalformedEventException if it is not an object, a field has the wrong type, or
   *     {@code eventType} is missing
   */
  public static EventMetadata read(JsonParser p, boolean routingOnly) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw Malformed.at(p, "metadata must be an object, found " + JsonValues.describe(p.currentToken()));
    }
    EventMetadata.Builder b = EventMetadata.builder();
    String eventType = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "eventId" -> b.eventId(string(p, name));
        case "eventType" -> eventType = string(p, name);
        case "eventVersion" -> b.eventVersion(string(p, name));
        default -> {
          if (routingOnly) {
            p.skipChildren();
          } else {
            readOptional(p, name, b);
          }
        }
      }
    }
    if (eventType == null || eventType.isBlank()) {
      throw Malformed.at(p, "metadata.eventType is missing");
    }
    return b.eventType(eventType).build();
  }

  private static void readOptional(JsonParser p, String name, EventMetadata.Builder b) throws IOException {
    switch (name) {
      case "correlationId" -> b.correlationId(string(p, name));
      case "causationId" -> b.causationId(string(p, name));
      case "timestamp" -> b.timestamp(timestamp(p));
      case "source" -> b.source(string(p, name));
      case "userId" -> b.userId(string(p, name));
      case "sessionId" -> b.sessionId(string(p, name));
      case "tenantId" -> b.tenantId(string(p, name));
      case "dataClassification" -> b.dataClassification(classification(p));
      case "partition" -> b.partition(string(p, name));
      case "context" -> b.context(context(p));
      default -> p.skipChildren(); // unknown field: forward compatibility
    }
  }

  private static String string(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw Malformed.at(p, "metadata." + field + " must be a string, found " + JsonValues.describe(t));
    }
    return p.getText();
  }

  // TypeScript writes Date.now(): an integer. A string or fraction is a producer bug, reported
  // rather than guessed at; null counts as absent (0), which validation then reports.
  private static long timestamp(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return 0L;
    }
    if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw Malformed.at(p, "metadata.timestamp must be an integer number of epoch milliseconds, found "
          + JsonValues.describe(t) + (t.isScalarValue() ? " (" + p.getText() + ")" : ""));
    }
    return p.getLongValue();
  }

  private static DataClassification classification(JsonParser p) throws IOException {
    String wire = string(p, "dataClassification");
    if (wire == null) {
      return null;
    }
    try {
      return DataClassification.fromWireName(wire);
    } catch (IllegalArgumentException e) {
      throw Malformed.at(p, "metadata.dataClassification: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked") // JsonValues.read returns a Map for START_OBJECT
  private static Map<String, Object> context(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      throw Malformed.at(p, "metadata.context must be an object, found " + JsonValues.describe(t));
    }
    return (Map<String, Object>) JsonValues.read(p);
  }
}
