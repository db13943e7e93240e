package farm.moonx.events.internal;

import farm.moonx.events.EventValidationException;
import java.util.List;

/**
 * The outcome of validating an event: valid, or every problem found, each naming its field
 * (e.g. {@code metadata.eventType: ...}).
 *
 * @param valid whether no problem was found
 * @param errors the problems, empty when valid (unmodifiable)
 */
public record ValidationResult(boolean valid, List<String> errors) {
  private static final ValidationResult OK = new ValidationResult(true, List.of());

  /** Copies {@code errors} and checks that {@code valid} is true exactly when there are none. */
  public ValidationResult {
    errors = List.copyOf(errors);
    if (valid != errors.isEmpty()) {
      throw new IllegalArgumentException("valid must be true exactly when errors is empty: " + valid + ", " + errors);
    }
  }

  /** A valid result. */
  public static ValidationResult ok() {
    return OK;
  }

  /** Valid if {@code errors} is empty, else invalid with these errors. */
  public static ValidationResult of(List<String> errors) {
    return errors.isEmpty() ? OK : new ValidationResult(false, errors);
  }

  /**
   * Throws an {@link EventValidationException} for {@code eventType} listing every error,
   * unless valid.
   */
  public void throwIfInvalid(String eventType) {
    if (!valid) {
      throw new EventValidationException(eventType, errors);
    }
  }
}
