package farm.moonx.events;

import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a decoded event reaches its handler (or, on the publishing side, is sent).
 * A filtered-out event is skipped and counted, not failed. Filters registered on a consumer
 * are applied in order; the first that says no stops the event.
 *
 * <pre>{@code
 * EventFilter euOnly = e -> "eu".equals(e.metadata().context() == null ? null : e.metadata().context().get("region"));
 * EventFilter notTests = e -> !"test-harness".equals(e.metadata().source());
 * EventFilter both = euOnly.and(notTests);   // register with the consumer or publisher
 * }</pre>
 */
@FunctionalInterface
public interface EventFilter {

  /** Whether the event should be processed. */
  boolean shouldProcess(EventEnvelope<?> envelope);

  /** A filter that passes events both this and {@code other} pass (short-circuiting). */
  default EventFilter and(EventFilter other) {
    Objects.requireNonNull(other, "other");
    return envelope -> shouldProcess(envelope) && other.shouldProcess(envelope);
  }

  /** A filter that passes events this or {@code other} passes (short-circuiting). */
  default EventFilter or(EventFilter other) {
    Objects.requireNonNull(other, "other");
    return envelope -> shouldProcess(envelope) || other.shouldProcess(envelope);
  }

  /** A filter that passes exactly the events this one rejects. */
  default EventFilter negate() {
    return envelope -> !shouldProcess(envelope);
  }

  /** A filter that passes every event. */
  static EventFilter all() {
    return envelope -> true;
  }

  /** A filter that passes events whose type is one of {@code eventTypes}. */
  static EventFilter eventTypes(String... eventTypes) {
    Set<String> types = Set.of(eventTypes);
    return envelope -> types.contains(envelope.eventType());
  }
}
