package farm.moonx.events.spi;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.internal.EnvelopeValidator;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import farm.moonx.events.internal.EnvelopeReader;
import farm.moonx.events.internal.MetadataJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The JSON envelope {@code {"metadata": {…}, "data": {…}}} exactly as the TypeScript services
 * write and read it, with Jackson's streaming API: the runtime writes and reads
 * {@code metadata}; {@code data} is delegated to the event's {@link EventCodec}.
 *
 * <p>Writing: metadata fields in a fixed order ({@code eventId, eventType, eventVersion,
 * correlationId, causationId, timestamp, source, userId, sessionId, tenantId,
 * dataClassification, partition, context}), null fields omitted, {@code timestamp} as a
 * number, {@code dataClassification} lowercase. Reading: fields in any order (also metadata
 * after data), unknown fields ignored at every level, optional fields absent or null. A body
 * that is not an envelope fails with a {@link MalformedEventException} naming the problem and
 * its byte offset; a field of the wrong type (e.g. a string {@code timestamp}) is such a
 * problem, never coerced. Absent required fields other than {@code eventType} (e.g.
 * {@code eventId}) are left null/0 for {@link EnvelopeValidator} to report.
 *
 * <p>Thread-safe; {@link #shared()} is the instance to use unless you need your own
 * {@link JsonFactory}.
 */
public final class JsonEventSerializer implements EventSerializer {
  /** The nesting depth beyond which a body is rejected (Jackson's default is 1000). */
  public static final int MAX_NESTING_DEPTH = 500;
  /** The longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 5_000_000;

  private static final SerializedString METADATA = new SerializedString("metadata");
  private static final SerializedString DATA = new SerializedString("data");
  private static final JsonEventSerializer SHARED = new JsonEventSerializer(defaultFactory());

  /** Above this size a thread's output buffer is dropped rather than kept for reuse. */
  private static final int MAX_RETAINED_BUFFER = 64 * 1024;

  private final JsonFactory factory;
  private final EnvelopeReader reader;
  /**
   * One output buffer per thread, reset and reused: a new buffer per message was most of the
   * bytes serialize allocated. Null while in use, so a nested serialize gets a fresh one.
   */
  private final ThreadLocal<ByteArrayBuilder> buffers = new ThreadLocal<>();

  /**
   * A codec creating its parsers and generators from {@code factory}; its
   * {@code StreamReadConstraints} bound what a hostile body can cost.
   */
  public JsonEventSerializer(JsonFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.reader = new EnvelopeReader(factory);
  }

  /** The codec over {@link #defaultFactory()}. */
  public static JsonEventSerializer shared() {
    return SHARED;
  }

  /**
   * A new {@link JsonFactory} as {@link #shared()} uses: nesting limited to
   * {@value #MAX_NESTING_DEPTH} levels and strings to {@value #MAX_STRING_LENGTH} characters.
   */
  public static JsonFactory defaultFactory() {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
        .build();
  }

  /** The factory parsers and generators come from. */
  public JsonFactory factory() {
    return factory;
  }

  @Override
  public <T> byte[] serialize(EventEnvelope<T> envelope, EventDescriptor<T> descriptor) {
    ByteArrayBuilder out = buffers.get();
    if (out == null) {
      out = new ByteArrayBuilder(512);
    } else {
      buffers.set(null);
    }
    try {
      try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
        write(g, envelope, descriptor);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode event \"" + descriptor.name() + "\" "
          + envelope.eventId() + ": " + e.getMessage(), e);
    } finally {
      if (out.size() <= MAX_RETAINED_BUFFER) {
        out.reset();
        buffers.set(out);
      }
    }
  }

  /**
   * Writes {@code envelope} as one JSON object at the generator's position (for callers that
   * embed envelopes in a larger document).
   *
   * @throws IllegalArgumentException if the data is not of the descriptor's type or a context
   *     value cannot be written as JSON
   */
  public <T> void write(JsonGenerator g, EventEnvelope<T> envelope, EventDescriptor<T> descriptor) throws IOException {
    T data = descriptor.cast(envelope.data());
    g.writeStartObject();
    g.writeFieldName(METADATA);
    MetadataJson.write(g, envelope.metadata());
    g.writeFieldName(DATA);
    descriptor.codec().write(g, data);
    g.writeEndObject();
  }

  @Override
  public EventEnvelope<?> deserialize(byte[] body, EventRegistry registry) {
    return reader.read(body, Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public RoutingInfo routing(byte[] body) {
    return reader.routing(body);
  }
}
