package farm.moonx.events.spi;


/** A message names an event type that no registry in use declares. */
public class UnknownEventTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The unknown name, as found in the message. */
  private final String eventType;

  /** An exception for the unknown {@code eventType}. */
  public UnknownEventTypeException(String eventType) {
    super("unknown event type \"" + eventType + "\": no registered catalog declares it");
    this.eventType = eventType;
  }

  /** An exception about {@code eventType} with its own {@code message}, for subclasses. */
  protected UnknownEventTypeException(String eventType, String message) {
    super(message);
    this.eventType = eventType;
  }

  /** The unknown name, as found in the message. */
  public String eventType() {
    return eventType;
  }
}
