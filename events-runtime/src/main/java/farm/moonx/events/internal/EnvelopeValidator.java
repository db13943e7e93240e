package farm.moonx.events.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.annotations.EventNames;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks an envelope before it is published or handled, collecting every problem, each
 * message naming its field: the checks {@link EventValidationException} lists for users, with
 * timestamps judged against this validator's clock and at most {@link #DEFAULT_MAX_CLOCK_SKEW}
 * (or the configured skew) ahead of it.
 *
 * <p>Thread-safe and immutable.
 */
public final class EnvelopeValidator {
  /** How far a timestamp may be ahead of the validator's clock by default. */
  public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofDays(1);

  private static final EnvelopeValidator STANDARD = new EnvelopeValidator(Clock.systemUTC(), DEFAULT_MAX_CLOCK_SKEW);

  private final Clock clock;
  private final long maxSkewMillis;

  private EnvelopeValidator(Clock clock, Duration maxClockSkew) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("maxClockSkew must not be negative: " + maxClockSkew);
    }
    this.maxSkewMillis = maxClockSkew.toMillis();
  }

  /** The validator with the system clock and {@link #DEFAULT_MAX_CLOCK_SKEW}. */
  public static EnvelopeValidator standard() {
    return STANDARD;
  }

  /** A validator judging timestamps against {@code clock}, allowing {@code maxClockSkew} ahead of it. */
  public static EnvelopeValidator of(Clock clock, Duration maxClockSkew) {
    return new EnvelopeValidator(clock, maxClockSkew);
  }

  /** Whether {@code eventType} has the required shape; see {@link EventNames#isEventName}. */
  public static boolean isValidEventType(String eventType) {
    return EventNames.isEventName(eventType);
  }

  /** Every problem with {@code envelope} as an event of type {@code descriptor}. */
  public <T> ValidationResult validate(EventEnvelope<T> envelope, EventDescriptor<T> descriptor) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(descriptor, "descriptor");
    List<String> errors = new ArrayList<>();
    validateMetadata(envelope.metadata(), descriptor, errors);
    Object data = envelope.data(); // never null: EventEnvelope rejects that
    if (!descriptor.type().isInstance(data)) {
      errors.add("data: is a " + data.getClass().getName() + ", but event \"" + descriptor.name()
          + "\" carries " + descriptor.type().getName());
    } else {
      errors.addAll(descriptor.validateData(descriptor.type().cast(data)));
    }
    return ValidationResult.of(errors);
  }

  /**
   * {@link #validate}, throwing when invalid.
   *
   * @throws EventValidationException listing every problem
   */
  public <T> void requireValid(EventEnvelope<T> envelope, EventDescriptor<T> descriptor) {
    validate(envelope, descriptor).throwIfInvalid(descriptor.name());
  }

  private void validateMetadata(EventMetadata m, EventDescriptor<?> descriptor, List<String> errors) {
    requireText("metadata.eventId", m.eventId(), errors);
    if (requireText("metadata.eventType", m.eventType(), errors)) {
      // The descriptor's name was checked when it was built: the usual case needs no pattern.
      if (!m.eventType().equals(descriptor.name()) && !EventNames.isEventName(m.eventType())) {
        errors.add("metadata.eventType: \"" + m.eventType()
            + "\" is not a lowercase dotted name like \"payment.processed\"");
      } else if (!m.eventType().equals(descriptor.name())) {
        errors.add("metadata.eventType: \"" + m.eventType() + "\" does not match the descriptor's \""
            + descriptor.name() + "\"");
      }
    }
    if (requireText("metadata.eventVersion", m.eventVersion(), errors)
        && !m.eventVersion().equals(descriptor.version()) && !EventNames.isWireVersion(m.eventVersion())) {
      errors.add("metadata.eventVersion: \"" + m.eventVersion() + "\" is not a version like \"1.0\" or \"1.2.3\"");
    }
    requireText("metadata.correlationId", m.correlationId(), errors);
    requireText("metadata.source", m.source(), errors);
    validateTimestamp(m.timestamp(), errors);
    if (m.context() != null) {
      String problem = JsonValues.unsupported(m.context(), "metadata.context");
      if (problem != null) {
        errors.add(problem);
      }
    }
  }

  private void validateTimestamp(long timestamp, List<String> errors) {
    if (timestamp == 0) {
      errors.add("metadata.timestamp: is missing");
    } else if (timestamp < 0) {
      errors.add("metadata.timestamp: " + timestamp + " is negative; expected epoch milliseconds");
    } else {
      long now = clock.millis();
      if (timestamp - now > maxSkewMillis) {
        errors.add("metadata.timestamp: " + timestamp + " is " + Duration.ofMillis(timestamp - now)
            + " in the future (more than " + Duration.ofMillis(maxSkewMillis) + " ahead of the clock)");
      }
    }
  }

  private static boolean requireText(String field, String value, List<String> errors) {
    if (value == null || value.isBlank()) {
      errors.add(field + ": is " + (value == null ? "missing" : "blank"));
      return false;
    }
    return true;
  }
}
