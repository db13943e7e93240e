package farm.moonx.events;

import java.util.List;

/** An event failed validation; {@link #errors()} lists every problem, each naming its field. */
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
