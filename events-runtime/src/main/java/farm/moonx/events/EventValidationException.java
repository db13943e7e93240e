package farm.moonx.events;

import java.util.List;

/**
 * An event failed validation; {@link #errors()} lists every problem, each naming its field.
 *
 * <p>Publishers check every event before sending it, and consumers every event they decode
 * (unless validation is turned off in their config):
 *
 * <ul>
 *   <li>{@code eventId}, {@code eventType}, {@code eventVersion}, {@code correlationId},
 *       {@code source} present and non-blank, {@code timestamp} set;
 *   <li>{@code eventType} a lowercase dotted hierarchy of at least two segments, each a
 *       lowercase letter then letters and digits, optionally joined by {@code -} or {@code _}
 *       ({@code payment.processed}, {@code system.health_check}, {@code billing.invoice.paid});
 *       and equal to the descriptor's name;
 *   <li>{@code eventVersion} {@code major.minor} or {@code major.minor.patch} digits, or a bare
 *       {@code major} (some TypeScript services write {@code "1"}, read as {@code "1.0"});
 *   <li>{@code timestamp} positive and at most a day ahead of the local clock;
 *   <li>{@code context} values writable as JSON;
 *   <li>{@code data} of the descriptor's record type, then the descriptor's own data checks
 *       ({@link EventDescriptor#validateData}, e.g. required components present).
 * </ul>
 */
public class EventValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The problems found. */
  private final List<String> errors;

  /** An exception for event type {@code eventType} with the given problems. */
  public EventValidationException(String eventType, List<String> errors) {
    super("invalid event \"" + eventType + "\": " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** Every problem found, each naming its field. */
  public List<String> errors() {
    return errors;
  }
}
