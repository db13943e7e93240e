package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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
      List<UnaryOperator<EventEnvelope<?>>> transformers, EventEnvelope<T> envelope, EventDescriptor<T> descriptor) {
    EventEnvelope<T> current = envelope;
    for (int i = 0; i < transformers.size(); i++) {
      EventEnvelope<?> next = transformers.get(i).apply(current);
      if (next == null || !descriptor.name().equals(next.eventType())) {
        throw new IllegalStateException("transformer " + describe(transformers, i)
            + " turned a \"" + descriptor.name() + "\" event into "
            + (next == null ? "null" : "\"" + next.eventType() + "\"")
            + "; transformers must keep the event type");
      }
      current = new EventEnvelope<>(next.metadata(), descriptor.cast(next.data()));
    }
    return current;
  }

  /** Whether every filter accepts {@code envelope} (in order; the first that says no decides). */
  public static boolean accepted(List<Predicate<EventEnvelope<?>>> filters, EventEnvelope<?> envelope) {
    for (Predicate<EventEnvelope<?>> filter : filters) {
      if (!filter.test(envelope)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code 2 of 3 (com.acme.Redactor)}. Most transformers are lambdas, whose class name
   * ({@code Billing$$Lambda$41/0x…}) means nothing to a reader: their position in the order
   * added and the class that wrote them do.
   */
  private static String describe(List<?> transformers, int index) {
    String name = transformers.get(index).getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return (index + 1) + " of " + transformers.size() + " ("
        + (lambda < 0 ? name : "a lambda in " + name.substring(0, lambda)) + ")";
  }
}
