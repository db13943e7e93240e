package farm.moonx.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component whose value must never leave the service's own code: the library
 * keeps it out of log lines, dead-letter header messages, the CLI's {@code show} and every
 * {@code toString} it produces for envelopes (it shows {@code <redacted>} instead). The
 * event's classification still applies on top: a confidential event hides all its data.
 *
 * <pre>{@code
 * @EventType("card.added")
 * public record CardAdded(String userId, @Sensitive String cardNumber) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Sensitive {}
