package farm.moonx.events;

import java.util.Objects;

/**
 * An event as it travels on Kafka: the metadata every service understands and the typed data
 * of one event type. On the wire it is the JSON object {@code {"metadata": {…}, "data": {…}}},
 * the same envelope the TypeScript services read and write.
 *
 * @param metadata identity, routing and tracing fields; never null
 * @param data the event's record; never null
 * @param <T> the event record type
 */
public record EventEnvelope<T>(EventMetadata metadata, T data) {
  /** Checks that neither part is null. */
  public EventEnvelope {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(data, "data");
  }

  /** Shorthand for {@code metadata().eventType()}. */
  public String eventType() {
    return metadata.eventType();
  }

  /** Shorthand for {@code metadata().eventId()}. */
  public String eventId() {
    return metadata.eventId();
  }

  /** A copy with other metadata and the same data (for transformers). */
  public EventEnvelope<T> withMetadata(EventMetadata newMetadata) {
    return new EventEnvelope<>(newMetadata, data);
  }

  /**
   * The metadata and the data's record type, never the data's values: the envelope does not
   * know which of them are confidential or {@code @Sensitive}, so it shows none (a descriptor
   * knows: see the dead-letter reader's redacted view).
   */
  @Override
  public String toString() {
    return "EventEnvelope[metadata=" + metadata + ", data=" + data.getClass().getSimpleName() + "(…)]";
  }

  /** A copy with other data of the same type and the same metadata (for transformers). */
  public EventEnvelope<T> withData(T newData) {
    return new EventEnvelope<>(metadata, newData);
  }
}
