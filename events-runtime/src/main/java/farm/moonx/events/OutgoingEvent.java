package farm.moonx.events;

import java.util.Objects;

/**
 * One event to publish in a batch: its descriptor, its data and its options.
 *
 * @param descriptor the event type
 * @param data the record
 * @param options the publish options (never null; {@link PublishOptions#none()} for none)
 * @param <T> the event record type
 */
public record OutgoingEvent<T>(EventDescriptor<T> descriptor, T data, PublishOptions options) {
  /** Checks that nothing is null. */
  public OutgoingEvent {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
  }

  /** An event with no options. */
  public static <T> OutgoingEvent<T> of(EventDescriptor<T> descriptor, T data) {
    return new OutgoingEvent<>(descriptor, data, PublishOptions.none());
  }

  /** An event with options. */
  public static <T> OutgoingEvent<T> of(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    return new OutgoingEvent<>(descriptor, data, options);
  }
}
