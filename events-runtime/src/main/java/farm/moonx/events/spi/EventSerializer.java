package farm.moonx.events.spi;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;


/**
 * Turns envelopes into message bodies and back. {@link JsonEventSerializer} is the implementation
 * (the JSON envelope the TypeScript services share); plug in another for a different body
 * format. Compression is not a serializer's job: the Kafka producer's
 * {@code compression.type} does it.
 *
 * <p>Implementations must be thread-safe.
 */
public interface EventSerializer {

  /**
   * The body of {@code envelope}, whose data is written with {@code descriptor}'s codec.
   *
   * @throws IllegalArgumentException if the data is not of the descriptor's record type or a
   *     context value cannot be written
   * @throws java.io.UncheckedIOException if the data codec fails
   */
  <T> byte[] serialize(EventEnvelope<T> envelope, EventDescriptor<T> descriptor);

  /**
   * Decodes a body with the descriptor {@code registry} holds for its
   * {@code metadata.eventType}.
   *
   * @throws MalformedEventException if the body is not a well-formed envelope, or its data
   *     cannot be decoded; the message says what and where
   * @throws UnknownEventTypeException if the registry has no such event type
   */
  EventEnvelope<?> deserialize(byte[] body, EventRegistry registry)
      throws MalformedEventException, UnknownEventTypeException;

  /**
   * Reads only {@code metadata.eventType}, {@code eventVersion} and {@code eventId}, never
   * decoding {@code data}; the rest of the body is not checked.
   *
   * @throws MalformedEventException if the body has no readable {@code metadata.eventType}
   */
  RoutingInfo routing(byte[] body) throws MalformedEventException;
}
