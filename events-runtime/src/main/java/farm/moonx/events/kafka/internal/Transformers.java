package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventFilter;
import farm.moonx.events.EventTransformer;
import java.util.List;

/** Applies transformers and filters, on the publishing and on the consuming side alike. */
public final class Transformers {
  private Transformers() {}

  /**
   * {@code envelope} after every transformer in order. A transformer may change metadata and
   * data but not the event type: the result is still encoded with {@code descriptor}.
   *
   * @throws IllegalStateException if a transformer returns null or another event type
   * @throws IllegalArgumentException if it returns data of another record type
   */
  public static <T> EventEnvelope<T> apply(
      List<EventTransformer> transformers, EventEnvelope<T> envelope, EventDescriptor<T> descriptor) {
    EventEnvelope<T> current = envelope;
    for (EventTransformer transformer : transformers) {
      EventEnvelope<?> next = transformer.transform(current);
      if (next == null || !descriptor.name().equals(next.eventType())) {
        throw new IllegalStateException("transformer " + transformer.getClass().getName()
            + " turned a \"" + descriptor.name() + "\" event into "
            + (next == null ? "null" : "\"" + next.eventType() + "\"")
            + "; transformers must keep the event type");
      }
      current = new EventEnvelope<>(next.metadata(), descriptor.cast(next.data()));
    }
    return current;
  }

  /** Whether every filter accepts {@code envelope}. */
  public static boolean accepted(List<EventFilter> filters, EventEnvelope<?> envelope) {
    for (EventFilter filter : filters) {
      if (!filter.shouldProcess(envelope)) {
        return false;
      }
    }
    return true;
  }
}
