package farm.moonx.events.spi;

import java.util.Objects;

/**
 * The routing fields of an envelope, read without decoding its {@code data}: enough to decide
 * whether a consumer cares about a message, and to log or dead-letter it.
 *
 * @param eventType {@code metadata.eventType}; never null
 * @param eventVersion {@code metadata.eventVersion}, or null if absent
 * @param eventId {@code metadata.eventId}, or null if absent
 */
public record RoutingInfo(String eventType, String eventVersion, String eventId) {
  /** Checks that the event type is present. */
  public RoutingInfo {
    Objects.requireNonNull(eventType, "eventType");
  }
}
