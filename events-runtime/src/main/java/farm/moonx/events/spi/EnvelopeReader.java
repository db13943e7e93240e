package farm.moonx.events.spi;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventRegistry;
import java.io.IOException;

/**
 * Reads envelope bodies. Fields may come in any order: when {@code data} precedes
 * {@code metadata} its bytes are skipped (checked to be JSON) and, once the event type is
 * known, read from a copy of that span, offsets still counted from the body's start. Every
 * failure is a {@link MalformedEventException} with a byte offset, or an
 * {@link UnknownEventTypeException} for a well-formed body of an unregistered type.
 */
final class EnvelopeReader {
  private static final JsonFields ENVELOPE = JsonFields.of("metadata?", "data?");
  private static final int METADATA = 0;
  private static final int DATA = 1;

  private EnvelopeReader() {}

  /** Decodes {@code body}; see {@link EventSerializer#deserialize}. */
  static EventEnvelope<?> read(JsonIn in, byte[] body, EventRegistry registry) {
    open(in, body);
    try {
      return readEnvelope(in, body, registry);
    } catch (IOException | RuntimeException e) {
      throw failure(in, e);
    }
  }

  /** Reads the routing fields only; see {@link EventSerializer#routing}. */
  static RoutingInfo routing(JsonIn in, byte[] body) {
    open(in, body);
    try {
      for (int f = in.firstKey(ENVELOPE); f != JsonIn.END; f = in.nextKey(ENVELOPE)) {
        if (f == METADATA) {
          EventMetadata m = MetadataJson.read(in, true);
          return new RoutingInfo(m.eventType(), m.eventVersion(), m.eventId());
        }
        in.skip();
      }
      requireEnd(in);
      throw in.fail("metadata is missing");
    } catch (IOException | RuntimeException e) {
      throw failure(in, e);
    }
  }

  /** Starts reading {@code body}, which must begin with an object (after whitespace). */
  private static void open(JsonIn in, byte[] body) {
    if (body == null || body.length == 0) {
      throw new MalformedEventException("the body is empty; expected a JSON object {\"metadata\":…,\"data\":…}", 0);
    }
    in.start(body, 0, null);
    try {
      if (!nextToken(in)) {
        throw new MalformedEventException("the envelope must be a JSON object, found only whitespace", body.length);
      }
      if (in.token() != '{') {
        throw notAnObject(in);
      }
    } catch (IOException | RuntimeException e) {
      throw failure(in, e);
    }
  }

  /**
   * What a reader throws for {@code e}: unchecked exceptions as they are (ours say what is
   * wrong with the body; any other is a bug, not bad input); an {@code IOException} (from a
   * codec of one's own) means the body could not be read.
   */
  private static RuntimeException failure(JsonIn in, Exception e) {
    if (e instanceof RuntimeException unchecked) {
      return unchecked;
    }
    return in.malformed("not a valid JSON envelope", e);
  }

  private static MalformedEventException notAnObject(JsonIn in) throws IOException {
    byte t = in.token();
    boolean value = t == '"' || t == '[' || t == '-' || t >= '0' && t <= '9'
        || t == 't' || t == 'f' || t == 'n';
    if (!value) {
      return in.syntax("unexpected character " + JsonNumbers.describeByte(t));
    }
    return in.fail("the envelope must be a JSON object, found " + JsonNumbers.describe(in));
  }

  /** Moves to the next token; false at the end of the input (only whitespace left). */
  private static boolean nextToken(JsonIn in) throws IOException {
    if (in.atEnd()) {
      return false;
    }
    in.next();
    return true;
  }

  private static EventEnvelope<?> readEnvelope(JsonIn in, byte[] body, EventRegistry registry) throws IOException {
    EventMetadata metadata = null;
    EventDescriptor<?> descriptor = null;
    EventCodec<?> codec = null;
    UnknownEventTypeException unreadable = null;
    Object data = null;
    int deferredStart = -1;
    boolean dataSeen = false;
    for (int f = in.firstKey(ENVELOPE); f != JsonIn.END; f = in.nextKey(ENVELOPE)) {
      if (f == METADATA) {
        if (metadata != null) {
          throw in.fail("the envelope has two metadata fields");
        }
        metadata = MetadataJson.read(in, false);
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
      } else if (f == DATA) {
        if (dataSeen) {
          throw in.fail("the envelope has two data fields");
        }
        dataSeen = true;
        requireObject(in);
        if (descriptor != null) {
          data = readData(in, descriptor, codec);
        } else {
          // Type not known yet (or unknown): remember where data is, read it later.
          deferredStart = in.pos - 1;
          in.skip();
        }
      } else {
        in.skip(); // unknown top-level field: forward compatibility
      }
    }
    requireEnd(in);
    if (metadata == null) {
      throw in.fail("metadata is missing");
    }
    if (!dataSeen) {
      throw in.fail("data is missing");
    }
    if (descriptor == null) {
      throw unreadable != null ? unreadable : new UnknownEventTypeException(metadata.eventType());
    }
    if (data == null) {
      in.start(body, deferredStart, "data");
      in.next();
      data = readData(in, descriptor, codec);
    }
    return new EventEnvelope<>(metadata, data);
  }

  private static void requireObject(JsonIn in) throws IOException {
    if (in.token() != '{') {
      throw in.fail("data must be an object, found " + JsonNumbers.describe(in));
    }
  }

  private static void requireEnd(JsonIn in) throws IOException {
    if (nextToken(in)) {
      throw in.fail("trailing content after the envelope: " + JsonNumbers.describe(in));
    }
  }

  /**
   * Reads data with {@code codec}: the descriptor's, or an older major's that upcasts. Any failure inside it (a mistyped or missing field,
   * an exception from the record's constructor) becomes malformed, naming the JSON path where
   * the reader stood, e.g. {@code data.amount of event "payment.processed"}.
   */
  private static Object readData(JsonIn in, EventDescriptor<?> descriptor, EventCodec<?> codec) throws IOException {
    int depth = in.depth;
    in.subject(descriptor.name());
    Object value;
    try {
      value = codec.read(in);
    } catch (MalformedEventException e) {
      throw e;
    } catch (RuntimeException e) {
      throw in.error(e.toString(), e);
    } finally {
      in.subject(null);
    }
    if (value == null || in.depth != depth || in.token() != '}') {
      throw in.fail("the codec of event \"" + descriptor.name() + "\" returned "
          + (value == null ? "null" : "before the end of data") + ", breaking the EventCodec contract");
    }
    return value;
  }
}
