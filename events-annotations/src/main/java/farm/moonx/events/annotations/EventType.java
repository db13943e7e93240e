package farm.moonx.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record as an event published on Kafka under a stable name.
 *
 * <pre>{@code
 * @EventType(value = "payment.processed", classification = DataClassification.CONFIDENTIAL)
 * public record PaymentProcessed(@PartitionKey String userId, String paymentId, BigDecimal amount) {}
 * }</pre>
 *
 * <p>The annotation processor generates a descriptor, a JSON codec, a publisher method and a
 * handler method for every annotated record, and fails the build if the name is malformed,
 * already taken, or a component type cannot be written as JSON.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventType {
  /**
   * The event name on the wire ({@code metadata.eventType}): a lowercase dotted hierarchy of at
   * least two segments, {@code domain.action}, e.g. {@code "payment.processed"} or
   * {@code "user.profile.updated"}.
   */
  String value();

  /** The schema version of the record, {@code major.minor} such as {@code "1.0"} or {@code "2.3"}. */
  String version() default "1.0";

  /** How sensitive the data is; the runtime's classification strategy may refine it per event. */
  DataClassification classification() default DataClassification.INTERNAL;
}
