package farm.moonx.events.internal;

import farm.moonx.events.EventMetadata;
import java.util.Objects;
import org.slf4j.MDC;

/**
 * Puts an event's ids into SLF4J's {@link MDC} while it is handled, so every log line written
 * meanwhile carries them:
 *
 * <pre>{@code
 * try (EventMdc.Scope ignored = EventMdc.open(envelope.metadata())) {
 *   handler.handle(envelope);
 * }
 * }</pre>
 *
 * <p>Keys: {@value #EVENT_ID}, {@value #EVENT_TYPE}, {@value #CORRELATION_ID},
 * {@value #CAUSATION_ID}. A key whose value is null is removed for the scope. Closing the scope
 * restores exactly what those keys held before, so scopes nest (an event published while
 * handling another). Scopes are per thread: close one on the thread that opened it. Values come
 * from input, so they are escaped and capped ({@link LogText}) before they reach the MDC.
 */
public final class EventMdc {
  /** MDC key of {@code metadata.eventId}. */
  public static final String EVENT_ID = "eventId";
  /** MDC key of {@code metadata.eventType}. */
  public static final String EVENT_TYPE = "eventType";
  /** MDC key of {@code metadata.correlationId}. */
  public static final String CORRELATION_ID = "correlationId";
  /** MDC key of {@code metadata.causationId}. */
  public static final String CAUSATION_ID = "causationId";

  private static final String[] KEYS = {EVENT_ID, EVENT_TYPE, CORRELATION_ID, CAUSATION_ID};

  /** A scope that put nothing into the MDC, for callers that open one only when they log. */
  public static final Scope NONE = () -> { };

  private EventMdc() {}

  /** Puts {@code metadata}'s ids into the MDC until the returned scope is closed. */
  public static Scope open(EventMetadata metadata) {
    Objects.requireNonNull(metadata, "metadata");
    String[] values = {metadata.eventId(), metadata.eventType(), metadata.correlationId(), metadata.causationId()};
    String[] previous = new String[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      previous[i] = MDC.get(KEYS[i]);
      set(KEYS[i], LogText.of(values[i])); // input: a newline here would forge log lines
    }
    return new Restore(previous);
  }

  private static void set(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  /** What {@link #open} returns: closing it restores the MDC. */
  public interface Scope extends AutoCloseable {
    /** Restores the keys' previous values; closing twice has no further effect. */
    @Override
    void close();
  }

  private static final class Restore implements Scope {
    private final String[] previous;
    private boolean closed;

    Restore(String[] previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (int i = 0; i < KEYS.length; i++) {
        set(KEYS[i], previous[i]);
      }
    }
  }
}
