package farm.moonx.events.spi;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.EventValidationException;
import java.util.Objects;

/**
 * The JSON envelope {@code {"metadata": {…}, "data": {…}}} exactly as the TypeScript services
 * write and read it, at byte level (writing over DSL-JSON's writer, reading with our own cursor): the runtime writes and reads
 * {@code metadata}; {@code data} is delegated to the event's {@link EventCodec}. Each thread
 * reuses one reader and one output buffer ({@link JsonIn}, {@link JsonOut}); nothing but the
 * result is allocated per message beyond the decoded values.
 *
 * <p>Writing: metadata fields in a fixed order ({@code eventId, eventType, eventVersion,
 * correlationId, causationId, timestamp, source, userId, sessionId, tenantId,
 * dataClassification, partition, context}), null fields omitted, {@code timestamp} as a
 * number, {@code dataClassification} lowercase. Reading: fields in any order (also metadata
 * after data), unknown fields ignored at every level, optional fields absent or null. A body
 * that is not an envelope fails with a {@link MalformedEventException} naming the problem and
 * its byte offset; a field of the wrong type (e.g. a string {@code timestamp}) is such a
 * problem, never coerced. Nesting is limited to {@value JsonIn#MAX_NESTING_DEPTH} levels,
 * strings to {@value JsonIn#MAX_STRING_LENGTH} characters, numbers to 1000 characters.
 * Absent required fields other than {@code eventType} (e.g. {@code eventId}) are left null/0
 * for validation to report (see {@link EventValidationException}).
 *
 * <p>Thread-safe and immutable; use {@link #shared()}, or {@link #withMaxNumberLength} for
 * longer numbers.
 */
public final class JsonEventSerializer implements EventSerializer {
  /** The nesting depth beyond which a body is rejected. */
  public static final int MAX_NESTING_DEPTH = JsonIn.MAX_NESTING_DEPTH;
  /** The longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = JsonIn.MAX_STRING_LENGTH;

  private static final JsonFields ENVELOPE = JsonFields.of("metadata?", "data?");
  private static final JsonEventSerializer SHARED = new JsonEventSerializer(JsonNumbers.MAX_NUMBER_LENGTH);

  /** The longest number it reads, in characters: parsing a decimal takes time quadratic in it. */
  private final int maxNumberLength;

  private JsonEventSerializer(int maxNumberLength) {
    this.maxNumberLength = maxNumberLength;
  }

  /**
   * The serializer: numbers (JSON numbers and decimal strings) of at most
   * {@value JsonNumbers#MAX_NUMBER_LENGTH} characters, Jackson's default limit.
   */
  public static JsonEventSerializer shared() {
    return SHARED;
  }

  /**
   * A serializer reading numbers of up to {@code maxNumberLength} characters instead (pass it to
   * the consumer's config with {@code serializer(..)}): {@code new BigDecimal(String)} takes time
   * quadratic in the length, so raise it only as far as your data needs.
   *
   * @throws IllegalArgumentException unless {@code maxNumberLength} is between 1 and 1,000,000
   */
  public static JsonEventSerializer withMaxNumberLength(int maxNumberLength) {
    if (maxNumberLength < 1 || maxNumberLength > JsonNumbers.MAX_NUMBER_LENGTH_LIMIT) {
      throw new IllegalArgumentException("maxNumberLength must be between 1 and "
          + JsonNumbers.MAX_NUMBER_LENGTH_LIMIT + ", got " + maxNumberLength);
    }
    return new JsonEventSerializer(maxNumberLength);
  }

  @Override
  public <T> byte[] serialize(EventEnvelope<T> envelope, EventDescriptor<T> descriptor) {
    T data = descriptor.cast(envelope.data());
    Engine engine = Engine.acquire();
    try {
      JsonOut out = engine.out;
      out.reset();
      out.beginObject();
      out.name(ENVELOPE, 0);
      MetadataJson.write(out, envelope.metadata());
      out.name(ENVELOPE, 1);
      descriptor.codec().write(out, data);
      out.endObject();
      return out.writer().toByteArray();
    } finally {
      engine.release();
    }
  }

  @Override
  public EventEnvelope<?> deserialize(byte[] body, EventRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    Engine engine = Engine.acquire();
    engine.in.maxNumberLength = maxNumberLength;
    try {
      return EnvelopeReader.read(engine.in, body, registry);
    } finally {
      engine.release();
    }
  }

  @Override
  public RoutingInfo routing(byte[] body) {
    Engine engine = Engine.acquire();
    engine.in.maxNumberLength = maxNumberLength;
    try {
      return EnvelopeReader.routing(engine.in, body);
    } finally {
      engine.release();
    }
  }
}
