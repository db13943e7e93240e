package farm.moonx.events.spi;

import farm.moonx.events.EventMetadata;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.internal.JsonValues;
import java.io.IOException;
import java.util.Map;

/**
 * Writes and reads the envelope's {@code metadata} object, field for field as the TypeScript
 * services do: the order of the design's example, optional fields omitted when null,
 * {@code timestamp} a JSON number, {@code dataClassification} lowercase.
 */
final class MetadataJson {
  // All optional here: eventType is checked with its own message, the rest by EnvelopeValidator.
  static final JsonFields FIELDS = JsonFields.of("eventId?", "eventType?", "eventVersion?", "correlationId?",
      "causationId?", "timestamp?", "source?", "userId?", "sessionId?", "tenantId?", "dataClassification?",
      "partition?", "context?");
  private static final int EVENT_ID = 0;
  private static final int EVENT_TYPE = 1;
  private static final int EVENT_VERSION = 2;
  private static final int TIMESTAMP = 5;
  private static final int DATA_CLASSIFICATION = 10;
  private static final int CONTEXT = 12;
  // The values that recur from message to message, each read through its slot of JsonIn#recurring.
  private static final int TYPE_SLOT = 0;
  private static final int VERSION_SLOT = 1;
  private static final int SOURCE_SLOT = 2;

  private MetadataJson() {}

  /** Writes {@code m} as one JSON object. */
  static void write(JsonOut out, EventMetadata m) {
    out.beginObject();
    out.string(FIELDS, EVENT_ID, m.eventId());
    out.string(FIELDS, EVENT_TYPE, m.eventType());
    out.string(FIELDS, EVENT_VERSION, m.eventVersion());
    out.string(FIELDS, 3, m.correlationId());
    out.string(FIELDS, 4, m.causationId());
    out.number(FIELDS, TIMESTAMP, m.timestamp());
    out.string(FIELDS, 6, m.source());
    out.string(FIELDS, 7, m.userId());
    out.string(FIELDS, 8, m.sessionId());
    out.string(FIELDS, 9, m.tenantId());
    if (m.dataClassification() != null) {
      out.string(FIELDS, DATA_CLASSIFICATION, m.dataClassification().wireName());
    }
    out.string(FIELDS, 11, m.partition());
    if (m.context() != null) {
      out.name(FIELDS, CONTEXT);
      JsonValues.write(out, m.context(), "metadata.context");
    }
    out.endObject();
  }

  /**
   * Reads the metadata object at the current token. Unknown fields are skipped; null and
   * absent optional fields are null. With {@code routingOnly}, only eventId, eventType and
   * eventVersion are read and the rest is skipped unchecked.
   *
   * @throws MalformedEventException if it is not an object, a field has the wrong type, or
   *     {@code eventType} is missing
   */
  static EventMetadata read(JsonIn in, boolean routingOnly) throws IOException {
    if (in.token() != '{') {
      throw in.fail("metadata must be an object, found " + JsonNumbers.describe(in));
    }
    // Locals, not an array: nothing is allocated here but what the metadata holds.
    String eventId = null;
    String eventType = null;
    String eventVersion = null;
    String correlationId = null;
    String causationId = null;
    long timestamp = 0L;
    String source = null;
    String userId = null;
    String sessionId = null;
    String tenantId = null;
    DataClassification classification = null;
    String partition = null;
    Map<String, Object> context = null;
    for (int f = in.firstField(FIELDS); f != JsonIn.END; f = in.nextField(FIELDS)) {
      if (routingOnly && f > EVENT_VERSION) {
        in.skip();
        continue;
      }
      switch (f) {
        case EVENT_ID -> eventId = string(in, f);
        case EVENT_TYPE -> eventType = string(in, f, TYPE_SLOT);
        case EVENT_VERSION -> eventVersion = string(in, f, VERSION_SLOT);
        case 3 -> correlationId = string(in, f);
        case 4 -> causationId = string(in, f);
        case TIMESTAMP -> timestamp = timestamp(in);
        case 6 -> source = string(in, f, SOURCE_SLOT);
        case 7 -> userId = string(in, f);
        case 8 -> sessionId = string(in, f);
        case 9 -> tenantId = string(in, f);
        case DATA_CLASSIFICATION -> classification = classification(in);
        case 11 -> partition = string(in, f);
        default -> context = context(in);
      }
    }
    if (eventType == null || eventType.isBlank()) {
      throw in.fail("metadata.eventType is missing");
    }
    return new EventMetadata(eventId, eventType, eventVersion, correlationId, causationId, timestamp, source, userId,
        sessionId, tenantId, classification, partition, context);
  }

  private static String string(JsonIn in, int field) throws IOException {
    return string(in, field, -1);
  }

  /**
   * The string value of {@code field}; read through the reader's {@code slot} of
   * {@link JsonIn#recurring} unless the slot is negative.
   */
  private static String string(JsonIn in, int field, int slot) throws IOException {
    if (in.token() != '"') {
      throw in.fail("metadata." + FIELDS.name(field) + " must be a string, found " + JsonNumbers.describe(in));
    }
    return slot < 0 ? in.string() : in.recurring(slot);
  }

  // TypeScript writes Date.now(): an integer. A string or fraction is a producer bug, reported
  // rather than guessed at; null counts as absent (0), which validation then reports.
  private static long timestamp(JsonIn in) throws IOException {
    long at = in.offset();
    int start = in.pos - 1;
    int kind = JsonNumbers.scan(in);
    if (kind == 0) {
      return JsonNumbers.scannedLong(in, start);
    }
    String found = kind > 0 ? "a decimal number" : JsonNumbers.describe(in);
    String text = in.token() == '"' ? " (" + JsonValues.preview(in.string()) + ")" : "";
    throw new MalformedEventException(
        "metadata.timestamp must be an integer number of epoch milliseconds, found " + found + text, at);
  }

  private static final DataClassification[] CLASSIFICATIONS = DataClassification.values();
  private static final JsonFields CLASSIFICATION_NAMES = wireNames();

  private static JsonFields wireNames() {
    JsonFields.Builder names = JsonFields.builder();
    for (DataClassification c : CLASSIFICATIONS) {
      names.optional(c.wireName());
    }
    return names.build();
  }

  private static DataClassification classification(JsonIn in) throws IOException {
    int known = in.oneOf(CLASSIFICATION_NAMES); // as written: nothing decoded
    if (known >= 0) {
      return CLASSIFICATIONS[known];
    }
    String wire = string(in, DATA_CLASSIFICATION); // other casing, or an error naming the value
    try {
      return DataClassification.fromWireName(wire);
    } catch (IllegalArgumentException e) {
      throw in.fail("metadata.dataClassification: " + e.getMessage());
    }
  }

  // Frozen, so EventMetadata keeps it rather than copying it.
  private static Map<String, Object> context(JsonIn in) throws IOException {
    if (in.token() != '{') {
      throw in.fail("metadata.context must be an object, found " + JsonNumbers.describe(in));
    }
    return AnyJson.object(in);
  }
}
