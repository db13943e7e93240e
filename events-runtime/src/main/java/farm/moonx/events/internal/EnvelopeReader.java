package farm.moonx.events.internal;

import farm.moonx.events.spi.EventCodec;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.spi.RoutingInfo;
import farm.moonx.events.spi.UnknownEventTypeException;
import java.io.IOException;

/**
 * Reads envelope bodies. Fields may come in any order: when {@code data} precedes
 * {@code metadata} its byte offset is remembered, it is skipped, and once the event type is
 * known a second parser reads it from that offset. Every failure is a
 * {@link MalformedEventException} with a byte offset, or an {@link UnknownEventTypeException}
 * for a well-formed body of an unregistered type.
 */
public final class EnvelopeReader {
  private final JsonFactory factory;

  /** A reader creating parsers from {@code factory}. */
  public EnvelopeReader(JsonFactory factory) {
    this.factory = factory;
  }

  /** Decodes {@code body}; see {@link farm.moonx.events.spi.EventSerializer#deserialize}. */
  public EventEnvelope<?> read(byte[] body, EventRegistry registry) {
    return withParser(body, p -> readEnvelope(p, body, registry));
  }

  private EventEnvelope<?> readEnvelope(JsonParser p, byte[] body, EventRegistry registry) throws IOException {
    EventMetadata metadata = null;
    EventDescriptor<?> descriptor = null;
    EventCodec<?> codec = null;
    UnknownEventTypeException unreadable = null;
    Object data = null;
    long deferredData = -1;
    boolean dataSeen = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if ("metadata".equals(name)) {
        if (metadata != null) {
          throw Malformed.at(p, "the envelope has two metadata fields");
        }
        metadata = MetadataJson.read(p, false);
        descriptor = registry.find(metadata.eventType()).orElse(null);
        if (descriptor != null) {
          try {
            // The record is picked by name and major: an older major is read and upcast.
            codec = descriptor.codecFor(metadata.eventVersion());
          } catch (UnknownEventTypeException e) {
            unreadable = e; // reported once the body is known to be well formed
            descriptor = null;
          }
        }
      } else if ("data".equals(name)) {
        if (dataSeen) {
          throw Malformed.at(p, "the envelope has two data fields");
        }
        dataSeen = true;
        if (descriptor != null) {
          data = readData(p, descriptor, codec, 1, 0);
        } else {
          // Type not known yet (or unknown): remember where data starts, check it later.
          requireObject(p, 0);
          deferredData = p.currentTokenLocation().getByteOffset();
          p.skipChildren();
        }
      } else {
        p.skipChildren(); // unknown top-level field: forward compatibility
      }
    }
    requireEnd(p);
    if (metadata == null) {
      throw Malformed.at(p, "metadata is missing");
    }
    if (!dataSeen) {
      throw Malformed.at(p, "data is missing");
    }
    if (descriptor == null) {
      throw unreadable != null ? unreadable : new UnknownEventTypeException(metadata.eventType());
    }
    if (data == null) {
      data = readDeferred(body, (int) deferredData, descriptor, codec);
    }
    return new EventEnvelope<>(metadata, data);
  }

  /** Reads the routing fields only; see {@link farm.moonx.events.spi.EventSerializer#routing}. */
  public RoutingInfo routing(byte[] body) {
    return withParser(body, p -> {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if ("metadata".equals(name)) {
          EventMetadata m = MetadataJson.read(p, true);
          return new RoutingInfo(m.eventType(), m.eventVersion(), m.eventId());
        }
        p.skipChildren();
      }
      requireEnd(p);
      throw Malformed.at(p, "metadata is missing");
    });
  }

  /** Reads with {@code task}, turning Jackson failures into malformed-body errors. */
  private <R> R withParser(byte[] body, ParserTask<R> task) {
    try (JsonParser p = open(body)) {
      try {
        return task.run(p);
      } catch (IOException e) {
        // Inside the try-with-resources: the parser's location is gone once it is closed.
        throw Malformed.fromJackson("not a valid JSON envelope", e, p, 0);
      }
    } catch (IOException e) {
      throw Malformed.fromJackson("not a valid JSON envelope", e, null, 0);
    }
  }

  @FunctionalInterface
  private interface ParserTask<R> {
    R run(JsonParser p) throws IOException;
  }

  private JsonParser open(byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      throw new MalformedEventException("the body is empty; expected a JSON object {\"metadata\":…,\"data\":…}", 0);
    }
    JsonParser p = factory.createParser(body);
    JsonToken first = p.nextToken();
    if (first != JsonToken.START_OBJECT) {
      MalformedEventException e = first == null
          ? new MalformedEventException("the envelope must be a JSON object, found only whitespace", body.length)
          : Malformed.at(p, "the envelope must be a JSON object, found " + JsonValues.describe(first));
      p.close();
      throw e;
    }
    return p;
  }

  private static void requireEnd(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw Malformed.at(p, "the envelope object is not closed");
    }
    try {
      JsonToken after = p.nextToken();
      if (after != null) {
        throw Malformed.at(p, "trailing content after the envelope: " + JsonValues.describe(after));
      }
    } catch (IOException e) {
      throw Malformed.fromJackson("trailing content after the envelope", e, p, 0);
    }
  }

  private static void requireObject(JsonParser p, long base) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw Malformed.at(p, "data must be an object, found " + JsonValues.describe(p.currentToken()), base);
    }
  }

  private Object readDeferred(byte[] body, int offset, EventDescriptor<?> descriptor, EventCodec<?> codec)
      throws IOException {
    try (JsonParser p = factory.createParser(body, offset, body.length - offset)) {
      p.nextToken();
      return readData(p, descriptor, codec, 0, offset);
    }
  }

  /**
   * Reads data with {@code codec} (the descriptor's, or an older major's that upcasts). Any failure inside it (bad JSON, a missing or
   * mistyped field, an exception from the record's constructor) becomes malformed, naming the
   * JSON path where the parser stood, e.g. {@code data.amount}.
   */
  private static Object readData(
      JsonParser p, EventDescriptor<?> descriptor, EventCodec<?> codec, int skip, long base) {
    requireObject(p, base);
    Object value;
    try {
      value = codec.read(p);
    } catch (IOException e) {
      throw Malformed.fromJackson(JsonValues.path(p.getParsingContext(), skip, "data") + " of " + what(descriptor), e, p, base);
    } catch (RuntimeException e) {
      throw new MalformedEventException(JsonValues.path(p.getParsingContext(), skip, "data") + " of " + what(descriptor)
          + " cannot be decoded: " + e, Malformed.offset(p.currentTokenLocation(), base), e);
    }
    // ObjectMapper.readValue(JsonParser) ends by clearing the END_OBJECT it stopped on.
    boolean atEnd = p.currentToken() == JsonToken.END_OBJECT
        || p.currentToken() == null && p.getLastClearedToken() == JsonToken.END_OBJECT;
    if (value == null || !atEnd) {
      throw Malformed.at(p, "the codec of " + what(descriptor) + " returned " + (value == null ? "null" : "before the end of data")
          + ", breaking the EventCodec contract", base);
    }
    return value;
  }

  /** Built only when a read fails: the success path of every read must not pay for it. */
  private static String what(EventDescriptor<?> descriptor) {
    return "event \"" + descriptor.name() + "\"";
  }
}
